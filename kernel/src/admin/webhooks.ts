import { inspect } from "util";
import type { GIS } from "../gis";
import { optionalBoolean, optionalString, requireString } from "../arguments";
import * as rest from "../rest/webhooks";

/** A webhook as the portal answers it (`portals/self/webhooks/{id}`). */
export interface WebhookJSON {
  id: string;
  name: string;
  payloadUrl: string;
  isActive: boolean;
  events: string[];
  config: { deactivationPolicy: { numberOfFailures: number; daysInPast: number } };
  ownerId: string;
  created: number;
  modified: number;
  [field: string]: unknown;
}

/** The organisation's delivery settings for every webhook. */
export interface WebhookSettings {
  /** Delivery attempts per payload (0 to 5). */
  notificationAttempts: number;
  /** Seconds to wait for the receiver's answer (0 to 60). */
  notificationTimeOutInSeconds: number;
  /** Seconds between attempts (1 to 100). */
  notificationElapsedTimeInSeconds: number;
}

/** One delivery of events to a webhook's payload URL. */
export interface WebhookNotification {
  when: number;
  events: string[];
  attempts: number;
  success: boolean;
  statusCode: number | null;
  error: string | null;
}

/** What a webhook may change; Python's keyword arguments in camelCase. */
export interface WebhookOptions {
  /** Failed deliveries within `daysInPast` days after which the webhook is deactivated. */
  numberOfFailures?: number;
  daysInPast?: number;
  /** Signs each payload (HMAC-SHA256 in the `x-esri-signature` header). */
  secret?: string;
}

function eventList(events: unknown, argument: string): string {
  const list = typeof events === "string" ? [events] : events;
  if (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === "string")) {
    throw new TypeError(`${argument}: expected event paths such as "/items" or ["/items/add"]`);
  }
  return JSON.stringify(list);
}

function policyCount(value: unknown, argument: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RangeError(
      `${argument}: expected a whole number of at least 1, got ${String(value)}`,
    );
  }
  return value as number;
}

/** The `config` parameter holding the deactivation policy, when either count is given. */
function configParam(options: WebhookOptions, current?: WebhookJSON): string | undefined {
  const numberOfFailures = policyCount(options.numberOfFailures, "numberOfFailures");
  const daysInPast = policyCount(options.daysInPast, "daysInPast");
  if (numberOfFailures === undefined && daysInPast === undefined) return undefined;
  const base = current?.config.deactivationPolicy ?? { numberOfFailures: 5, daysInPast: 5 };
  return JSON.stringify({
    deactivationPolicy: {
      numberOfFailures: numberOfFailures ?? base.numberOfFailures,
      daysInPast: daysInPast ?? base.daysInPast,
    },
  });
}

/**
 * An organisation webhook: the portal posts a payload to its URL when the events it subscribes
 * to happen. Python: `arcgis.gis.admin.Webhook`.
 * @example
 * const [hook] = await gis.admin.webhooks.list();
 */
export class Webhook {
  /**
   * Made by `gis.admin.webhooks`. Python: `Webhook(url, gis)`.
   * @example
   * const hook = await gis.admin.webhooks.get(id);
   */
  constructor(
    protected readonly gis: GIS,
    private json: WebhookJSON,
  ) {}

  /** The webhook's id. Python: `Webhook.properties["id"]`. @example hook.id */
  get id(): string {
    return this.json.id;
  }

  /** Its name. Python: `Webhook.properties["name"]`. @example hook.name */
  get name(): string {
    return this.json.name;
  }

  /** Everything the portal answered for it. Python: `Webhook.properties`. @example hook.properties.events */
  get properties(): WebhookJSON {
    return this.json;
  }

  /**
   * Reads the webhook again (Python re-reads `Webhook.properties` on each use).
   * @example await hook.refresh();
   */
  async refresh(): Promise<this> {
    this.json = await rest.getWebhook(this.gis.session, this.json.id);
    return this;
  }

  /**
   * Changes the name, URL, events, secret or deactivation policy; `active` turns it on or off.
   * Python: `Webhook.update(name=None, url=None, events=None, number_of_failures=None,
   * days_in_past=None, secret=None, active=None)`.
   * @example
   * await hook.update({ events: ["/items", "/groups"] });
   */
  async update(
    options: WebhookOptions & {
      name?: string;
      url?: string;
      events?: string[];
      active?: boolean;
    } = {},
  ): Promise<boolean> {
    const active = optionalBoolean(options.active, "active");
    const params = {
      name: optionalString(options.name, "name"),
      url: optionalString(options.url, "url"),
      events: options.events === undefined ? undefined : eventList(options.events, "events"),
      secret: optionalString(options.secret, "secret"),
      config: configParam(options, this.json),
    };
    const result = await rest.updateWebhook(this.gis.session, this.json.id, params);
    if (active !== undefined && active !== this.json.isActive) {
      await rest.setWebhookActive(this.gis.session, this.json.id, active);
    }
    await this.refresh();
    return result.success === true;
  }

  /**
   * Deletes the webhook. Python: `Webhook.delete()`.
   * @example
   * await hook.delete();
   */
  async delete(): Promise<boolean> {
    const result = await rest.deleteWebhook(this.gis.session, this.json.id);
    return result.success === true;
  }

  /**
   * The recent deliveries, oldest first. Python: `Webhook.notifications`.
   * @example
   * const sent = await hook.getNotifications();
   */
  async getNotifications(): Promise<WebhookNotification[]> {
    const result = await rest.getWebhookNotifications(this.gis.session, this.json.id);
    return result.notificationStatus ?? [];
  }

  /** Python's repr. @example console.log(hook) */
  [inspect.custom](): string {
    return `<Webhook name:"${this.json.name}" events:${this.json.events.join(",")}>`;
  }
}

/**
 * The organisation's webhooks (full administrators). Python: `gis.admin.webhooks`
 * (`arcgis.gis.admin.WebhookManager`).
 * @example
 * const hooks = await gis.admin.webhooks.list();
 */
export class WebhookManager {
  /**
   * Made by `gis.admin`: use `gis.admin.webhooks`. Python: `WebhookManager(url, gis)`.
   * @example
   * const manager = gis.admin.webhooks;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Every webhook of the organisation, active or not. Python: `WebhookManager.list()`.
   * @example
   * for (const hook of await gis.admin.webhooks.list()) console.log(hook.name);
   */
  async list(): Promise<Webhook[]> {
    const result = await rest.listWebhooks(this.gis.session);
    return (result.webhooks ?? []).map((json) => new Webhook(this.gis, json));
  }

  /**
   * One webhook, or null when there is none with that id (Python has no such member: it
   * filters `WebhookManager.list()`).
   * @example
   * const hook = await gis.admin.webhooks.get(id);
   */
  async get(webhookId: string): Promise<Webhook | null> {
    requireString(webhookId, "webhookId");
    const hooks = await this.list();
    return hooks.find((hook) => hook.id === webhookId) ?? null;
  }

  /**
   * Registers a webhook that receives the given events ("/" for all, "/items", "/items/add",
   * "/groups/{id}", "/users/{name}/disable", ...). Python: `WebhookManager.create(name, url,
   * events, number_of_failures=5, days_in_past=5, secret=None)`.
   * @example
   * const hook = await gis.admin.webhooks.create("Audit", "https://hooks.example.com/gis", ["/items"]);
   */
  async create(
    name: string,
    url: string,
    events: string[],
    options: WebhookOptions = {},
  ): Promise<Webhook> {
    requireString(name, "name");
    requireString(url, "url");
    const json = await rest.createWebhook(this.gis.session, {
      name,
      url,
      events: eventList(events, "events"),
      secret: optionalString(options.secret, "secret"),
      config: configParam({ numberOfFailures: 5, daysInPast: 5, ...options }),
    });
    return new Webhook(this.gis, json);
  }

  /**
   * The delivery settings of every webhook. Python: `WebhookManager.settings`.
   * @example
   * const { notificationAttempts } = await gis.admin.webhooks.getSettings();
   */
  async getSettings(): Promise<WebhookSettings> {
    return rest.getWebhookSettings(this.gis.session);
  }

  /**
   * Changes the delivery settings. Python: `WebhookManager.settings = {...}`.
   * @example
   * await gis.admin.webhooks.setSettings({ notificationAttempts: 1 });
   */
  async setSettings(settings: Partial<WebhookSettings>): Promise<boolean> {
    const params: Record<string, number> = {};
    for (const [name, value] of Object.entries(settings)) {
      if (!Number.isInteger(value)) {
        throw new TypeError(`settings.${name}: expected a whole number, got ${String(value)}`);
      }
      params[name] = value;
    }
    const result = await rest.updateWebhookSettings(this.gis.session, params);
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `WebhookManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.webhooks));
   */
  [inspect.custom](): string {
    return `<WebhookManager url:"${this.gis.url}">`;
  }
}
