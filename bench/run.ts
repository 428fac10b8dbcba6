import { execSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { loadCase } from "./cases/load";
import { casesFromOtherModules } from "./cases/pending";
import { portalSearchCase } from "./cases/portal-search";
import { queryAllFeaturesCase } from "./cases/query-all-features";
import { searchRetrievalCase } from "./cases/search-retrieval";
import { shareWithGroupCase } from "./cases/share-with-group";
import { uploadCase } from "./cases/upload";
import { publishCase } from "./publishing/publish-case";
import type { BenchCase, ComparedCase, RunSample, Side } from "./lib/case-types";
import { runInChild } from "./lib/child-runner";
import { writeReport, type CaseResult, type SideResult } from "./lib/report";
import { DEFAULT_SETTINGS, parseSettings, type BenchSettings } from "./lib/settings";
import { summarise } from "./lib/statistics";

const BENCH_DIR = path.join(__dirname, "..");

function allCases(settings: BenchSettings): BenchCase[] {
  return [
    searchRetrievalCase(settings),
    shareWithGroupCase(settings),
    uploadCase(settings),
    portalSearchCase(settings),
    queryAllFeaturesCase(settings),
    loadCase(settings),
    publishCase(),
    ...casesFromOtherModules(),
  ];
}

/** Runs one compared case: warm-up, then timed runs alternating which side goes first. */
async function runCompared(benchCase: ComparedCase): Promise<CaseResult> {
  const session = await benchCase.setUp();
  try {
    const samples = new Map<Side, RunSample[]>(session.sides.map((side) => [side, []]));
    const runOnce = async (side: Side, run: number): Promise<RunSample> => {
      const input = await session.inputFor(side, run);
      const sample = await runInChild({ caseId: benchCase.id, side, input });
      await session.check(side, sample, input);
      await session.afterRun?.(side, sample, input);
      return sample;
    };
    if (benchCase.warmUp) for (const side of session.sides) await runOnce(side, -1);
    for (let run = 0; run < benchCase.runs; run++) {
      const order = run % 2 === 0 ? [...session.sides] : [...session.sides].reverse();
      for (const side of order) {
        const sample = await runOnce(side, run);
        samples.get(side)?.push(sample);
        log(`${benchCase.id} ${side} run ${run + 1}: ${sample.ms.toFixed(0)} ms`);
      }
    }
    const sides: Partial<Record<Side, SideResult>> = {};
    for (const [side, list] of samples) {
      sides[side] = {
        ms: summarise(list.map((sample) => sample.ms)),
        peakRssMiB: Math.max(...list.map((sample) => sample.peakRssBytes)) / (1024 * 1024),
      };
    }
    const tsgis = sides.tsgis?.ms.median;
    const rest = sides["rest-js"]?.ms.median;
    return {
      kind: "compared",
      id: benchCase.id,
      title: benchCase.title,
      runs: benchCase.runs,
      sides,
      ratio: tsgis !== undefined && rest ? tsgis / rest : null,
      limit: await session.limit(samples),
      notes: [...session.notes],
    };
  } finally {
    await session.tearDown();
  }
}

async function runCase(benchCase: BenchCase): Promise<CaseResult> {
  log(`${benchCase.id}: ${benchCase.title}`);
  try {
    if (benchCase.kind === "pending") return benchCase;
    if (benchCase.kind === "metrics") {
      const { metrics, notes } = await benchCase.measure();
      return { kind: "metrics", id: benchCase.id, title: benchCase.title, metrics, notes };
    }
    return await runCompared(benchCase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${benchCase.id} failed: ${message}`);
    return { kind: "failed", id: benchCase.id, title: benchCase.title, error: message };
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function gitCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: BENCH_DIR, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const cases = allCases(settings);
  const unknown = settings.only.filter((id) => !cases.some((entry) => entry.id === id));
  if (unknown.length > 0)
    throw new RangeError(
      `--only: unknown case ${unknown.join(", ")} (known: ${cases.map((entry) => entry.id).join(", ")})`,
    );
  const selected =
    settings.only.length > 0 ? cases.filter((entry) => settings.only.includes(entry.id)) : cases;
  const loadBefore = os.loadavg()[0];
  const results: CaseResult[] = [];
  for (const benchCase of selected) results.push(await runCase(benchCase));
  const cpus = os.cpus();
  const complete =
    settings.only.length === 0 &&
    JSON.stringify({ ...settings, runs: 0 }) === JSON.stringify({ ...DEFAULT_SETTINGS, runs: 0 });
  await writeReport(
    BENCH_DIR,
    {
      generated: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpus: `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}`,
      loadAverage: { before: loadBefore, after: os.loadavg()[0] },
      settings,
      cases: results,
    },
    // Only a full run with the standard sizes replaces the committed baseline.
    complete,
  );
  log(`wrote bench/report.md and bench/report.json${complete ? " and bench/BASELINE.md" : ""}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
