import type { PortalDatabase } from "../db/open-database";
import type { OrgDocumentStore } from "../store/org-document-store";
import { atLeast, LOG_LEVELS, type LogLevel } from "./log-levels";

export interface LogRecord {
  time: number;
  level: LogLevel;
  code: number;
  source: string;
  message: string;
  username: string;
}

/** `/portaladmin/logs/settings`: the level below which nothing is written, and how long to keep. */
export interface LogSettings {
  logLevel: LogLevel | "OFF";
  /** Days a record is kept. */
  maxLogFileAge: number;
  maxErrorReportsCount: number;
}

export interface LogQuery {
  /** Most recent time to include (ms). */
  startTime: number;
  /** Oldest time to include (ms). */
  endTime: number;
  level: LogLevel;
  /** Inclusive code ranges; a single code is a range of one. */
  codes: [number, number][];
  users: string[];
  sources: string[];
  pageSize: number;
}

const SETTINGS = "logSettings";
const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_SETTINGS: LogSettings = {
  logLevel: "WARNING",
  maxLogFileAge: 90,
  maxErrorReportsCount: 10,
};

/** The portal's log, in the portal_logs table; settings live in the organisation documents. */
export class LogStore {
  constructor(
    private readonly db: PortalDatabase,
    private readonly documents: OrgDocumentStore,
  ) {}

  settings(): LogSettings {
    return { ...DEFAULT_SETTINGS, ...(this.documents.get(SETTINGS) as Partial<LogSettings>) };
  }

  updateSettings(changes: Partial<LogSettings>): LogSettings {
    const next = { ...this.settings(), ...changes };
    this.documents.put(SETTINGS, { ...next });
    return next;
  }

  /** Writes the record when the configured level lets it through; old records age out. */
  write(record: Omit<LogRecord, "time">): void {
    const { logLevel, maxLogFileAge } = this.settings();
    if (logLevel === "OFF" || !atLeast(record.level, logLevel)) return;
    const now = Date.now();
    this.db.prepare("DELETE FROM portal_logs WHERE time < ?").run(now - maxLogFileAge * DAY_MS);
    this.db
      .prepare(
        `INSERT INTO portal_logs (time, level, code, source, message, username)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(now, record.level, record.code, record.source, record.message, record.username);
  }

  /** Records from `startTime` back to `endTime`, newest first, one page; `hasMore` says if cut. */
  query(query: LogQuery): { records: LogRecord[]; hasMore: boolean } {
    const levels = LOG_LEVELS.filter((level) => atLeast(level, query.level));
    const where = ["time <= ?", "time >= ?", `level IN (${levels.map(() => "?").join(",")})`];
    const args: (string | number)[] = [query.startTime, query.endTime, ...levels];
    const within = (column: string, values: readonly (string | number)[]): void => {
      if (values.length === 0) return;
      where.push(`${column} IN (${values.map(() => "?").join(",")})`);
      args.push(...values);
    };
    if (query.codes.length > 0) {
      where.push(`(${query.codes.map(() => "code BETWEEN ? AND ?").join(" OR ")})`);
      args.push(...query.codes.flat());
    }
    within("username", query.users);
    within(
      "UPPER(source)",
      query.sources.map((s) => s.toUpperCase()),
    );
    const rows = this.db
      .prepare(
        `SELECT time, level, code, source, message, username FROM portal_logs
         WHERE ${where.join(" AND ")} ORDER BY time DESC, id DESC LIMIT ?`,
      )
      .all(...args, query.pageSize + 1) as LogRecord[];
    return { records: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
  }

  clean(): void {
    this.db.prepare("DELETE FROM portal_logs").run();
  }
}
