// The webpack build of the JupyterLab front end. Every shared package is a singleton offered
// to prebuilt extensions through module federation, the way a JupyterLab application does.
"use strict";
const path = require("path");
const webpack = require("webpack");
const { merge } = require("webpack-merge");
const baseConfig = require("@jupyterlab/builder/lib/webpack.config.base");
const { Build } = require("@jupyterlab/builder");
const { coreMetadata } = require("./core-metadata.cjs");

const workspace = path.join(__dirname, "..", "..");
const output = path.join(__dirname, "..", "dist", "app");
const metadata = coreMetadata(path.join(workspace, "node_modules"));

// The extension packages that app/plugins.js imports: the server serves their schemas and themes.
const EXTENSION_PACKAGES = [
  "@jupyterlab/application-extension",
  "@jupyterlab/apputils-extension",
  "@jupyterlab/codemirror-extension",
  "@jupyterlab/completer-extension",
  "@jupyterlab/docmanager-extension",
  "@jupyterlab/filebrowser-extension",
  "@jupyterlab/mainmenu-extension",
  "@jupyterlab/markedparser-extension",
  "@jupyterlab/notebook-extension",
  "@jupyterlab/rendermime-extension",
  "@jupyterlab/services-extension",
  "@jupyterlab/shortcuts-extension",
  "@jupyterlab/theme-light-extension",
  "@jupyterlab/translation-extension",
  "@jupyter-widgets/jupyterlab-manager",
];

// Schemas (settings) and themes of the built-in plugins, where LabServerApp serves them.
const themeBuilds = Build.ensureAssets({
  packageNames: EXTENSION_PACKAGES,
  output: path.join(output, "static"),
  schemaOutput: output,
  themeOutput: output,
});

const shared = {};
for (const [name, version] of Object.entries(metadata.resolutions)) {
  shared[name] = { singleton: true, requiredVersion: version.replace("~", "^") };
}

module.exports = [
  merge(baseConfig, {
    mode: "production",
    entry: { main: path.join(__dirname, "index.js") },
    output: {
      path: path.join(output, "static"),
      publicPath: "auto",
      // Not the package's name: the prebuilt extension (built from this package) takes that for
      // its chunk-loading global, and a shared global merges this app's chunks into the
      // extension's module table, where a module id both builds use replaces the extension's
      // container entry ("container.init is not a function" in the browser).
      uniqueName: "tsgis_lab_front_end",
      filename: "[name].js",
      chunkFilename: "[name].[contenthash].js",
    },
    optimization: { minimize: process.env.TSGIS_LAB_MINIFY === "1" },
    performance: { hints: false },
    plugins: [
      new webpack.container.ModuleFederationPlugin({
        name: "CORE_FEDERATION",
        library: { type: "var", name: ["_JUPYTERLAB", "CORE_LIBRARY_FEDERATION"] },
        shared,
      }),
    ],
  }),
  ...themeBuilds,
];
