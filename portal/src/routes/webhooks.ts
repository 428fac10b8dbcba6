import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { Access, signedInUser } from "../security/access";
import { isLoopbackAddress } from "../security/loopback";
import { invalidParameter } from "../server/arcgis-error";
import { optionalInteger, optionalJsonObject, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { requireOwnPortal } from "../server/own-portal";
import { stateOf } from "../server/request-state";
import { notifyWebhooks } from "../webhooks/webhook-delivery";
import { eventsOf, isEventPath } from "../webhooks/webhook-events";
import type { WebhookRecord, WebhookSettings } from "../webhooks/webhook-store";

const BASE = "/sharing/rest/portals/:portalId/webhooks";
const MAX_WEBHOOKS = 25;

/** What the API shows of a webhook: the secret stays with the portal. */
function webhookJson(hook: WebhookRecord): Record<string, unknown> {
  return { ...hook, secret: "" };
}

/**
 * Where a portal may post: HTTPS anywhere, as ArcGIS requires; plain HTTP only to this machine,
 * for receivers that run beside a portal used offline.
 */
function checkedPayloadUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidParameter("url", "must be an absolute http(s) URL.");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = url.protocol === "http:" && (host === "localhost" || isLoopbackAddress(host));
  if (url.protocol !== "https:" && !local) {
    throw invalidParameter("url", "must use HTTPS (plain HTTP only to this machine).");
  }
  if (url.username || url.password) throw invalidParameter("url", "must not hold credentials.");
  return url.toString();
}

/** `events` as a JSON array or a comma-separated list of event paths. */
function checkedEvents(text: string): string[] {
  let events: unknown;
  try {
    events = text.trim().startsWith("[") ? JSON.parse(text) : text.split(",");
  } catch {
    throw invalidParameter("events", "is not valid JSON.");
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw invalidParameter("events", "must list at least one event.");
  }
  const paths = events.map((event) => (typeof event === "string" ? event.trim() : ""));
  const wrong = paths.find((path) => !isEventPath(path));
  if (wrong !== undefined) {
    throw invalidParameter("events", `holds "${wrong}", which is not an event such as /items/add.`);
  }
  return [...new Set(paths)];
}

function checkedPolicy(
  values: Record<string, string>,
  current?: WebhookRecord["config"],
): WebhookRecord["config"] {
  const config = optionalJsonObject(values, "config");
  const policy = (config?.deactivationPolicy ?? {}) as Record<string, unknown>;
  const count = (name: "numberOfFailures" | "daysInPast", fallback: number): number => {
    const value = policy[name] ?? fallback;
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 365) {
      throw invalidParameter(
        "config",
        `deactivationPolicy.${name} must be an integer from 1 to 365.`,
      );
    }
    return value as number;
  };
  const base = current?.deactivationPolicy ?? { numberOfFailures: 5, daysInPast: 5 };
  return {
    deactivationPolicy: {
      numberOfFailures: count("numberOfFailures", base.numberOfFailures),
      daysInPast: count("daysInPast", base.daysInPast),
    },
  };
}

/**
 * Organisation webhooks (`portals/{id}/webhooks`), full administrators only, and the hook that
 * raises their events after each successful operation.
 */
export function registerWebhookRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.webhooks;
  const admin = { access: Access.fullAdministrator };
  const find = (request: FastifyRequest): WebhookRecord => {
    requireOwnPortal(context, request);
    const { webhookId } = request.params as { webhookId: string };
    const hook = store.get(webhookId);
    if (!hook) throw operationFailed("Webhook not found.");
    return hook;
  };

  app.route({
    method: ["GET", "POST"],
    url: BASE,
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      return { webhooks: store.list().map(webhookJson) };
    },
  });

  app.route({
    method: "POST",
    url: `${BASE}/createWebhook`,
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      const actor = signedInUser(request);
      const values = stateOf(request).params.values;
      const name = optionalString(values, "name")?.trim();
      if (!name) throw missingParameter("name");
      const url = optionalString(values, "url");
      if (!url) throw missingParameter("url");
      const events = optionalString(values, "events");
      if (!events) throw missingParameter("events");
      if (store.list().length >= MAX_WEBHOOKS) {
        throw operationFailed(`An organization may have at most ${MAX_WEBHOOKS} webhooks.`);
      }
      const hook = store.create({
        accountId: actor.orgId,
        ownerId: actor.id,
        name,
        payloadUrl: checkedPayloadUrl(url),
        secret: optionalString(values, "secret") ?? "",
        events: checkedEvents(events),
        config: checkedPolicy(values),
      });
      return webhookJson(hook);
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: `${BASE}/settings`,
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      return store.settings();
    },
  });

  app.route({
    method: "POST",
    url: `${BASE}/settings/update`,
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      const values = stateOf(request).params.values;
      const changes: Partial<WebhookSettings> = {};
      const read = (name: keyof WebhookSettings, min: number, max: number): void => {
        const value = optionalInteger(values, name, { min, max });
        if (value !== undefined) changes[name] = value;
      };
      read("notificationAttempts", 0, 5);
      read("notificationTimeOutInSeconds", 0, 60);
      read("notificationElapsedTimeInSeconds", 1, 100);
      store.updateSettings(changes);
      return { success: true };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: `${BASE}/:webhookId`,
    config: admin,
    handler: async (request) => webhookJson(find(request)),
  });

  app.route({
    method: ["GET", "POST"],
    url: `${BASE}/:webhookId/notificationStatus`,
    config: admin,
    handler: async (request) => ({ notificationStatus: store.deliveries(find(request).id) }),
  });

  app.route({
    method: "POST",
    url: `${BASE}/:webhookId/update`,
    config: admin,
    handler: async (request) => {
      const hook = find(request);
      const values = stateOf(request).params.values;
      const url = optionalString(values, "url");
      const events = optionalString(values, "events");
      const secret = optionalString(values, "secret");
      store.update(hook.id, {
        name: optionalString(values, "name")?.trim() || hook.name,
        payloadUrl: url === undefined ? hook.payloadUrl : checkedPayloadUrl(url),
        events: events === undefined ? hook.events : checkedEvents(events),
        secret: secret ?? hook.secret,
        config: checkedPolicy(values, hook.config),
      });
      return { success: true };
    },
  });

  for (const [operation, isActive] of [
    ["activate", true],
    ["deactivate", false],
  ] as const) {
    app.route({
      method: "POST",
      url: `${BASE}/:webhookId/${operation}`,
      config: admin,
      handler: async (request) => {
        store.update(find(request).id, { isActive });
        return { success: true };
      },
    });
  }

  app.route({
    method: "POST",
    url: `${BASE}/:webhookId/delete`,
    config: admin,
    handler: async (request) => {
      store.delete(find(request).id);
      return { success: true };
    },
  });

  app.addHook("onSend", async (request, reply, payload) => {
    raiseEvents(request, reply, payload, (events) => {
      // After the answer is sent: a slow receiver never delays the operation.
      setImmediate(() => {
        notifyWebhooks(store, events, context.rootUrl).catch((error: unknown) =>
          request.log.error(error),
        );
      });
    });
    return payload;
  });
}

const MAY_RAISE = /^\/sharing\/rest\/(content|community|portals\/self\/updateUserRole)/;

function raiseEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  send: (events: ReturnType<typeof eventsOf>) => void,
): void {
  if (request.method !== "POST" || reply.statusCode !== 200 || typeof payload !== "string") return;
  const path = request.url.split("?")[0];
  if (!MAY_RAISE.test(path)) return;
  let answer: unknown;
  try {
    answer = JSON.parse(payload);
  } catch {
    return;
  }
  if (typeof answer !== "object" || answer === null || "error" in answer) return;
  const { user, params } = request.portalState ?? { user: null, params: { values: {} } };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.slice("/sharing/rest".length));
  } catch {
    return;
  }
  const events = eventsOf({
    path: decoded,
    params: params.values,
    answer: answer as Record<string, unknown>,
    actor: user ? { username: user.username, id: user.id } : null,
  });
  if (events.length > 0) send(events);
}
