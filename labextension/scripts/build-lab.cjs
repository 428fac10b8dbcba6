#!/usr/bin/env node
// `npm run build:lab`: builds what JupyterLab needs to show tsgis maps.
//   1. TypeScript of @tsgis/widget and the plugin;
//   2. the prebuilt extension (webpack through @jupyterlab/builder) in dist/labextension,
//      with @arcgis/core's assets copied beside it, pruned to what the views use;
//   3. the JupyterLab front end in dist/app (for machines without the `jupyterlab` package).
// Steps whose inputs have not changed since their last build are skipped; `--force` rebuilds.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { writeCoreMetadata } = require("../app/core-metadata.cjs");
const { copyArcGisAssets } = require("./arcgis-assets.cjs");
const { newestMtime } = require("./freshness.cjs");

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

function upToDate(output, inputs) {
  if (force || !fs.existsSync(output)) return false;
  return fs.statSync(output).mtimeMs >= newestMtime(inputs);
}

const corePath = path.join(dist, "core");
writeCoreMetadata(nodeModules, corePath);

if (!only || only === "extension") {
  run("npx", ["tsc", "-b", "tsconfig.json"]);
  const stamp = path.join(dist, "labextension", "package.json");
  const inputs = [
    path.join(workspace, "widget", "dist"),
    path.join(dist, "lib"),
    path.join(root, "package.json"),
  ];
  if (upToDate(stamp, inputs)) {
    console.log("extension: up to date");
  } else {
    run(process.execPath, [
      "--max-old-space-size=4096",
      require.resolve("@jupyterlab/builder/lib/build-labextension.js"),
      "--core-path",
      corePath,
      root,
    ]);
  }
  const assets = path.join(dist, "labextension", "static", "arcgis-assets");
  const copied = copyArcGisAssets(path.join(nodeModules, "@arcgis", "core", "assets"), assets);
  console.log(`@arcgis/core assets: ${copied.files} files, ${(copied.bytes / 1e6).toFixed(1)} MB`);
}

if (!only || only === "app") {
  const stamp = path.join(dist, "app", "static", "main.js");
  if (upToDate(stamp, [path.join(root, "app"), corePath])) {
    console.log("front end: up to date");
  } else {
    run(process.execPath, [
      "--max-old-space-size=4096",
      require.resolve("webpack-cli/bin/cli.js"),
      "--config",
      path.join(root, "app", "webpack.config.cjs"),
    ]);
  }
}
