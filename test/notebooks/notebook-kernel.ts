// Running notebooks the way a user does: the tsgis kernel installed into a sandboxed Jupyter
// data folder, nbclient (run_notebooks.py under Debian's Python) executing every cell, and a
// demo portal started in this process whose URL reaches the cells as TSGIS_PORTAL_URL.
import { rmSync } from "fs";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import {
  buildKernel,
  installKernelInSandbox,
  runAsync,
  systemPython,
  type Finished,
  type JupyterSandbox,
} from "../support/jupyter-sandbox";

const root = path.join(__dirname, "..", "..");
const runner = path.join(__dirname, "run_notebooks.py");

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

export interface NotebookKernelOptions {
  /** Type errors fail a cell (TSGIS_STRICT_TYPES), as they must in notebooks users copy. */
  strictTypes?: boolean;
}

/** Builds the kernel, installs its kernelspec into a fresh sandbox and starts a demo portal. */
export async function startNotebookKernel(
  prefix: string,
  options: NotebookKernelOptions = {},
): Promise<NotebookKernel> {
  buildKernel();
  const portal = await startPortal({ port: 0, demo: true });
  let jupyter: JupyterSandbox;
  try {
    jupyter = installKernelInSandbox(prefix, {
      TSGIS_PORTAL_URL: portal.url,
      ...(options.strictTypes ? { TSGIS_STRICT_TYPES: "1" } : {}),
    });
  } catch (error) {
    await portal.close();
    throw error;
  }
  const { folder: sandbox, env } = jupyter;
  return {
    sandbox,
    portal,
    env,
    async run(paths, runs, outputDir) {
      const output = outputDir ? ["--output-dir", outputDir] : [];
      const args = [runner, "--runs", String(runs), ...output, ...paths];
      const finished = await runAsync(systemPython, args, { env });
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
