// The kernel's input history for history_request (tail, range and search), kept in memory for
// the life of the kernel. The session number is always 1 because nothing is stored on disk.
import type { JsonObject } from "./protocol";

const SESSION = 1;

interface HistoryEntry {
  line: number;
  input: string;
  output: string | null;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "s");
}

export class History {
  private readonly entries: HistoryEntry[] = [];

  record(line: number, input: string): HistoryEntry {
    const entry: HistoryEntry = { line, input, output: null };
    this.entries.push(entry);
    return entry;
  }

  /** history_reply content for a history_request's content. */
  reply(request: JsonObject): JsonObject {
    const withOutput = request.output === true;
    const n = typeof request.n === "number" ? request.n : undefined;
    let found: HistoryEntry[] = [];
    switch (request.hist_access_type) {
      case "tail":
        found = n === undefined ? this.entries : this.entries.slice(-n);
        break;
      case "range": {
        const start = typeof request.start === "number" ? request.start : 0;
        const stop = typeof request.stop === "number" ? request.stop : Infinity;
        found = this.entries.filter((entry) => entry.line >= start && entry.line < stop);
        break;
      }
      case "search":
        found = this.search(String(request.pattern ?? "*"), request.unique === true, n);
        break;
    }
    const history = found.map((entry) => [
      SESSION,
      entry.line,
      withOutput ? [entry.input, entry.output] : entry.input,
    ]);
    return { status: "ok", history };
  }

  private search(pattern: string, unique: boolean, n: number | undefined): HistoryEntry[] {
    const matcher = globToRegExp(pattern);
    let matches = this.entries.filter((entry) => matcher.test(entry.input));
    if (unique) {
      // Keep each input once, at the place of its latest run.
      const latestRun = new Map<string, HistoryEntry>();
      for (const entry of matches) {
        latestRun.delete(entry.input);
        latestRun.set(entry.input, entry);
      }
      matches = [...latestRun.values()];
    }
    return n === undefined ? matches : matches.slice(-n);
  }
}
