#!/usr/bin/env node
// Installs the npm dependencies when node_modules is missing or older than the lock file, so
// `npm start` and `npm test` work on a fresh clone without a separate install step.
"use strict";
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");

const root = path.join(__dirname, "..");

function installedIsCurrent() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (!fs.existsSync(marker)) return false;
  return fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
}

function ensureNpmDependencies() {
  if (installedIsCurrent()) return;
  console.log("Installing npm dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
}

module.exports = { ensureNpmDependencies };
if (require.main === module) ensureNpmDependencies();
