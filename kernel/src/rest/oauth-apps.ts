import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

/** Parameters of `oauth2/registerApp`. */
export interface RegisterAppParams {
  itemId: string;
  appType: string;
  /** A JSON list of URIs, as the operation wants it. */
  redirect_uris: string;
}

/** REST: `oauth2/registerApp` (Register App); answers the app's client id, secret and URIs. */
export async function registerApp(
  session: Session,
  params: RegisterAppParams,
): Promise<Record<string, unknown>> {
  return session.post<Record<string, unknown>>("oauth2/registerApp", { ...params });
}

/** REST: `oauth2/apps/{clientId}/unregister` (Unregister App). */
export async function unregisterApp(session: Session, clientId: string): Promise<SuccessResponse> {
  return session.post(`oauth2/apps/${encodeURIComponent(clientId)}/unregister`);
}
