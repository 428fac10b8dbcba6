#!/usr/bin/env node
// `npm test`: installs what is missing, builds every package, checks lint and formatting, then
// runs the whole jest suite (unit, portal, integration, kernel). Extra arguments go to jest.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const { ensureNpmDependencies } = require("./ensure-npm");
const { ensureSystemPackages } = require("./ensure-system");

const root = path.join(__dirname, "..");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

ensureSystemPackages();
ensureNpmDependencies();
run("npx", ["tsc", "-b", "tsconfig.build.json"]);
run("npx", ["tsc", "-p", "tsconfig.json"]);
// exportToHtml inlines the widget's map code: the notebook, security and widget suites use it.
run(process.execPath, [path.join(root, "labextension", "scripts", "build-lab.cjs"), "--only=page"]);
run("npx", ["eslint", "."]);
run("npx", ["prettier", "--check", "."]);
run("npx", ["jest", "--ci", ...process.argv.slice(2)]);
