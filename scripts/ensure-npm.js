#!/usr/bin/env node
// Installs the npm dependencies when node_modules is missing or older than the lock file, so
// `npm start` and `npm test` work on a fresh clone without a separate install step. Run it after
// scripts/ensure-system.js: native modules build against the Debian packages, and npm drops an
// optional one (kerberos) silently when its build fails. So each native module is loaded once
// after the install; one that does not load is rebuilt, and one that still does not load stops
// the command with the fix, instead of surfacing later as a confusing test failure.
"use strict";
const fs = require("fs");
const path = require("path");
const { execSync, spawnSync } = require("child_process");

const root = path.join(__dirname, "..");

/** The native modules the tests and `npm start` load, and what their build needs. */
const NATIVE_MODULES = [
  { name: "better-sqlite3", needs: "a C++ toolchain (g++, make, python3)" },
  { name: "kerberos", needs: "the Debian package libkrb5-dev and a C++ toolchain" },
  { name: "@napi-rs/keyring", needs: "a prebuilt binary for this platform (from npm)" },
  { name: "zeromq", needs: "a prebuilt binary for this platform (from npm)" },
];

function installedIsCurrent() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (!fs.existsSync(marker)) return false;
  return fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
}

/** Why `name` does not load from the project root, or null when it does. */
function loadFailure(name) {
  const result = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(name)})`], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status === 0) return null;
  const lines = (result.stderr || "").split("\n").filter((line) => /Error/.test(line));
  return lines[0] || `exit code ${result.status}`;
}

function unloadable() {
  return NATIVE_MODULES.filter((module) => loadFailure(module.name) !== null);
}

function isInstalled(name) {
  return fs.existsSync(path.join(root, "node_modules", name, "package.json"));
}

function npm(args) {
  execSync(`npm ${args} --no-audit --no-fund`, { cwd: root, stdio: "inherit" });
}

function repair(broken) {
  const present = broken.filter((module) => isInstalled(module.name));
  if (present.length === broken.length) {
    console.log(`Rebuilding ${broken.map((module) => module.name).join(", ")}…`);
    npm(`rebuild ${present.map((module) => module.name).join(" ")}`);
  } else {
    // npm removed a module whose build failed: only a fresh install brings it back.
    console.log("Reinstalling the npm dependencies (a native module is missing)…");
    npm("ci");
  }
}

function ensureNpmDependencies() {
  if (!installedIsCurrent()) {
    console.log("Installing npm dependencies (npm ci)…");
    npm("ci");
  }
  let broken = unloadable();
  if (broken.length === 0) return;
  try {
    repair(broken);
  } catch {
    // npm printed why; what still does not load is reported below with the fix.
  }
  broken = unloadable();
  if (broken.length === 0) return;
  const lines = broken.map(
    (module) => `  ${module.name}: ${loadFailure(module.name)}\n    needs ${module.needs}`,
  );
  console.error(
    `These native npm modules do not load:\n${lines.join("\n")}\n` +
      "Install what they need (the system packages are listed in scripts/debian-packages.txt),\n" +
      `then run:  npm rebuild ${broken.map((module) => module.name).join(" ")}`,
  );
  process.exit(1);
}

module.exports = { ensureNpmDependencies };
if (require.main === module) ensureNpmDependencies();
