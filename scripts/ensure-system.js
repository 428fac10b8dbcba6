#!/usr/bin/env node
// Makes sure the Debian packages listed in scripts/debian-packages.txt are installed, so that a
// fresh clone runs `npm start` / `npm test` without manual steps. Installs with apt-get only when
// it can (root on Debian/Ubuntu); otherwise prints the exact command and fails.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync, spawnSync } = require("child_process");

function listedPackages() {
  const text = fs.readFileSync(path.join(__dirname, "debian-packages.txt"), "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [name, proof] = line.split(/\s+/);
      return { name, proof };
    });
}

function isPresent({ name, proof }) {
  if (proof) return fs.existsSync(proof);
  return spawnSync("dpkg", ["-s", name], { stdio: "ignore" }).status === 0;
}

function canUseApt() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && fs.existsSync("/usr/bin/apt-get");
}

function ensureSystemPackages() {
  const missing = listedPackages().filter((pkg) => !isPresent(pkg));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name);
  if (!canUseApt()) {
    console.error(
      `tsgis needs these system packages: ${names.join(" ")}\n` +
        `Install them, then run the command again:\n  sudo apt-get install -y ${names.join(" ")}`,
    );
    process.exit(1);
  }
  console.log(`Installing system packages: ${names.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...names], {
    stdio: "inherit",
    env,
  });
}

module.exports = { ensureSystemPackages };
if (require.main === module) ensureSystemPackages();
