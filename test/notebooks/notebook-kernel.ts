// Running notebooks the way a user does: the tsgis kernel installed into a sandboxed Jupyter
// data folder, nbclient (run_notebooks.py under Debian's Python) executing every cell, and a
// demo portal started in this process whose URL reaches the cells as TSGIS_PORTAL_URL.
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const root = path.join(__dirname, "..", "..");
const cli = path.join(root, "kernel", "dist", "jupyter", "cli.js");
const runner = path.join(__dirname, "run_notebooks.py");
// Debian's Jupyter packages are importable only by the system interpreter, not pyenv's python3.
const python = "/usr/bin/python3";

export interface CellError {
  cell: number | null;
  source: string;
  ename: string;
  evalue: string;
  traceback: string[];
}

export interface RunReport {
  runs: { notebook: string; run: number; cells: number; error: CellError | null }[];
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A sandboxed Jupyter with the tsgis kernel installed, and the demo portal its cells use. */
export interface NotebookKernel {
  readonly sandbox: string;
  readonly portal: RunningPortal;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Executes the notebooks in order, each `runs` times, and returns the runner's report; with
   * `outputDir`, the executed notebooks are saved there too, for reading their outputs.
   */
  run(paths: string[], runs: number, outputDir?: string): Promise<{ report: RunReport } & Finished>;
  close(): Promise<void>;
}

/** Runs a command without blocking this process, which serves the portal the notebooks use. */
function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export interface NotebookKernelOptions {
  /** Type errors fail a cell (TSGIS_STRICT_TYPES), as they must in notebooks users copy. */
  strictTypes?: boolean;
}

/** Builds the kernel, installs its kernelspec into a fresh sandbox and starts a demo portal. */
export async function startNotebookKernel(
  prefix: string,
  options: NotebookKernelOptions = {},
): Promise<NotebookKernel> {
  // `tsc -b` emits nothing while another module of kernel/ has type errors (npm test reports
  // those in its own build step); `tsc -p` still emits, so the notebooks use current code.
  const build = spawnSync("npx", ["tsc", "-b", "kernel"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0)
    spawnSync("npx", ["tsc", "-p", "kernel"], { cwd: root, encoding: "utf8" });
  if (!existsSync(cli)) throw new Error(`building kernel/ failed:\n${build.stdout}${build.stderr}`);
  const sandbox = mkdtempSync(path.join(tmpdir(), prefix));
  const portal = await startPortal({ port: 0, demo: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: path.join(sandbox, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(sandbox, "data"),
    JUPYTER_CONFIG_DIR: path.join(sandbox, "config"),
    JUPYTER_RUNTIME_DIR: path.join(sandbox, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
    TSGIS_PORTAL_URL: portal.url,
    ...(options.strictTypes ? { TSGIS_STRICT_TYPES: "1" } : {}),
  };
  const install = spawnSync("node", [cli, "install", "--prefix", sandbox], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (install.status !== 0) {
    await portal.close();
    throw new Error(`tsgis-kernel install failed:\n${install.stderr}`);
  }
  return {
    sandbox,
    portal,
    env,
    async run(paths, runs, outputDir) {
      const output = outputDir ? ["--output-dir", outputDir] : [];
      const args = [runner, "--runs", String(runs), ...output, ...paths];
      const finished = await runAsync(python, args, env);
      try {
        return { report: JSON.parse(finished.stdout) as RunReport, ...finished };
      } catch {
        throw new Error(
          `run_notebooks.py printed no report:\n${finished.stdout}\n${finished.stderr}`,
        );
      }
    },
    async close() {
      await portal.close();
      rmSync(sandbox, { recursive: true, force: true });
    },
  };
}

/** A failed cell as a readable message: where, its source, and the error with its traceback. */
export function describeFailure(notebook: string, run: number, error: CellError): string {
  const where = error.cell === null ? "before any cell" : `cell ${error.cell}`;
  return [
    `${path.relative(root, notebook)} (run ${run}) failed in ${where}:`,
    error.source
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n"),
    `${error.ename}: ${error.evalue}`,
    ...error.traceback,
  ].join("\n");
}
