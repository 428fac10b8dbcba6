// Sends webhook payloads: after the operation that raised them has answered, never delaying it,
// with the organisation's attempts, time-out and pause between attempts; each delivery is
// recorded for `notificationStatus`, and a webhook that fails too often is deactivated as its
// deactivation policy says.
import { createHmac } from "node:crypto";
import type { WebhookEvent } from "./webhook-events";
import { subscribes } from "./webhook-events";
import type { WebhookRecord, WebhookStore } from "./webhook-store";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The body ArcGIS posts to a webhook's payload URL. */
function payloadFor(hook: WebhookRecord, events: WebhookEvent[], portalUrl: string): string {
  return JSON.stringify({
    info: {
      webhookId: hook.id,
      webhookName: hook.name,
      portalURL: portalUrl,
      when: Date.now(),
    },
    properties: {},
    events: events.map(({ path: _path, ...event }) => event),
  });
}

async function attempt(
  url: string,
  body: string,
  secret: string,
  timeoutSeconds: number,
): Promise<{ statusCode: number | null; error: string | null }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret)
    headers["x-esri-signature"] =
      `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(Math.max(1, timeoutSeconds) * 1000),
    });
    await response.arrayBuffer();
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function deliver(
  store: WebhookStore,
  hook: WebhookRecord,
  events: WebhookEvent[],
  portalUrl: string,
): Promise<void> {
  const settings = store.settings();
  const body = payloadFor(hook, events, portalUrl);
  const attempts = Math.max(1, settings.notificationAttempts);
  let outcome: { statusCode: number | null; error: string | null } = {
    statusCode: null,
    error: null,
  };
  let tries = 0;
  while (tries < attempts) {
    tries += 1;
    outcome = await attempt(
      hook.payloadUrl,
      body,
      hook.secret,
      settings.notificationTimeOutInSeconds,
    );
    if (outcome.error === null) break;
    if (tries < attempts) await pause(settings.notificationElapsedTimeInSeconds * 1000);
  }
  store.recordDelivery({
    webhookId: hook.id,
    when: Date.now(),
    events: events.map((event) => event.path),
    attempts: tries,
    success: outcome.error === null,
    statusCode: outcome.statusCode,
    error: outcome.error,
  });
  const { numberOfFailures, daysInPast } = hook.config.deactivationPolicy;
  const since = Date.now() - daysInPast * DAY_MS;
  const failures = store
    .deliveries(hook.id)
    .filter((delivery) => !delivery.success && delivery.when >= since).length;
  if (failures >= numberOfFailures) store.update(hook.id, { isActive: false });
}

/** Sends `events` to every active webhook subscribed to one of them; resolves when all are done. */
export async function notifyWebhooks(
  store: WebhookStore,
  events: WebhookEvent[],
  portalUrl: string,
): Promise<void> {
  const deliveries = store
    .list()
    .filter((hook) => hook.isActive)
    .map((hook) => ({
      hook,
      events: events.filter((event) => hook.events.some((path) => subscribes(path, event.path))),
    }))
    .filter((delivery) => delivery.events.length > 0)
    .map((delivery) => deliver(store, delivery.hook, delivery.events, portalUrl));
  await Promise.all(deliveries);
}
