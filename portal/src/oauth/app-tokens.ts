import type { PortalContext } from "../server/portal-context";
import { OAuthStore } from "../store/oauth-store";

/**
 * True for a live app-login token (client credentials). Such a token speaks for an app, not a
 * user, so the request proceeds as anonymous: public content only, as with the real portal.
 */
export function isLiveAppToken(context: PortalContext, token: string): boolean {
  return new OAuthStore(context.db).appOfToken(token) !== null;
}
