import fs from "node:fs";
import path from "node:path";
import type { BenchCase, PendingCase } from "../lib/case-types";

/**
 * Cases owned by other modules: bench/kernel/ (kernel start, comm round trip) and bench/map/
 * (gis.map() to a drawn view), each exporting `cases: BenchCase[]` from its compiled module.
 * A case whose module is missing is listed with the reason it is not measured; no number is
 * ever made up for it.
 */
export function casesFromOtherModules(): BenchCase[] {
  const modules = [loadModuleCases("kernel", "index.js"), loadModuleCases("map", "map-bench.js")];
  const loaded = modules.flatMap((module) => module.cases);
  const byId = new Map(loaded.map((entry) => [entry.id, entry]));
  const expected: [string, string, string][] = [
    ["kernel-start", "Kernel start to first result", modules[0].reason],
    ["comm-round-trip", "Comm round trip", modules[0].reason],
    ["map-drawn", "gis.map() to a drawn view", modules[1].reason],
  ];
  const placeholders = expected
    .filter(([id]) => !byId.has(id))
    .map(([id, title, reason]): PendingCase => ({ kind: "pending", id, title, reason }));
  return [...loaded, ...placeholders];
}

function loadModuleCases(folder: string, file: string): { cases: BenchCase[]; reason: string } {
  const compiled = path.join(__dirname, "..", folder, file);
  if (!fs.existsSync(compiled)) {
    return { cases: [], reason: `bench/${folder}/ is not built (npx tsc -p bench)` };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(compiled) as { cases?: unknown };
  if (!Array.isArray(loaded.cases)) {
    return {
      cases: [],
      reason: `bench/${folder}/ exports no \`cases\` list this harness can run`,
    };
  }
  return {
    cases: loaded.cases as BenchCase[],
    reason: `bench/${folder}/ does not measure this case`,
  };
}
