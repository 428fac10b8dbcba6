#!/usr/bin/env node
// Committed, so that `npm ci` links the command before dist/ exists (npm links a bin only when
// its file is there at install time). In a source checkout, the first run builds the package.
"use strict";
const fs = require("fs");
const path = require("path");

const built = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(built)) {
  const packageDir = path.join(__dirname, "..");
  require("../../scripts/build-package.cjs").buildPackage("tsgis-portal", packageDir);
}
require(built);
