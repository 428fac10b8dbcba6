import { performance } from "node:perf_hooks";
import { GIS, type Item } from "tsgis";
import { percentile } from "./statistics";

/** An account the load clients sign in as. */
export interface LoadAccount {
  username: string;
  password: string;
}

export interface LoadOptions {
  url: string;
  accounts: readonly LoadAccount[];
  clients: number;
  durationMs: number;
  /** A tag unique to this run, put on every item it adds. */
  tag: string;
}

/** What the run did; `expected` is the state the portal must hold afterwards. */
export interface LoadOutcome {
  operations: number;
  operationsByKind: Record<string, number>;
  errors: string[];
  latenciesMs: number[];
  elapsedMs: number;
  /** Every acknowledged add, with the snippet of its last acknowledged update. */
  expected: Map<string, { title: string; snippet: string }>;
}

type Kind = "search" | "get" | "add" | "update";

/**
 * `clients` GIS connections, spread over the accounts, each looping until the deadline over a
 * mix of reads and writes on its own items: 35% search, 20% get, 30% add, 15% update. Errors are
 * collected, not thrown, so that a run always reports everything it saw.
 */
export async function runLoad(options: LoadOptions): Promise<LoadOutcome> {
  if (options.accounts.length === 0)
    throw new RangeError("accounts: expected at least one account");
  const gises = await Promise.all(
    Array.from({ length: options.clients }, (_, index) => {
      const account = options.accounts[index % options.accounts.length];
      return GIS.connect({ url: options.url, ...account, setActive: false });
    }),
  );
  const outcome: LoadOutcome = {
    operations: 0,
    operationsByKind: { search: 0, get: 0, add: 0, update: 0 },
    errors: [],
    latenciesMs: [],
    elapsedMs: 0,
    expected: new Map(),
  };
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    gises.map((gis, client) => runClient(gis, client, deadline, options.tag, outcome)),
  );
  outcome.elapsedMs = performance.now() - started;
  return outcome;
}

async function runClient(
  gis: GIS,
  client: number,
  deadline: number,
  tag: string,
  outcome: LoadOutcome,
): Promise<void> {
  const own: Item[] = [];
  for (let step = 0; performance.now() < deadline; step++) {
    const kind = pickKind(own.length);
    const began = performance.now();
    try {
      if (kind === "search") {
        await gis.content.search(`tags:${tag}`, { maxItems: 20 });
      } else if (kind === "get") {
        const target = own[step % own.length];
        if ((await gis.content.get(target.id)) === null)
          throw new Error(`item ${target.id} vanished`);
      } else if (kind === "add") {
        const title = `${tag} client ${client} step ${step}`;
        const item = await gis.content.add({
          title,
          type: "Web Mapping Application",
          tags: [tag],
          url: `https://example.com/apps/${client}/${step}`,
          snippet: "v0",
        });
        own.push(item);
        outcome.expected.set(item.id, { title, snippet: "v0" });
      } else {
        const target = own[step % own.length];
        const snippet = `v${step}`;
        if (!(await target.update({ itemProperties: { snippet } })))
          throw new Error(`update of ${target.id} not acknowledged`);
        const expected = outcome.expected.get(target.id);
        if (expected) expected.snippet = snippet;
      }
      outcome.latenciesMs.push(performance.now() - began);
      outcome.operations++;
      outcome.operationsByKind[kind]++;
    } catch (error) {
      outcome.errors.push(
        `${kind} (client ${client}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function pickKind(ownItems: number): Kind {
  const roll = Math.random();
  if (ownItems === 0) return roll < 0.5 ? "search" : "add";
  if (roll < 0.35) return "search";
  if (roll < 0.55) return "get";
  if (roll < 0.85) return "add";
  return "update";
}

/** Throughput and latency percentiles of a run, for the bench report. */
export function loadMetrics(outcome: LoadOutcome, clients: number): Record<string, number> {
  const latencies = outcome.latenciesMs.length > 0 ? outcome.latenciesMs : [0];
  return {
    clients,
    seconds: outcome.elapsedMs / 1000,
    operations: outcome.operations,
    errors: outcome.errors.length,
    operationsPerSecond: outcome.operations / (outcome.elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
  };
}

/**
 * Reads the portal back as an administrator and lists every difference from what the run was
 * told: acknowledged items missing or changed, items of the run that nobody acknowledged, and
 * duplicates. An empty list means no write was lost or doubled.
 */
export async function findLoadDiscrepancies(
  admin: GIS,
  tag: string,
  outcome: LoadOutcome,
): Promise<string[]> {
  const found = await admin.content.search(`tags:${tag}`, { maxItems: -1 });
  const problems: string[] = [];
  const seenTitles = new Set<string>();
  for (const item of found) {
    const expected = outcome.expected.get(item.id);
    if (!expected) problems.push(`unacknowledged item ${item.id} (${item.title ?? "?"})`);
    else if (item.snippet !== expected.snippet) {
      problems.push(
        `item ${item.id}: snippet ${String(item.snippet)}, last acknowledged ${expected.snippet}`,
      );
    }
    if (seenTitles.has(item.title ?? "")) problems.push(`duplicate title ${item.title ?? "?"}`);
    seenTitles.add(item.title ?? "");
  }
  const foundIds = new Set(found.map((item) => item.id));
  for (const id of outcome.expected.keys()) if (!foundIds.has(id)) problems.push(`lost item ${id}`);
  return problems;
}
