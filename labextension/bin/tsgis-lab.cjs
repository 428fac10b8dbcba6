#!/usr/bin/env node
// `npx tsgis-lab install [--user | --prefix P | --data-dir D]`: copies the prebuilt tsgis map
// extension (and @jupyter-widgets/jupyterlab-manager's, when that is missing and a prebuilt
// copy is at hand) into a Jupyter data directory's labextensions folder, where JupyterLab 4
// finds prebuilt extensions without a rebuild.
"use strict";
const { installExtensions, parseInstallArguments } = require("../scripts/install.cjs");

const USAGE = "usage: tsgis-lab install [--user | --prefix PREFIX | --data-dir DIR]";
const [command, ...rest] = process.argv.slice(2);
if (command === "--help" || command === "-h") {
  console.log(USAGE);
  process.exit(0);
}
if (command !== "install") {
  console.error(USAGE);
  process.exit(2);
}
try {
  const target = parseInstallArguments(rest);
  for (const line of installExtensions(target)) console.log(line);
} catch (error) {
  console.error(`tsgis-lab install: ${error.message}`);
  process.exit(1);
}
