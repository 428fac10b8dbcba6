import type { OrgDocumentStore } from "../store/org-document-store";
import { newId } from "../security/ids";

/** An organisation webhook as the REST API answers it (`portals/self/webhooks/{id}`). */
export interface WebhookRecord {
  id: string;
  accountId: string;
  name: string;
  payloadUrl: string;
  /** Kept for the receiver's own checks; never sent back in listings (answered as ""). */
  secret: string;
  isActive: boolean;
  events: string[];
  config: { deactivationPolicy: { numberOfFailures: number; daysInPast: number } };
  ownerId: string;
  created: number;
  modified: number;
}

/** The organisation-wide delivery settings (`portals/self/webhooks/settings`). */
export interface WebhookSettings {
  notificationAttempts: number;
  notificationTimeOutInSeconds: number;
  notificationElapsedTimeInSeconds: number;
}

/** One delivery of one event to one webhook, as `notificationStatus` lists it. */
export interface WebhookDelivery {
  webhookId: string;
  when: number;
  events: string[];
  attempts: number;
  success: boolean;
  statusCode: number | null;
  error: string | null;
}

/** ArcGIS Enterprise's documented defaults. */
export const DEFAULT_SETTINGS: WebhookSettings = {
  notificationAttempts: 3,
  notificationTimeOutInSeconds: 10,
  notificationElapsedTimeInSeconds: 5,
};

const HOOKS = "webhooks";
const SETTINGS = "webhook-settings";
const DELIVERIES = "webhook-deliveries";
/** Deliveries kept per webhook: enough to see what happened lately, bounded. */
const KEPT_DELIVERIES = 50;

/** Webhooks, their settings and recent deliveries, in the organisation's documents. */
export class WebhookStore {
  constructor(private readonly documents: OrgDocumentStore) {}

  list(): WebhookRecord[] {
    return (this.documents.get(HOOKS)?.webhooks as WebhookRecord[] | undefined) ?? [];
  }

  get(id: string): WebhookRecord | undefined {
    return this.list().find((hook) => hook.id === id);
  }

  create(fields: Omit<WebhookRecord, "id" | "created" | "modified" | "isActive">): WebhookRecord {
    const now = Date.now();
    const hook: WebhookRecord = {
      ...fields,
      id: newId(),
      isActive: true,
      created: now,
      modified: now,
    };
    this.save([...this.list(), hook]);
    return hook;
  }

  update(id: string, changes: Partial<Omit<WebhookRecord, "id" | "created">>): void {
    this.save(
      this.list().map((hook) =>
        hook.id === id ? { ...hook, ...changes, modified: Date.now() } : hook,
      ),
    );
  }

  delete(id: string): void {
    this.save(this.list().filter((hook) => hook.id !== id));
    const deliveries = this.allDeliveries().filter((delivery) => delivery.webhookId !== id);
    this.documents.put(DELIVERIES, { deliveries });
  }

  settings(): WebhookSettings {
    return { ...DEFAULT_SETTINGS, ...(this.documents.get(SETTINGS) as Partial<WebhookSettings>) };
  }

  updateSettings(changes: Partial<WebhookSettings>): void {
    this.documents.put(SETTINGS, { ...this.settings(), ...changes });
  }

  deliveries(webhookId: string): WebhookDelivery[] {
    return this.allDeliveries().filter((delivery) => delivery.webhookId === webhookId);
  }

  recordDelivery(delivery: WebhookDelivery): void {
    const others = this.allDeliveries().filter((kept) => kept.webhookId !== delivery.webhookId);
    const own = [...this.deliveries(delivery.webhookId), delivery].slice(-KEPT_DELIVERIES);
    this.documents.put(DELIVERIES, { deliveries: [...others, ...own] });
  }

  private allDeliveries(): WebhookDelivery[] {
    return (this.documents.get(DELIVERIES)?.deliveries as WebhookDelivery[] | undefined) ?? [];
  }

  private save(webhooks: WebhookRecord[]): void {
    this.documents.put(HOOKS, { webhooks });
  }
}
