import type { FastifyInstance, FastifyRequest } from "fastify";
import { LOG_CODES, type LogLevel } from "./log-levels";
import type { LogRecord, LogStore } from "./log-store";

const SIGN_IN = /^\/sharing\/rest\/generateToken$/i;
const CHANGES: readonly [RegExp, number][] = [
  [/^\/sharing\/rest\/content\//i, LOG_CODES.contentChanged],
  [/^\/sharing\/rest\/community\//i, LOG_CODES.membersChanged],
  [/^\/sharing\/rest\/portals\//i, LOG_CODES.organisationChanged],
  [/^\/portaladmin\//i, LOG_CODES.adminOperation],
];

/**
 * Writes the portal log from each answer: failed sign-ins, refused requests, failures, and every
 * successful change (a POST) to content, members, groups, the organisation or its administration.
 * Only the path, the error message and the username are recorded: parameters (which carry
 * tokens and passwords) never reach the log.
 */
export function registerLogHook(app: FastifyInstance, logs: LogStore): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== "string") return payload;
    const record = recordFor(request, payload);
    if (record) logs.write(record);
    return payload;
  });
}

function recordFor(request: FastifyRequest, payload: string): Omit<LogRecord, "time"> | null {
  const path = request.url.split("?")[0];
  const state = request.portalState;
  const actor = state?.user?.username ?? "";
  const error = errorOf(payload);
  const source = path.toLowerCase().startsWith("/portaladmin") ? "PORTAL_ADMIN" : "SHARING";
  if (SIGN_IN.test(path)) {
    if (!error) return null;
    const name = (state?.params.values.username ?? "").slice(0, 128);
    return entry("WARNING", LOG_CODES.signInFailed, "PORTAL_ADMIN", `Failed to sign in.`, name);
  }
  if (error) {
    if (error.code === 403) {
      return entry(
        "WARNING",
        LOG_CODES.permissionDenied,
        "PORTAL_ADMIN",
        `Refused: ${safePath(path)}`,
        actor,
      );
    }
    if (error.code >= 500) {
      return entry("SEVERE", LOG_CODES.internalError, source, `Failed: ${safePath(path)}`, actor);
    }
    return null;
  }
  if (request.method !== "POST") return null;
  const change = CHANGES.find(([pattern]) => pattern.test(path));
  if (!change) return null;
  return entry("INFO", change[1], source, `Operation ${safePath(path)} succeeded.`, actor);
}

function entry(
  level: LogLevel,
  code: number,
  source: string,
  message: string,
  username: string,
): Omit<LogRecord, "time"> {
  return { level, code, source, message, username };
}

/** Larger than any error body the portal writes (a message and a few details). */
const MAX_ERROR_BODY = 16_384;

function errorOf(payload: string): { code: number } | null {
  // Every ArcGIS error body is small and starts `{"error":` (the portal serialises that key
  // first). Looking no further than that matters: a large answer is a string of pieces that
  // any read of its characters first copies whole (2 ms for a 2,000-feature page as a string).
  if (payload.length > MAX_ERROR_BODY || !payload.startsWith('{"error"')) return null;
  try {
    const body = JSON.parse(payload) as { error?: { code?: unknown } };
    return body.error ? { code: Number(body.error.code) } : null;
  } catch {
    return null;
  }
}

function safePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
