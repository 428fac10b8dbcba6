// The "core" package description that @jupyterlab/builder reads (--core-path) to decide which
// packages a prebuilt extension takes from the page instead of bundling: every @jupyterlab,
// @lumino, @jupyter and @jupyter-widgets package installed here, plus the libraries JupyterLab
// shares as singletons. Versions come from what is installed, so the front end and the
// extensions built against it always agree.
"use strict";
const fs = require("fs");
const path = require("path");

const SINGLETON_SCOPES = [
  "@jupyterlab",
  "@lumino",
  "@jupyter",
  "@jupyter-widgets",
  "@codemirror",
  "@lezer",
];
const SINGLETON_LIBRARIES = ["react", "react-dom", "yjs"];
/** Node-side tools and packages a page never imports. */
const NOT_SHARED = new Set(["@jupyterlab/builder", "@jupyter-widgets/jupyterlab-manager"]);

function installedVersion(nodeModules, name) {
  const file = path.join(nodeModules, name, "package.json");
  if (!fs.existsSync(file)) return null;
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  return data.version;
}

function sharedPackages(nodeModules) {
  const names = [];
  for (const scope of SINGLETON_SCOPES) {
    const folder = path.join(nodeModules, scope);
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder)) names.push(`${scope}/${entry}`);
  }
  names.push(...SINGLETON_LIBRARIES);
  const versions = {};
  for (const name of names.sort()) {
    if (NOT_SHARED.has(name)) continue;
    const version = installedVersion(nodeModules, name);
    if (version) versions[name] = version;
  }
  return versions;
}

function coreMetadata(nodeModules) {
  const versions = sharedPackages(nodeModules);
  const resolutions = Object.fromEntries(Object.entries(versions).map(([n, v]) => [n, `~${v}`]));
  return {
    name: "@tsgis/lab-app",
    version: installedVersion(nodeModules, "@jupyterlab/application"),
    private: true,
    dependencies: resolutions,
    resolutions,
    jupyterlab: { name: "JupyterLab (tsgis)", singletonPackages: Object.keys(versions) },
  };
}

function writeCoreMetadata(nodeModules, outputFolder) {
  fs.mkdirSync(outputFolder, { recursive: true });
  const metadata = coreMetadata(nodeModules);
  fs.writeFileSync(path.join(outputFolder, "package.json"), JSON.stringify(metadata, null, 2));
  return metadata;
}

module.exports = { coreMetadata, writeCoreMetadata };
