#!/usr/bin/env node
// `npm run build:lab`: builds what JupyterLab needs to show tsgis maps.
//   1. TypeScript of @tsgis/widget and the plugin;
//   2. the prebuilt extension (webpack through @jupyterlab/builder) in dist/labextension,
//      with @arcgis/core's assets copied beside it, pruned to what the views use;
//      and the script of the pages MapView.exportToHtml writes (dist/map-page);
//   3. the JupyterLab front end in dist/app (for machines without the `jupyterlab` package).
// Steps whose inputs' contents have not changed since their last successful build are skipped
// (stamps in dist/stamps); `--force` rebuilds.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { writeCoreMetadata } = require("../app/core-metadata.cjs");
const { copyArcGisAssets } = require("./arcgis-assets.cjs");
const freshness = require("./freshness.cjs");
const { inputsDigest } = freshness;

const root = path.join(__dirname, "..");
const workspace = path.join(root, "..");
const nodeModules = path.join(workspace, "node_modules");
const dist = path.join(root, "dist");
const force = process.argv.includes("--force");
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);

function run(command, args, options = {}) {
  console.log(`> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs `build` unless `output` was built from inputs with this digest. */
function buildUnlessCurrent(what, output, digest, build) {
  const stamps = path.join(dist, "stamps");
  freshness.buildUnlessCurrent({ what, output, digest, stamps, force }, build);
}

const corePath = path.join(dist, "core");
const core = writeCoreMetadata(nodeModules, corePath);
// What both builds bundle or share: the version of every locked package (not the rest of the
// lock, such as bin paths) and the installed versions of the shared ones. A dependency update
// changes them and rebuilds.
const lock = JSON.parse(fs.readFileSync(path.join(workspace, "package-lock.json"), "utf8"));
const lockedVersions = Object.entries(lock.packages).map(([where, entry]) => [
  where,
  entry.version,
  entry.integrity,
]);
const versions = { core, lockedVersions };

if (!only || only === "extension") {
  run("npx", ["tsc", "-b", "tsconfig.json"]);
  const inputs = [
    path.join(workspace, "widget", "dist"),
    path.join(workspace, "widget", "package.json"),
    path.join(dist, "lib"),
    path.join(root, "package.json"),
    path.join(root, "webpack.extra.cjs"),
  ];
  const output = path.join(dist, "labextension", "package.json");
  buildUnlessCurrent("extension", output, inputsDigest(inputs, versions), () =>
    run(process.execPath, [
      "--max-old-space-size=4096",
      require.resolve("@jupyterlab/builder/lib/build-labextension.js"),
      "--core-path",
      corePath,
      root,
    ]),
  );
  const assets = path.join(dist, "labextension", "static", "arcgis-assets");
  const copied = copyArcGisAssets(path.join(nodeModules, "@arcgis", "core", "assets"), assets);
  console.log(`@arcgis/core assets: ${copied.files} files, ${(copied.bytes / 1e6).toFixed(1)} MB`);
}

if (!only || only === "page") {
  if (only) run("npx", ["tsc", "-b", path.join(workspace, "widget")]);
  // The page exportToHtml writes runs the same map code, bundled without @arcgis/core.
  const pageInputs = [path.join(workspace, "widget", "dist"), path.join(root, "webpack.page.cjs")];
  buildUnlessCurrent(
    "exported map page",
    path.join(dist, "map-page", "exported-map.bundle.js"),
    inputsDigest(pageInputs, versions),
    () =>
      run(process.execPath, [
        require.resolve("webpack-cli/bin/cli.js"),
        "--config",
        path.join(root, "webpack.page.cjs"),
      ]),
  );
}

if (!only || only === "app") {
  // The page template, settings and serve.py are read when the server runs, not built in.
  const sources = [
    "index.js",
    "bootstrap.js",
    "plugins.js",
    "webpack.config.cjs",
    "core-metadata.cjs",
  ];
  const inputs = sources.map((file) => path.join(root, "app", file));
  buildUnlessCurrent(
    "front end",
    path.join(dist, "app", "static", "main.js"),
    inputsDigest(inputs, versions),
    () =>
      run(process.execPath, [
        "--max-old-space-size=4096",
        require.resolve("webpack-cli/bin/cli.js"),
        "--config",
        path.join(root, "app", "webpack.config.cjs"),
      ]),
  );
}
