// The credentials a map view needs in the browser: the portal's token, for the portal and
// for servers federated with it only. They travel in a custom message, which Jupyter does
// not save, never in the widget state, which it does.
import type { GIS } from "../gis";
import type { LayerSpec, ServerCredential } from "./contract";

/**
 * How long the browser treats a token as good before asking again. The kernel renews its
 * login on its own schedule; the view re-asks well inside this window.
 */
export const BROWSER_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export async function credentialsForViews(
  gis: GIS,
  layers: readonly LayerSpec[],
): Promise<ServerCredential[]> {
  const token = await gis.session.auth.token(gis.session);
  if (!token) return [];
  const expires = Date.now() + BROWSER_TOKEN_LIFETIME_MS;
  const servers = new Set<string>([gis.session.restUrl.replace(/\/+$/, "")]);
  for (const layer of layers) {
    if (!layer.url) continue;
    const root = servicesRootOf(layer.url);
    if (root && (await gis.session.tokenScope.mayReceiveToken(layer.url))) servers.add(root);
  }
  return [...servers].map((server) => ({
    server,
    token,
    expires,
    ssl: server.startsWith("https:"),
  }));
}

/** `https://host/server/rest/services/x/FeatureServer/0` → `https://host/server/rest/services`. */
export function servicesRootOf(url: string): string | null {
  const match = /^(https?:\/\/[^?#]*?\/rest\/services)(\/|$)/i.exec(url);
  return match ? match[1] : null;
}
