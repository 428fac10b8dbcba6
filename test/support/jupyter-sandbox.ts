// What the kernel, notebook and fresh-clone tests share to run Jupyter the way a user does,
// without touching the user's own Jupyter folders: the kernel built from current sources, a
// sandboxed Jupyter environment with the tsgis kernelspec installed, and child processes run
// without blocking this process (which may be serving the portal the child talks to).
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";

const root = path.join(__dirname, "..", "..");
/** The kernel's command line, as `npx tsgis-kernel` runs it. */
export const kernelCli = path.join(root, "kernel", "dist", "jupyter", "cli.js");
/** Debian's Jupyter packages are importable only by the system interpreter, not pyenv's python3. */
export const systemPython = "/usr/bin/python3";

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end without blocking the event loop. */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Builds kernel/ so the tests run current code, and throws when there is nothing to run. */
export function buildKernel(): void {
  // `tsc -b` emits nothing while another module of kernel/ has type errors (npm test reports
  // those in its own build step); `tsc -p` still emits, so the tests use current code.
  const build = spawnSync("npx", ["tsc", "-b", "kernel"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0)
    spawnSync("npx", ["tsc", "-p", "kernel"], { cwd: root, encoding: "utf8" });
  if (!existsSync(kernelCli)) {
    throw new Error(`building kernel/ failed:\n${build.stdout}${build.stderr}`);
  }
}

/** A fresh folder holding a Jupyter environment of its own, with the tsgis kernel installed. */
export interface JupyterSandbox {
  readonly folder: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Makes the sandbox and installs the tsgis kernelspec into it (`extraEnv` reaches the kernel). */
export function installKernelInSandbox(
  prefix: string,
  extraEnv: NodeJS.ProcessEnv = {},
): JupyterSandbox {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: path.join(folder, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(folder, "data"),
    JUPYTER_CONFIG_DIR: path.join(folder, "config"),
    JUPYTER_RUNTIME_DIR: path.join(folder, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
    ...extraEnv,
  };
  const install = spawnSync("node", [kernelCli, "install", "--prefix", folder], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (install.status !== 0) throw new Error(`tsgis-kernel install failed:\n${install.stderr}`);
  return { folder, env };
}
