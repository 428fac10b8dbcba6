#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and starts the demo portal with its seeded
// organisation, then says how to connect to it from a notebook or a script.
"use strict";
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { ensureNpmDependencies } = require("./ensure-npm");
const { ensureSystemPackages } = require("./ensure-system");

const root = path.join(__dirname, "..");
const port = process.env.TSGIS_PORTAL_PORT || "8480";
const dataDir = path.join(root, ".tsgis-data", "portal");

ensureNpmDependencies();
ensureSystemPackages();
const build = spawnSync("npx", ["tsc", "-b", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

const portal = spawn(
  process.execPath,
  [path.join(root, "portal", "dist", "cli.js"), "--demo", "--port", port, "--data", dataDir],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
);
portal.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => portal.kill(signal));

console.log(`
Connect from a TypeScript notebook or script (Node 20):

  import { GIS } from "tsgis";
  const gis = await GIS.connect({ url: "http://127.0.0.1:${port}", username: "admin", password: "tsgis-admin-1" });
  console.log(gis.properties.name, gis.users.me?.username);

Press Ctrl+C to stop the portal. Its data stays in .tsgis-data/portal.
`);
