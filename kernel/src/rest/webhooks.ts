// The organisation's webhooks (`portals/self/webhooks/...`), one typed function per operation;
// Webhook and WebhookManager call these.
import type { WebhookJSON, WebhookNotification, WebhookSettings } from "../admin/webhooks";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

const WEBHOOKS_URL = "portals/self/webhooks";

/** `portals/self/webhooks/{id}`. */
function webhookUrl(webhookId: string): string {
  return `${WEBHOOKS_URL}/${encodeURIComponent(webhookId)}`;
}

/** REST: `portals/self/webhooks` (the organisation's webhooks). */
export async function listWebhooks(session: Session): Promise<{ webhooks?: WebhookJSON[] }> {
  return session.get(WEBHOOKS_URL);
}

/** REST: `portals/self/webhooks/{id}`. */
export async function getWebhook(session: Session, webhookId: string): Promise<WebhookJSON> {
  return session.get<WebhookJSON>(webhookUrl(webhookId));
}

/** REST: `portals/self/webhooks/createWebhook`. */
export async function createWebhook(session: Session, params: RequestParams): Promise<WebhookJSON> {
  return session.post<WebhookJSON>(`${WEBHOOKS_URL}/createWebhook`, params);
}

/** REST: `portals/self/webhooks/{id}/update`. */
export async function updateWebhook(
  session: Session,
  webhookId: string,
  params: RequestParams,
): Promise<SuccessResponse> {
  return session.post(`${webhookUrl(webhookId)}/update`, params);
}

/** REST: `portals/self/webhooks/{id}/activate` or `/deactivate`. */
export async function setWebhookActive(
  session: Session,
  webhookId: string,
  active: boolean,
): Promise<SuccessResponse> {
  return session.post(`${webhookUrl(webhookId)}/${active ? "activate" : "deactivate"}`);
}

/** REST: `portals/self/webhooks/{id}/delete`. */
export async function deleteWebhook(session: Session, webhookId: string): Promise<SuccessResponse> {
  return session.post(`${webhookUrl(webhookId)}/delete`);
}

/** REST: `portals/self/webhooks/{id}/notificationStatus`. */
export async function getWebhookNotifications(
  session: Session,
  webhookId: string,
): Promise<{ notificationStatus?: WebhookNotification[] }> {
  return session.get(`${webhookUrl(webhookId)}/notificationStatus`);
}

/** REST: `portals/self/webhooks/settings`. */
export async function getWebhookSettings(session: Session): Promise<WebhookSettings> {
  return session.get<WebhookSettings>(`${WEBHOOKS_URL}/settings`);
}

/** REST: `portals/self/webhooks/settings/update`. */
export async function updateWebhookSettings(
  session: Session,
  settings: Record<string, number>,
): Promise<SuccessResponse> {
  return session.post(`${WEBHOOKS_URL}/settings/update`, settings);
}
