// The kernel's benchmark cases, in the shape the overall bench harness (bench/run.ts) runs:
// each case measures and returns named numbers plus notes on how they were measured.
import { measureKernel, type SampleSummary } from "./kernel-bench";

export {
  measureKernel,
  summarise,
  type KernelMeasurements,
  type KernelBenchOptions,
} from "./kernel-bench";

/** A case that reports its own numbers (the harness's "metrics" kind). */
export interface KernelMetricsCase {
  readonly kind: "metrics";
  readonly id: string;
  readonly title: string;
  measure(): Promise<{ metrics: Record<string, number>; notes: string[] }>;
}

function spread(prefix: string, summary: SampleSummary): Record<string, number> {
  return {
    [`${prefix}MedianMs`]: summary.median,
    [`${prefix}MinMs`]: summary.min,
    [`${prefix}MaxMs`]: summary.max,
  };
}

const kernelStart: KernelMetricsCase = {
  kind: "metrics",
  id: "kernel-start",
  title: "Kernel start to first result",
  async measure() {
    const {
      kernelStart: start,
      stockTslabStart: stock,
      loadAverage,
    } = await measureKernel({ parts: ["start"] });
    if (!start || !stock) throw new Error("kernel_bench.py reported no kernel starts");
    const ratio = (ours: number, theirs: number) => Math.round((ours / theirs) * 1000) / 1000;
    return {
      metrics: {
        starts: start.starts,
        ...spread("startToFirstResult", start.startToFirstResultMs),
        ...spread("startToReady", start.startToReadyMs),
        firstCellMedianMs: start.firstCellMs.median,
        warmCellMedianMs: start.warmCellMs.median,
        importTsgisMedianMs: start.importTsgisMs.median,
        stockTslabStartToFirstResultMedianMs: stock.startToFirstResultMs.median,
        stockTslabImportTsgisMedianMs: stock.importTsgisMs.median,
        startToFirstResultRatioToStockTslab: ratio(
          start.startToFirstResultMs.median,
          stock.startToFirstResultMs.median,
        ),
        cpuToFirstResultMedianMs: start.cpuToFirstResultMs.median,
        stockTslabCpuToFirstResultMedianMs: stock.cpuToFirstResultMs.median,
        cpuToFirstResultRatioToStockTslab: ratio(
          start.cpuToFirstResultMs.median,
          stock.cpuToFirstResultMs.median,
        ),
        cpuImportTsgisMedianMs: start.cpuImportTsgisMs.median,
        stockTslabCpuImportTsgisMedianMs: stock.cpuImportTsgisMs.median,
        importTsgisRatioToStockTslab: ratio(start.importTsgisMs.median, stock.importTsgisMs.median),
      },
      notes: [
        "jupyter_client (Debian's Python) starts the tsgis kernel from a kernelspec installed into a temporary Jupyter path, waits until it answers kernel_info, then runs `1 + 1`; the clock stops at its execute_result. A fresh kernel each run.",
        "firstCell: that first cell alone (tslab's first compile); warmCell: a second trivial cell; importTsgis: a cell importing tsgis.",
        "stockTslab: the same starts and cells on stock tslab (kernelspec running this workspace's tslab package), in the same run, alternating which kernel starts first each round; stock tslab prints results as a stdout stream, which counts as its result. Ratios are tsgis ÷ stock tslab (below 1: tsgis is faster).",
        "cpu…: user + system CPU time of the kernel process (Linux /proc), which a busy shared machine barely changes, unlike the clock times.",
        `1-minute load average ${loadAverage.before.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after.`,
      ],
    };
  },
};

const commRoundTrip: KernelMetricsCase = {
  kind: "metrics",
  id: "comm-round-trip",
  title: "Comm round trip",
  async measure() {
    const { commRoundTrip: comm, loadAverage } = await measureKernel({ parts: ["comm"] });
    if (!comm) throw new Error("kernel_bench.py reported no comm round trips");
    return {
      metrics: {
        roundTrips: comm.roundTrips,
        ...spread("small", comm.smallMs),
        smallP90Ms: comm.smallMs.p90,
        bufferBytes: comm.bufferBytes,
        ...spread("buffer", comm.bufferMs),
      },
      notes: [
        "A cell registers a comm target whose kernel side echoes each message (data and buffers). jupyter_client opens a comm to it and sends comm_msg after comm_msg; each round trip is timed from sending until the echoed comm_msg arrives on IOPub. 20 warm-up trips are discarded.",
        `small: a {seq} JSON message; buffer: the same with one ${comm.bufferBytes}-byte binary buffer each way (${comm.bufferRoundTrips} trips).`,
        `1-minute load average ${loadAverage.before.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after.`,
      ],
    };
  },
};

/** The cases bench/run.ts picks up from here ("map-drawn" belongs to the map's own module). */
export const cases: KernelMetricsCase[] = [kernelStart, commRoundTrip];
