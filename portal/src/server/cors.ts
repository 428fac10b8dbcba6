import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PortalServices } from "./portal-services";

/**
 * Headers a browser client of the portal sends: the ArcGIS Maps SDK puts tokens in
 * X-Esri-Authorization, other clients in Authorization; forms and JSON need Content-Type.
 */
const ALLOWED_HEADERS = [
  "X-Esri-Authorization",
  "Authorization",
  "Content-Type",
  "X-Requested-With",
];
const ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
/** Chromium caps a cached preflight at two hours; longer would only be ignored. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * Cross-origin access as ArcGIS Online and Enterprise grant it, so that a web page on another
 * origin (JupyterLab's map widget, an exported map page) can read items, services and the
 * basemap. The organisation's `allowedOrigins` setting (portals/self/settings) limits which
 * origins may; empty means any. The portal's own origin is always allowed. A refused origin
 * gets no CORS headers, so the browser withholds the answer; clients outside a browser send no
 * Origin and are unaffected. Registered before the other onRequest hooks, so that an injected
 * fault still carries the headers and a preflight is never delayed or broken.
 */
export function registerCors(app: FastifyInstance, context: PortalServices): void {
  app.addHook("onRequest", async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin === "string" && origin !== "") {
      void reply.header("vary", "Origin");
      if (originAllowed(context, request, origin)) allowOrigin(reply, origin);
    }
    if (request.method === "OPTIONS") {
      answerPreflight(request, reply);
      return reply;
    }
    return undefined;
  });
}

function allowOrigin(reply: FastifyReply, origin: string): void {
  void reply.header("access-control-allow-origin", origin);
  // Credentials (cookies of a web-tier sign-in) only ever go to a named http(s) origin.
  if (origin !== "null") void reply.header("access-control-allow-credentials", "true");
}

function answerPreflight(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header("allow", ALLOWED_METHODS);
  if (reply.hasHeader("access-control-allow-origin")) {
    void reply
      .header("access-control-allow-methods", ALLOWED_METHODS)
      .header("access-control-allow-headers", allowedHeaders(request))
      .header("access-control-max-age", String(PREFLIGHT_MAX_AGE_SECONDS))
      .header("vary", "Origin, Access-Control-Request-Headers");
  }
  void reply.code(204).send();
}

/** The fixed list plus whatever else the preflight asks for, each header named once. */
function allowedHeaders(request: FastifyRequest): string {
  const requested = request.headers["access-control-request-headers"];
  const names = new Map(ALLOWED_HEADERS.map((name) => [name.toLowerCase(), name]));
  if (typeof requested === "string") {
    for (const name of requested.split(",").map((part) => part.trim())) {
      if (/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) && !names.has(name.toLowerCase()))
        names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()].join(", ");
}

function originAllowed(context: PortalServices, request: FastifyRequest, origin: string): boolean {
  const allowed = allowedOriginsOf(context);
  if (allowed.length === 0) return true;
  const asked = normaliseOrigin(origin);
  if (asked === null) return false;
  const own = [context.rootUrl, `${request.protocol}://${request.host}`].map(normaliseOrigin);
  return own.includes(asked) || allowed.includes(asked);
}

function allowedOriginsOf(context: PortalServices): string[] {
  const value = context.organisations.get().settings.allowedOrigins;
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === "string")
    .map(normaliseOrigin)
    .filter((entry): entry is string => entry !== null);
}

/** `scheme://host[:port]` in lower case without a default port; null for anything else. */
function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}
