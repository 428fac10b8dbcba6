// Starts what the map's browser tests and benchmarks need: the prebuilt extension and front end (npm run build:lab,
// skipped when current), the tsgis kernelspec and extension installed in a sandbox data
// directory, and the tsgis JupyterLab front end served by LabServerApp on a free port.
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import path from "path";

/** The workspace root, found upwards from here (this file also runs compiled, from bench/dist). */
function workspaceRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, "utf8")).name === "tsgis-workspace"
    ) {
      return dir;
    }
  }
  throw new Error("the tsgis workspace root was not found above " + __dirname);
}

export const root = workspaceRoot();
const python = "/usr/bin/python3";

export interface LabServer {
  url: string;
  token: string;
  /** The folder the server shows; inside the repository so notebooks can import tsgis. */
  notebookDir: string;
  /** Where JupyterLab saves this run's layouts: its own, never shared with `npm start`. */
  workspacesDir: string;
  /** What the server (and its kernels) printed so far. */
  log(): string;
  stop(): Promise<void>;
}

function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export function buildLab(): void {
  runOrThrow(
    process.execPath,
    [path.join(root, "labextension", "scripts", "build-lab.cjs")],
    process.env,
  );
  runOrThrow("npx", ["tsc", "-b", "kernel"], process.env);
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startLab(portalUrl: string, notebooks: string[]): Promise<LabServer> {
  const sandbox = mkdtempSync(path.join(tmpdir(), "tsgis-e2e-"));
  const localRoot = path.join(root, ".jupyter-local");
  mkdirSync(localRoot, { recursive: true });
  const notebookDir = mkdtempSync(path.join(localRoot, "e2e-"));
  for (const notebook of notebooks)
    cpSync(notebook, path.join(notebookDir, path.basename(notebook)));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: path.join(sandbox, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(sandbox, "data"),
    JUPYTER_CONFIG_DIR: path.join(sandbox, "config"),
    JUPYTER_RUNTIME_DIR: path.join(sandbox, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
    TSGIS_PORTAL_URL: portalUrl,
  };
  runOrThrow(
    process.execPath,
    [path.join(root, "kernel", "dist", "jupyter", "cli.js"), "install", "--prefix", sandbox],
    env,
  );
  runOrThrow(
    process.execPath,
    [path.join(root, "labextension", "bin", "tsgis-lab.cjs"), "install", "--prefix", sandbox],
    env,
  );
  const workspacesDir = path.join(sandbox, "workspaces");
  mkdirSync(workspacesDir);
  const port = await freePort();
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const server: ChildProcess = spawn(
    python,
    [
      path.join(root, "labextension", "app", "serve.py"),
      `--ServerApp.port=${port}`,
      "--ServerApp.port_retries=0",
      "--ServerApp.ip=127.0.0.1",
      `--ServerApp.token=${token}`,
      `--ServerApp.root_dir=${notebookDir}`,
      "--ServerApp.allow_root=True",
      "--no-browser",
      `--TsgisLab.workspaces_dir=${workspacesDir}`,
    ],
    { cwd: notebookDir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`the lab server exited:\n${log}`);
    const ready = await fetch(`${url}/api/status?token=${token}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 300) throw new Error(`the lab server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    token,
    notebookDir,
    workspacesDir,
    log: () => log,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      rmSync(sandbox, { recursive: true, force: true });
      rmSync(notebookDir, { recursive: true, force: true });
    },
  };
}
