import type { PortalDatabase } from "../db/open-database";
import { hashTokenSecret, newTokenSecret } from "../security/token-secret";

/**
 * Tokens the portal issues for federated ArcGIS Servers. They are kept apart from portal tokens
 * so that a server, which sees its token on every request, cannot use it against the portal.
 */
export class ServerTokenStore {
  constructor(private readonly db: PortalDatabase) {}

  issue(username: string, serverUrl: string, expires: number): string {
    const token = newTokenSecret();
    this.db
      .prepare(
        `INSERT INTO server_tokens (token_hash, username, server_url, expires, created)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(hashTokenSecret(token), username, normalizeServerUrl(serverUrl), expires, Date.now());
    return token;
  }

  /** Who a token speaks for at `serverUrl`, or null when it is unknown, expired or for another server. */
  ownerAt(token: string, serverUrl: string): string | null {
    const row = this.db
      .prepare("SELECT username, server_url, expires FROM server_tokens WHERE token_hash = ?")
      .get(hashTokenSecret(token)) as
      { username: string; server_url: string; expires: number } | undefined;
    if (!row || row.expires <= Date.now()) return null;
    return row.server_url === normalizeServerUrl(serverUrl) ? row.username : null;
  }
}

/** `https://Host/server/rest/services/x` and `https://host/server/` name the same server. */
export function normalizeServerUrl(serverUrl: string): string {
  const parsed = new URL(serverUrl);
  const index = parsed.pathname.toLowerCase().indexOf("/rest/");
  const root = index >= 0 ? parsed.pathname.slice(0, index) : parsed.pathname;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${root.replace(/\/+$/, "")}`;
}
