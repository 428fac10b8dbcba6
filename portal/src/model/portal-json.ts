import type { PortalContext } from "../server/portal-context";
import { restUrlOf } from "../server/portal-context";
import type { OrganisationRecord } from "../store/organisation-store";
import { CURRENT_VERSION } from "../version";
import { defaultPortalProperties } from "./portal-defaults";
import { fullUserJson } from "./user-json";
import type { UserRecord } from "./user-record";

/** The portals/self document. Anonymous callers get the public subset (no user, no subscription). */
export function portalSelfJson(
  context: PortalContext,
  organisation: OrganisationRecord,
  user: UserRecord | null,
  requestRootUrl?: string,
): Record<string, unknown> {
  const host = new URL(context.rootUrl).host;
  const document: Record<string, unknown> = {
    // Helper services (geocoder, print) are addressed the way this caller reached the portal,
    // so their URLs work through any host name or port mapping and receive the token.
    ...defaultPortalProperties(
      requestRootUrl ? `${requestRootUrl}/sharing/rest` : restUrlOf(context),
    ),
    ...organisation.properties,
    id: organisation.id,
    name: organisation.name,
    urlKey: organisation.urlKey,
    isPortal: true,
    portalMode: "singletenant",
    portalName: "tsgis portal",
    portalHostname: host,
    customBaseUrl: host,
    allSSL: context.tlsEnabled,
    httpPort: context.tlsEnabled ? -1 : Number(new URL(context.rootUrl).port),
    httpsPort: context.tlsEnabled ? Number(new URL(context.rootUrl).port) : -1,
    supportsOAuth: false,
    supportsHostedServices: true,
    currentVersion: CURRENT_VERSION,
    created: organisation.created,
    modified: organisation.modified,
    isVerified: false,
    mfaEnabled: false,
    platform: "tsgis",
  };
  if (user) {
    document.user = fullUserJson(user);
    document.subscriptionInfo = {
      id: organisation.id,
      type: "In House",
      state: "active",
      expDate: 4102444800000,
      maxUsers: 10000,
      companyName: organisation.name,
      userLicenseTypes: { creatorUT: 10000 },
    };
    document.appInfo = { appId: "arcgisonline", appType: "multiple", orgId: organisation.id };
  }
  return document;
}
