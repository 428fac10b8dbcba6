// Measures the tsgis kernel as a Jupyter front end sees it: kernel start to first result, and a
// comm round trip. The measuring is done by kernel_bench.py with jupyter_client (what Jupyter
// itself uses) on Debian's Python; this module installs the kernelspec into a temporary Jupyter
// path (never the user's), runs it, and summarises the raw samples. Nothing here judges the
// numbers: they are reported, never asserted.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Debian's Jupyter packages are importable only by the system interpreter. */
const PYTHON = "/usr/bin/python3";

/** Median, spread and the raw samples of one measured quantity, in milliseconds. */
export interface SampleSummary {
  median: number;
  p90: number;
  min: number;
  max: number;
  samples: number[];
}

/** Kernel start to first result, over several fresh kernels. */
export interface KernelStartMeasurement {
  /** Fresh kernels started. */
  starts: number;
  /** Launching the kernel process until it answers kernel_info (jupyter_client's wait_for_ready). */
  startToReadyMs: SampleSummary;
  /** Launching the kernel process until the execute_result of the first cell (`1 + 1`). */
  startToFirstResultMs: SampleSummary;
  /** The first cell alone, sent once the kernel is ready (includes tslab's first compile). */
  firstCellMs: SampleSummary;
  /** A second trivial cell (`2 + 2`): the per-cell cost once warm. */
  warmCellMs: SampleSummary;
  /** A cell importing tsgis and evaluating `typeof GIS.connect`. */
  importTsgisMs: SampleSummary;
  /** CPU time (user + system) the kernel process used until the first result: load-independent. */
  cpuToFirstResultMs: SampleSummary;
  /** CPU time the kernel process spent on the import cell. */
  cpuImportTsgisMs: SampleSummary;
}

/** Front end → kernel → front end over a comm whose kernel side echoes every message. */
export interface CommRoundTripMeasurement {
  roundTrips: number;
  /** A small JSON message and its echo. */
  smallMs: SampleSummary;
  bufferRoundTrips: number;
  bufferBytes: number;
  /** The same with one binary buffer of `bufferBytes` each way. */
  bufferMs: SampleSummary;
}

export interface KernelMeasurements {
  generated: string;
  node: string;
  cpus: string;
  /** The 1-minute load average before and after: the machine may be shared, read numbers with it. */
  loadAverage: { before: number; after: number };
  kernelStart?: KernelStartMeasurement;
  /** The same starts with stock tslab (the package tsgis builds on), measured in the same run. */
  stockTslabStart?: KernelStartMeasurement;
  commRoundTrip?: CommRoundTripMeasurement;
}

export interface KernelBenchOptions {
  /** Which parts to measure (default both). */
  parts?: ("start" | "comm")[];
  /** Fresh kernels for the start measurement (default 5). */
  starts?: number;
  /** Small-message round trips (default 200, after 20 discarded warm-up trips). */
  roundTrips?: number;
  /** Round trips carrying a binary buffer (default 30). */
  bufferRoundTrips?: number;
  /** Size of that buffer (default 1 MiB). */
  bufferBytes?: number;
  /**
   * Each kernel process writes a V8 CPU profile (`node --cpu-prof`) into `tsgis/` or
   * `stock-tslab/` under this folder when it exits; Node refuses --cpu-prof in NODE_OPTIONS.
   * Profiling slows the kernels: read the profiles, not the times of such a run.
   */
  cpuProfileDir?: string;
  /** Progress lines go here (default stderr). */
  log?: (line: string) => void;
}

interface RawStart {
  startToReady: number;
  startToFirstResult: number;
  firstCell: number;
  warmCell: number;
  importTsgis: number;
  cpuToFirstResult: number;
  cpuImportTsgis: number;
}

interface RawReport {
  start?: RawStart[];
  stockStart?: RawStart[];
  comm?: { small: number[]; buffer: number[]; bufferBytes: number };
}

/** The repository root: the folder whose package.json is the tsgis workspace. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const name = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name;
      if (name === "tsgis-workspace") return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no tsgis workspace above ${from}`);
  }
}

export function summarise(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new RangeError("values: expected at least one sample");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    median: round(median),
    p90: round(p90),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    samples: [...values],
  };
}

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name}: expected a whole number from 1, got ${String(value)}`);
  }
  return value;
}

/** The kernelspec name under which stock tslab is installed into the bench's Jupyter path. */
const STOCK_TSLAB_KERNEL = "tslab-stock";

/** A kernelspec that runs stock tslab from this workspace, as `tslab install` would. */
function installStockTslab(jupyterPath: string): void {
  const tslabMain = require.resolve("tslab/bin/tslab", { paths: [repositoryRoot()] });
  const dir = path.join(jupyterPath, "kernels", STOCK_TSLAB_KERNEL);
  fs.mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [process.execPath, tslabMain, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (stock tslab)",
    language: "typescript",
  };
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2));
}

/** Inserts node's CPU profiling flags into an installed kernelspec's argv (after node itself). */
function profileKernel(jupyterPath: string, kernel: string, profileDir: string): void {
  const specPath = path.join(jupyterPath, "kernels", kernel, "kernel.json");
  const spec = JSON.parse(fs.readFileSync(specPath, "utf8")) as { argv: string[] };
  fs.mkdirSync(profileDir, { recursive: true });
  spec.argv.splice(1, 0, "--cpu-prof", `--cpu-prof-dir=${profileDir}`);
  fs.writeFileSync(specPath, JSON.stringify(spec, null, 2));
}

function summariseStarts(runs: RawStart[]): KernelStartMeasurement {
  return {
    starts: runs.length,
    startToReadyMs: summarise(runs.map((run) => run.startToReady)),
    startToFirstResultMs: summarise(runs.map((run) => run.startToFirstResult)),
    firstCellMs: summarise(runs.map((run) => run.firstCell)),
    warmCellMs: summarise(runs.map((run) => run.warmCell)),
    importTsgisMs: summarise(runs.map((run) => run.importTsgis)),
    cpuToFirstResultMs: summarise(runs.map((run) => run.cpuToFirstResult)),
    cpuImportTsgisMs: summarise(runs.map((run) => run.cpuImportTsgis)),
  };
}

function runPython(
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      // The kernel's own lines ("[tsgis kernel] starting…") show progress without flooding.
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(line);
    });
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve(stdout);
      else
        reject(new Error(`kernel_bench.py exited with ${String(status)}:\n${stderr.slice(-4000)}`));
    });
  });
}

/**
 * Measures kernel start to first result and the comm round trip against the built kernel
 * (kernel/dist; run `npx tsc -b kernel` first). Resolves to the summarised measurements.
 */
export async function measureKernel(options: KernelBenchOptions = {}): Promise<KernelMeasurements> {
  const parts = options.parts ?? ["start", "comm"];
  if (parts.length === 0 || parts.some((part) => part !== "start" && part !== "comm")) {
    throw new TypeError(`parts: expected "start" and/or "comm", got ${JSON.stringify(parts)}`);
  }
  const starts = positiveInteger(options.starts, "starts", 5);
  const roundTrips = positiveInteger(options.roundTrips, "roundTrips", 200);
  const bufferRoundTrips = positiveInteger(options.bufferRoundTrips, "bufferRoundTrips", 30);
  const bufferBytes = positiveInteger(options.bufferBytes, "bufferBytes", 1024 * 1024);
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench kernel] ${line}\n`));

  const root = repositoryRoot();
  const cli = path.join(root, "kernel", "dist", "jupyter", "cli.js");
  if (!fs.existsSync(cli))
    throw new Error(`${cli} is missing: build the kernel first (npx tsc -b kernel)`);
  if (!fs.existsSync(PYTHON))
    throw new Error(`${PYTHON} is missing (Debian python3-jupyter-client)`);

  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-kernel-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: path.join(sandbox, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(sandbox, "data"),
    JUPYTER_CONFIG_DIR: path.join(sandbox, "config"),
    JUPYTER_RUNTIME_DIR: path.join(sandbox, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
  };
  const before = os.loadavg()[0];
  try {
    const install = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, "install", "--prefix", sandbox], {
        env,
        stdio: "ignore",
      });
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (install !== 0) throw new Error("tsgis-kernel install --prefix failed");
    installStockTslab(path.join(sandbox, "share", "jupyter"));
    if (options.cpuProfileDir) {
      const jupyterPath = path.join(sandbox, "share", "jupyter");
      profileKernel(jupyterPath, "tsgis", path.join(options.cpuProfileDir, "tsgis"));
      profileKernel(
        jupyterPath,
        STOCK_TSLAB_KERNEL,
        path.join(options.cpuProfileDir, "stock-tslab"),
      );
    }
    const script = path.join(root, "bench", "kernel", "kernel_bench.py");
    const part = parts.length === 2 ? "all" : parts[0];
    log(
      `measuring ${parts.join(" and ")} (${starts} kernel starts, ${roundTrips} + ${bufferRoundTrips} round trips)`,
    );
    const stdout = await runPython(
      [
        script,
        "--part",
        part,
        "--starts",
        String(starts),
        "--round-trips",
        String(roundTrips),
        "--buffer-round-trips",
        String(bufferRoundTrips),
        "--buffer-bytes",
        String(bufferBytes),
        "--cwd",
        root,
        "--stock-kernel",
        STOCK_TSLAB_KERNEL,
      ],
      env,
      log,
    );
    const raw = JSON.parse(stdout) as RawReport;
    const cpus = os.cpus();
    return {
      generated: new Date().toISOString(),
      node: process.version,
      cpus: `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}`,
      loadAverage: { before, after: os.loadavg()[0] },
      kernelStart: raw.start && summariseStarts(raw.start),
      stockTslabStart: raw.stockStart && summariseStarts(raw.stockStart),
      commRoundTrip: raw.comm && {
        roundTrips: raw.comm.small.length,
        smallMs: summarise(raw.comm.small),
        bufferRoundTrips: raw.comm.buffer.length,
        bufferBytes: raw.comm.bufferBytes,
        bufferMs: summarise(raw.comm.buffer),
      },
    };
  } finally {
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
}
