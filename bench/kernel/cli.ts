// `node bench/dist/kernel/cli.js [--part start|comm] [--starts N] [--round-trips N]
// [--buffer-round-trips N] [--out FILE] [--cpu-prof DIR]`: measures the kernel, writes the JSON
// to bench/results/kernel.json (or FILE) and prints it; with --cpu-prof every kernel process
// writes a V8 CPU profile under DIR/tsgis or DIR/stock-tslab. Build first: `npx tsc -b kernel && npx tsc -p bench`.
import fs from "node:fs";
import path from "node:path";
import { measureKernel, repositoryRoot, type KernelBenchOptions } from "./kernel-bench";

const USAGE =
  "usage: node bench/dist/kernel/cli.js [--part start|comm] [--starts N] [--round-trips N] [--buffer-round-trips N] [--out FILE] [--cpu-prof DIR]";

function parseArguments(argv: string[]): { options: KernelBenchOptions; out: string } {
  const options: KernelBenchOptions = {};
  let out = path.join(repositoryRoot(), "bench", "results", "kernel.json");
  const count = (flag: string, value: string | undefined): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new RangeError(`${flag}: expected a whole number from 1\n${USAGE}`);
    return number;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    i++;
    if (flag === "--part") {
      if (value !== "start" && value !== "comm")
        throw new RangeError(`--part: expected start or comm\n${USAGE}`);
      options.parts = [value];
    } else if (flag === "--starts") options.starts = count(flag, value);
    else if (flag === "--round-trips") options.roundTrips = count(flag, value);
    else if (flag === "--buffer-round-trips") options.bufferRoundTrips = count(flag, value);
    else if (flag === "--out" && value) out = path.resolve(value);
    else if (flag === "--cpu-prof" && value) options.cpuProfileDir = path.resolve(value);
    else throw new RangeError(`unknown argument ${flag}\n${USAGE}`);
  }
  return { options, out };
}

async function main(): Promise<void> {
  const { options, out } = parseArguments(process.argv.slice(2));
  const measurements = await measureKernel(options);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const text = `${JSON.stringify(measurements, null, 2)}\n`;
  fs.writeFileSync(out, text);
  process.stdout.write(text);
  const start = measurements.kernelStart;
  const comm = measurements.commRoundTrip;
  if (start) {
    process.stderr.write(
      `kernel start to first result: median ${start.startToFirstResultMs.median} ms (${start.startToFirstResultMs.min}–${start.startToFirstResultMs.max}) over ${start.starts} starts\n`,
    );
  }
  const stock = measurements.stockTslabStart;
  if (start && stock) {
    process.stderr.write(
      `stock tslab, same run: start to first result median ${stock.startToFirstResultMs.median} ms; import "tsgis" median ${stock.importTsgisMs.median} ms (tsgis ${start.importTsgisMs.median} ms)\n` +
        `CPU time to first result: tsgis ${start.cpuToFirstResultMs.median} ms, stock tslab ${stock.cpuToFirstResultMs.median} ms; of import "tsgis": tsgis ${start.cpuImportTsgisMs.median} ms, stock tslab ${stock.cpuImportTsgisMs.median} ms\n`,
    );
  }
  if (comm) {
    process.stderr.write(
      `comm round trip: median ${comm.smallMs.median} ms (p90 ${comm.smallMs.p90}) over ${comm.roundTrips}; with ${comm.bufferBytes} bytes: median ${comm.bufferMs.median} ms\n`,
    );
  }
  process.stderr.write(`wrote ${path.relative(process.cwd(), out) || out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
