import type { Migration } from "../migration";

/**
 * Tokens for ArcGIS Servers federated with the portal (generateToken with serverUrl). Each is
 * bound to its server: it is no key to the portal itself, so a server cannot replay it there.
 */
export const serverTokens: Migration = {
  version: 7,
  name: "server tokens",
  up(db) {
    db.exec(`
      CREATE TABLE server_tokens (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        server_url TEXT NOT NULL,
        expires INTEGER NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX server_tokens_by_expiry ON server_tokens(expires);
    `);
  },
};
