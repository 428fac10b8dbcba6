import type { PortalServices } from "../server/portal-services";

/**
 * True for a live app-login token (client credentials). Such a token speaks for an app, not a
 * user, so the request proceeds as anonymous: public content only, as with the real portal.
 */
export function isLiveAppToken(context: PortalServices, token: string): boolean {
  return context.oauth.appOfToken(token) !== null;
}
