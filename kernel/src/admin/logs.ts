import { inspect } from "node:util";
import type { GIS } from "../gis";
import { optionalChoice } from "../arguments";
import {
  cleanLogs,
  editLogSettings,
  getLogSettings,
  portalAdminUrl,
  queryLogs,
} from "../rest/portal-admin";

/** A log level; a query returns records at or more severe than the level it names. */
export type LogLevel = "OFF" | "SEVERE" | "WARNING" | "INFO" | "FINE" | "VERBOSE" | "DEBUG";

/** The levels, most severe first. */
const LOG_LEVELS: readonly LogLevel[] = [
  "OFF",
  "SEVERE",
  "WARNING",
  "INFO",
  "FINE",
  "VERBOSE",
  "DEBUG",
];

/** A time as a Date, milliseconds since 1970, or a portal timestamp "yyyy-mm-ddThh:mm:ss". */
export type LogTime = Date | number | string;

/** One record of the portal's log. */
export interface LogMessage {
  type: string;
  message: string;
  time: number;
  source: string;
  machine: string;
  user: string;
  code: number;
  [field: string]: unknown;
}

/** What `Logs.query()` answers: newest first; `hasMore` when `pageSize` cut the page. */
export interface LogQueryResult {
  hasMore: boolean;
  startTime: number;
  endTime: number;
  logMessages: LogMessage[];
}

/** `Logs.getSettings()`: the level below which nothing is written and how long records stay. */
export interface LogSettings {
  logLevel: LogLevel;
  /** Days a record is kept. */
  maxLogFileAge: number;
  maxErrorReportsCount: number;
  [field: string]: unknown;
}

/** Which records a query returns, Python's `query_filter`: codes (or "219000-219999" ranges), users, sources. */
export interface LogFilter {
  codes?: (number | string)[];
  users?: string[];
  /** "SHARING", "PORTAL_ADMIN", "PORTAL" or "*". */
  source?: string | string[];
}

/** Python's `query()` keyword arguments in camelCase, `startTime` included. */
export interface LogQueryOptions {
  /** The most recent time to include (default: now). */
  startTime?: LogTime;
  /** The oldest time to include (default: the first record). */
  endTime?: LogTime;
  /** Default "WARNING". */
  level?: LogLevel;
  queryFilter?: LogFilter | "*";
  /** Records per page, 1 to 10000 (default 1000). */
  pageSize?: number;
}

const WHOLE_NUMBER_SETTINGS = ["maxLogFileAge", "maxErrorReportsCount"];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function timeParam(value: LogTime | undefined, argument: string): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === "string" && TIMESTAMP.test(value)) return value;
  throw new TypeError(
    `${argument}: expected a Date, milliseconds since 1970 or "yyyy-mm-ddThh:mm:ss", got ${String(value)}`,
  );
}

function filterParam(filter: LogFilter | "*" | undefined): string | undefined {
  if (filter === undefined || filter === "*") return undefined;
  if (typeof filter !== "object" || filter === null || Array.isArray(filter)) {
    throw new TypeError('queryFilter: expected { codes, users, source } or "*"');
  }
  const { codes, users, source } = filter;
  for (const [name, list] of [
    ["codes", codes],
    ["users", users],
  ] as const) {
    if (list !== undefined && !Array.isArray(list)) {
      throw new TypeError(`queryFilter.${name}: expected a list`);
    }
  }
  return JSON.stringify({ codes: codes ?? [], users: users ?? [], source: source ?? "*" });
}

/**
 * The portal's log: failed sign-ins, refused requests, changes to content, members, groups and
 * the organisation, and administrative operations (ArcGIS Enterprise, full administrators).
 * Python: `gis.admin.logs` (`arcgis.gis.admin.Logs`).
 * @example
 * const { logMessages } = await gis.admin.logs.query({ level: "INFO" });
 */
export class Logs {
  /**
   * Made by `gis.admin`: use `gis.admin.logs`. Python: `Logs(url, gis)`.
   * @example
   * const logs = gis.admin.logs;
   */
  constructor(protected readonly gis: GIS) {}

  private get url(): string {
    return `${portalAdminUrl(this.gis.session)}/logs`;
  }

  /**
   * Records from `startTime` (most recent) back to `endTime`, newest first. The first argument
   * is Python's `start_time`, or all the options at once.
   * Python: `Logs.query(start_time, end_time=None, level="WARNING", query_filter="*", page_size=1000)`.
   * @example
   * const { logMessages } = await gis.admin.logs.query({ level: "INFO", queryFilter: { users: ["admin"] } });
   */
  async query(
    startTime?: LogTime | LogQueryOptions,
    options: LogQueryOptions = {},
  ): Promise<LogQueryResult> {
    const all: LogQueryOptions =
      startTime !== null && typeof startTime === "object" && !(startTime instanceof Date)
        ? startTime
        : { ...options, startTime };
    const { pageSize } = all;
    if (
      pageSize !== undefined &&
      (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10000)
    ) {
      throw new RangeError(
        `pageSize: expected a whole number from 1 to 10000, got ${String(pageSize)}`,
      );
    }
    return queryLogs(this.gis.session, {
      startTime: timeParam(all.startTime, "startTime"),
      endTime: timeParam(all.endTime, "endTime"),
      level: optionalChoice(all.level, "level", LOG_LEVELS) ?? "WARNING",
      filterType: "json",
      filter: filterParam(all.queryFilter),
      pageSize,
    });
  }

  /**
   * Deletes every record; they cannot be recovered. Python: `Logs.clean()`.
   * @example
   * await gis.admin.logs.clean();
   */
  async clean(): Promise<boolean> {
    const result = await cleanLogs(this.gis.session);
    return result.status === "success";
  }

  /**
   * The log settings. Python: `Logs.settings`.
   * @example
   * const { logLevel } = await gis.admin.logs.getSettings();
   */
  async getSettings(): Promise<LogSettings> {
    return getLogSettings(this.gis.session);
  }

  /**
   * Changes the log settings (`logLevel`, `maxLogFileAge`, `maxErrorReportsCount`).
   * Python: `Logs.settings = {...}`.
   * @example
   * await gis.admin.logs.setSettings({ logLevel: "INFO" });
   */
  async setSettings(settings: Partial<LogSettings>): Promise<boolean> {
    if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
      throw new TypeError('settings: expected an object such as { logLevel: "INFO" }');
    }
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(settings)) {
      if (name === "logLevel")
        params.logLevel = optionalChoice(value, "settings.logLevel", LOG_LEVELS) as string;
      else if (WHOLE_NUMBER_SETTINGS.includes(name)) {
        if (!Number.isInteger(value)) {
          throw new TypeError(`settings.${name}: expected a whole number, got ${String(value)}`);
        }
        params[name] = value as number;
      } else if (["string", "number", "boolean"].includes(typeof value)) {
        // What getSettings() returned besides (logDir, …) goes back as it came, as Python's
        // settings dict does; the portal keeps what it cannot change.
        params[name] = String(value);
      } else {
        throw new TypeError(`settings.${name}: expected a string, number or boolean`);
      }
    }
    const result = await editLogSettings(this.gis.session, params);
    return result.status === "success";
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Logs.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.logs));
   */
  [inspect.custom](): string {
    return `<Logs url:"${this.url}">`;
  }
}
