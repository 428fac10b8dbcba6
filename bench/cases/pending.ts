import fs from "node:fs";
import path from "node:path";
import type { BenchCase, PendingCase } from "../lib/case-types";

/**
 * Cases owned by other modules. bench/kernel/ (kernel start, map, comm round trip) is included
 * when it exists and exports `cases: BenchCase[]` from its index; until then each case is
 * listed with the reason it is not measured. No number is ever made up for them.
 */
export function casesFromOtherModules(): BenchCase[] {
  const kernelCases = loadKernelCases();
  const byId = new Map(kernelCases.cases.map((entry) => [entry.id, entry]));
  const kernelPlaceholders: [string, string][] = [
    ["kernel-start", "Kernel start to first result"],
    ["map-drawn", "gis.map() to a drawn view"],
    ["comm-round-trip", "Comm round trip"],
  ];
  const placeholders = kernelPlaceholders
    .filter(([id]) => !byId.has(id))
    .map(([id, title]): PendingCase => ({
      kind: "pending",
      id,
      title,
      reason: kernelCases.reason,
    }));
  return [...kernelCases.cases, ...placeholders];
}

function loadKernelCases(): { cases: BenchCase[]; reason: string } {
  const compiled = path.join(__dirname, "..", "kernel", "index.js");
  if (!fs.existsSync(compiled)) {
    return {
      cases: [],
      reason: "bench/kernel/ (the kernel benchmarks module, another engineer's) does not exist yet",
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(compiled) as { cases?: unknown };
  if (!Array.isArray(loaded.cases)) {
    return {
      cases: [],
      reason: "bench/kernel/ exists but exports no `cases` list this harness can run",
    };
  }
  return { cases: loaded.cases as BenchCase[], reason: "bench/kernel/ does not measure this case" };
}
