// The entitlements of a marketplace listing (`content/listings/{itemId}/...`), one typed function
// per operation; License calls these.
import type { UserEntitlementJSON } from "../admin/license-manager";
import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

/** `content/listings/{itemId}`: the listing an app licence was provisioned from. */
function listingUrl(itemId: string): string {
  return `content/listings/${encodeURIComponent(itemId)}`;
}

/** One page of User Entitlements. */
export interface UserEntitlementsPage {
  userEntitlements?: UserEntitlementJSON[];
  nextStart?: number;
}

/** REST: `content/listings/{itemId}/userEntitlements` (User Entitlements), one page. */
export async function getUserEntitlements(
  session: Session,
  itemId: string,
  start: number,
  num: number,
): Promise<UserEntitlementsPage> {
  return session.get<UserEntitlementsPage>(`${listingUrl(itemId)}/userEntitlements`, {
    start,
    num,
  });
}

/** REST: `content/listings/{itemId}/userEntitlements/{username}` (User Entitlements of one member). */
export async function getUserEntitlement(
  session: Session,
  itemId: string,
  username: string,
): Promise<{ userEntitlements?: UserEntitlementJSON | null }> {
  return session.get(`${listingUrl(itemId)}/userEntitlements/${encodeURIComponent(username)}`);
}

/** Parameters of Provision User Entitlements: the members and the entitlements they get. */
export interface ProvisionEntitlementsParams {
  users: string[];
  entitlements: string[];
  suppressCustomerEmail: boolean;
}

/** REST: `content/listings/{itemId}/provisionUserEntitlements` (Provision User Entitlements). */
export async function provisionUserEntitlements(
  session: Session,
  itemId: string,
  params: ProvisionEntitlementsParams,
): Promise<SuccessResponse> {
  const { users, entitlements, suppressCustomerEmail } = params;
  return session.post(`${listingUrl(itemId)}/provisionUserEntitlements`, {
    userEntitlements: JSON.stringify({ users, entitlements }),
    suppressCustomerEmail,
  });
}
