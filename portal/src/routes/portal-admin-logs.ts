import type { FastifyInstance } from "fastify";
import os from "node:os";
import { LOG_LEVELS } from "../logs/log-levels";
import type { LogRecord } from "../logs/log-store";
import type { PortalServices } from "../server/portal-services";
import { Access } from "../security/access";
import { invalidParameter } from "../server/arcgis-error";
import {
  optionalChoice,
  optionalInteger,
  optionalJsonObject,
  optionalString,
} from "../server/param-readers";
import { stateOf } from "../server/request-state";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const MAX_PAGE = 10000;

/** A time given as milliseconds since the epoch or as a portal timestamp (yyyy-mm-ddThh:mm:ss). */
function timeParam(values: Record<string, string>, name: string): number | undefined {
  const text = optionalString(values, name)?.trim();
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(,\d{1,3})?)?)?$/.test(text)) {
    const time = Date.parse(text.replace(",", "."));
    if (!Number.isNaN(time)) return time;
  }
  throw invalidParameter(name, "must be milliseconds since 1970 or yyyy-mm-ddThh:mm:ss.");
}

function listOf(filter: Record<string, unknown>, key: string): unknown[] {
  const value = filter[key];
  if (value === undefined || value === "*" || value === null || value === "") return [];
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list)) throw invalidParameter("filter", `'${key}' must be a list.`);
  return list;
}

function messageJson(record: LogRecord, machine: string): Record<string, unknown> {
  return {
    type: record.level,
    message: record.message,
    time: record.time,
    source: record.source,
    machine,
    user: record.username,
    code: record.code,
    elapsed: "",
    process: String(process.pid),
    thread: "",
    methodName: "",
  };
}

/** The portal's log (ArcGIS Enterprise's `/portaladmin/logs`), full administrators only. */
export function registerPortalAdminLogRoutes(app: FastifyInstance, services: PortalServices): void {
  const { logs } = services;
  const admin = { access: Access.fullAdministrator };
  const machine = os.hostname().toUpperCase();

  app.route({
    method: METHODS,
    url: "/portaladmin/logs",
    config: admin,
    handler: async () => ({ operations: ["query", "clean"], resources: ["settings"] }),
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/logs/query",
    config: admin,
    handler: async (request) => {
      const values = stateOf(request).params.values;
      const filter = optionalJsonObject(values, "filter") ?? {};
      const codes = listOf(filter, "codes").map((code): [number, number] => {
        const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(String(code).trim());
        if (!match) {
          throw invalidParameter(
            "filter",
            "'codes' must hold log codes or ranges such as 219000-219999.",
          );
        }
        return [Number(match[1]), Number(match[2] ?? match[1])];
      });
      const users = listOf(filter, "users").map((u) => String(u).trim());
      const sources = listOf(filter, "source")
        .map((s) => String(s).trim())
        .filter((s) => s !== "*");
      const startTime = timeParam(values, "startTime") ?? Date.now();
      const endTime = timeParam(values, "endTime") ?? 0;
      const { records, hasMore } = logs.query({
        startTime,
        endTime,
        level: optionalChoice(values, "level", LOG_LEVELS) ?? "WARNING",
        codes,
        users,
        sources,
        pageSize: optionalInteger(values, "pageSize", { min: 1, max: MAX_PAGE }) ?? 1000,
      });
      return {
        hasMore,
        startTime: records[0]?.time ?? startTime,
        endTime: records[records.length - 1]?.time ?? endTime,
        logMessages: records.map((record) => messageJson(record, machine)),
      };
    },
  });

  app.route({
    method: "POST",
    url: "/portaladmin/logs/clean",
    config: admin,
    handler: async () => {
      logs.clean();
      return { status: "success" };
    },
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/logs/settings",
    config: admin,
    handler: async () => ({
      ...logs.settings(),
      // Records live in the portal database, not in files.
      logDir: "portal_logs",
      usageMeteringEnabled: false,
    }),
  });

  app.route({
    method: "POST",
    url: "/portaladmin/logs/settings/edit",
    config: admin,
    handler: async (request) => {
      const values = stateOf(request).params.values;
      const logLevel = optionalChoice(values, "logLevel", ["OFF", ...LOG_LEVELS] as const);
      const maxLogFileAge = optionalInteger(values, "maxLogFileAge", { min: 1, max: 3650 });
      const maxErrorReportsCount = optionalInteger(values, "maxErrorReportsCount", {
        min: 0,
        max: 100,
      });
      const changes = Object.fromEntries(
        Object.entries({ logLevel, maxLogFileAge, maxErrorReportsCount }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      if (Object.keys(changes).length === 0) {
        throw invalidParameter("logLevel", "or maxLogFileAge or maxErrorReportsCount is required.");
      }
      return { status: "success", ...logs.updateSettings(changes) };
    },
  });
}
