// Installing prebuilt extensions into a Jupyter data directory (share/jupyter/labextensions).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const EXTENSION_NAME = "@tsgis/labextension";
const WIDGETS_MANAGER = "@jupyter-widgets/jupyterlab-manager";
const root = path.join(__dirname, "..");

/** The data directory: --data-dir D, --prefix P (P/share/jupyter), --user, or $JUPYTER_DATA_DIR. */
function parseInstallArguments(args) {
  const value = (flag) => {
    const index = args.indexOf(flag);
    if (index < 0) return undefined;
    const next = args[index + 1];
    if (!next || next.startsWith("--")) throw new Error(`${flag} needs a directory`);
    return path.resolve(next);
  };
  const known = new Set(["--user", "--prefix", "--data-dir"]);
  for (const arg of args) {
    if (arg.startsWith("--") && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  }
  const dataDir = value("--data-dir");
  if (dataDir) return dataDir;
  const prefix = value("--prefix");
  if (prefix) return path.join(prefix, "share", "jupyter");
  if (process.env.JUPYTER_DATA_DIR) return path.resolve(process.env.JUPYTER_DATA_DIR);
  return path.join(os.homedir(), ".local", "share", "jupyter");
}

function copyTree(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/** Where a prebuilt widgets manager may be found on this machine. */
function prebuiltWidgetsManager() {
  const candidates = [
    path.join(root, "dist", "jupyterlab-manager"),
    "/usr/share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager",
    "/usr/local/share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager",
  ];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, "package.json")));
}

/**
 * `withWidgetsManager: false` is for the tsgis front end, which has the widgets manager built
 * in: it neither needs a prebuilt copy nor should be told one is missing.
 */
function installExtensions(
  dataDir,
  built = path.join(root, "dist", "labextension"),
  { withWidgetsManager = true } = {},
) {
  if (!fs.existsSync(path.join(built, "package.json"))) {
    throw new Error(`no prebuilt extension in ${built}: run "npm run build:lab" first`);
  }
  const labextensions = path.join(dataDir, "labextensions");
  const lines = [];
  const target = path.join(labextensions, ...EXTENSION_NAME.split("/"));
  copyTree(built, target);
  lines.push(`installed ${EXTENSION_NAME} in ${target}`);
  if (!withWidgetsManager) return lines;
  const managerTarget = path.join(labextensions, ...WIDGETS_MANAGER.split("/"));
  if (fs.existsSync(path.join(managerTarget, "package.json"))) {
    lines.push(`${WIDGETS_MANAGER} is already in ${managerTarget}`);
  } else {
    const manager = prebuiltWidgetsManager();
    if (manager) {
      copyTree(manager, managerTarget);
      lines.push(`installed ${WIDGETS_MANAGER} in ${managerTarget}`);
    } else {
      lines.push(
        `${WIDGETS_MANAGER} is missing and no prebuilt copy was found; the tsgis front end has it built in, JupyterLab needs jupyterlab_widgets`,
      );
    }
  }
  return lines;
}

module.exports = { installExtensions, parseInstallArguments, EXTENSION_NAME };
