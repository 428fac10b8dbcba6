/** The two clients every compared case runs, plus the bare-HTTP floor some cases measure. */
export type Side = "tsgis" | "rest-js" | "floor";

/** What the parent hands a child process for one run: plain JSON, never a token. */
export type RunInput = Record<string, unknown>;

/** What a side reports about the work it did, so the parent can check it did all of it. */
export type RunDetail = Record<string, unknown>;

/**
 * One side of a case, run inside a child process. The returned function is the timed part; what
 * happens before it (sign-in, opening files) is not timed.
 */
export type SidePrepare = (input: RunInput) => Promise<() => Promise<RunDetail>>;

/** One measured run, as the child reports it. */
export interface RunSample {
  ms: number;
  peakRssBytes: number;
  detail: RunDetail;
}

/** What the case cannot beat, with the reasoning shown in the report. */
export interface CaseLimit {
  ms: number | null;
  formula: string;
}

/** A running case: its portal and seeded data, kept for all its runs. */
export interface CaseSession {
  /** Sides to run, in the order of the first run (later runs alternate). */
  readonly sides: readonly Side[];
  /** The input for one run of one side (e.g. a fresh group to share with). */
  inputFor(side: Side, run: number): Promise<RunInput>;
  /** Throws unless the run did the whole work (e.g. found all 5,000 items). */
  check(side: Side, sample: RunSample, input: RunInput): Promise<void>;
  /** Cleans up after a run, outside the timing (e.g. deletes the uploaded item). */
  afterRun?(side: Side, sample: RunSample, input: RunInput): Promise<void>;
  limit(samples: Map<Side, RunSample[]>): Promise<CaseLimit>;
  /** How the data was prepared and what each side does, for the report. */
  readonly notes: readonly string[];
  tearDown(): Promise<void>;
}

/** A case measured side by side. */
export interface ComparedCase {
  readonly kind: "compared";
  readonly id: string;
  readonly title: string;
  readonly runs: number;
  /** One discarded run per side first, so the portal's caches and JIT are warm for both. */
  readonly warmUp: boolean;
  setUp(): Promise<CaseSession>;
}

/** A case with numbers of its own shape (load: throughput and percentiles). */
export interface MetricsCase {
  readonly kind: "metrics";
  readonly id: string;
  readonly title: string;
  measure(): Promise<{ metrics: Record<string, number>; notes: string[] }>;
}

/** A case that cannot be measured yet, with the reason. */
export interface PendingCase {
  readonly kind: "pending";
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

export type BenchCase = ComparedCase | MetricsCase | PendingCase;
