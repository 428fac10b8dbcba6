#!/usr/bin/env node
// `npm start`: installs what is missing, builds, starts the demo portal, installs the tsgis
// kernel and map extension into a project-local Jupyter directory, and opens JupyterLab on
// notebooks/ with the map tutorial ready. `npm start -- --portal-only` starts just the portal.
// package.json runs this with `exec`, so that the signals npm forwards to its shell reach it.
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { spawn, spawnSync } = require("child_process");
const { ensureNpmDependencies } = require("./ensure-npm");
const { ensureSystemPackages } = require("./ensure-system");
const { Supervisor } = require("./supervisor");
const { installExtensions } = require("../labextension/scripts/install.cjs");

const root = path.join(__dirname, "..");
const portalPort = process.env.TSGIS_PORTAL_PORT || "8480";
const labPort = process.env.TSGIS_LAB_PORT || "8888";
const portalUrl = `http://127.0.0.1:${portalPort}`;
const dataDir = process.env.TSGIS_PORTAL_DATA || path.join(root, ".tsgis-data", "portal");
const jupyterPrefix = path.join(root, ".jupyter-local");
// Saved layouts of `npm start` only; the tests and benchmarks keep theirs elsewhere.
const workspacesDir = path.join(jupyterPrefix, "workspaces", "start");
const portalOnly = process.argv.includes("--portal-only");
const supervisor = new Supervisor(root);

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

async function waitForPortal() {
  for (let attempt = 0; attempt < 150; attempt++) {
    const ready = await fetch(`${portalUrl}/sharing/rest?f=json`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the demo portal did not answer at ${portalUrl}`);
}

function jupyterEnv() {
  return {
    ...process.env,
    JUPYTER_PATH: path.join(jupyterPrefix, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(jupyterPrefix, "data"),
    JUPYTER_CONFIG_DIR: path.join(jupyterPrefix, "config"),
    JUPYTER_RUNTIME_DIR: path.join(jupyterPrefix, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
    TSGIS_PORTAL_URL: portalUrl,
  };
}

async function startLab() {
  const env = jupyterEnv();
  await supervisor.run(
    process.execPath,
    [path.join(root, "kernel", "dist", "jupyter", "cli.js"), "install", "--prefix", jupyterPrefix],
    env,
  );
  if (supervisor.isStopping) return;
  const useRealJupyterLab = onPath("jupyter-lab");
  const installed = installExtensions(path.join(jupyterPrefix, "share", "jupyter"), undefined, {
    withWidgetsManager: useRealJupyterLab,
  });
  for (const line of installed) console.log(line);
  // The Jupyter server's own access token, generated per start; it guards the local server.
  const labToken = crypto.randomBytes(16).toString("hex");
  const serverArgs = [
    `--ServerApp.port=${labPort}`,
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.token=${labToken}`,
    `--ServerApp.root_dir=${path.join(root, "notebooks")}`,
    "--no-browser",
    "--MappingKernelManager.default_kernel_name=tsgis",
    ...(process.getuid && process.getuid() === 0 ? ["--ServerApp.allow_root=True"] : []),
  ];
  fs.mkdirSync(workspacesDir, { recursive: true });
  const [command, args] = useRealJupyterLab
    ? ["jupyter-lab", [...serverArgs, `--LabApp.workspaces_dir=${workspacesDir}`]]
    : [
        "/usr/bin/python3",
        [
          path.join(root, "labextension", "app", "serve.py"),
          ...serverArgs,
          `--TsgisLab.workspaces_dir=${workspacesDir}`,
        ],
      ];
  supervisor.startServer(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const mapUrl = `http://127.0.0.1:${labPort}/lab/tree/map.ipynb?token=${labToken}`;
  console.log(`
JupyterLab (${useRealJupyterLab ? "jupyter lab" : "the tsgis front end"}) is starting on notebooks/.
Open the map tutorial:

  ${mapUrl}

Notebooks connect to the demo portal at ${portalUrl} (TSGIS_PORTAL_URL).
Press Ctrl+C to stop JupyterLab, its kernels and the portal. Portal data stays in .tsgis-data/portal.
`);
  if (process.env.DISPLAY && onPath("xdg-open")) {
    spawn("xdg-open", [mapUrl], { stdio: "ignore", detached: true }).unref();
  }
}

async function main() {
  ensureSystemPackages();
  ensureNpmDependencies();
  await supervisor.run("npx", ["tsc", "-b", "tsconfig.build.json"]);
  if (!portalOnly)
    await supervisor.run(process.execPath, [
      path.join(root, "labextension", "scripts", "build-lab.cjs"),
    ]);
  if (supervisor.isStopping) return;
  fs.mkdirSync(dataDir, { recursive: true });
  supervisor.startServer(
    process.execPath,
    [
      path.join(root, "portal", "dist", "cli.js"),
      "--demo",
      "--port",
      portalPort,
      "--data",
      dataDir,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  await waitForPortal();
  if (supervisor.isStopping) return;
  if (portalOnly) {
    console.log(`
Connect from a TypeScript notebook or script:

  import { GIS } from "tsgis";
  const gis = await GIS.connect({ url: "${portalUrl}", username: "admin", password: "tsgis-admin-1" });
`);
    return;
  }
  await startLab();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void supervisor.stop(1);
});
