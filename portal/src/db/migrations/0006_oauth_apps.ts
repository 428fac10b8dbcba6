import type { Migration } from "../migration";

/**
 * OAuth 2.0: apps registered from an item (client id and secret, redirect URIs), the one-time
 * authorization codes of the code grant (with their PKCE challenge), refresh tokens, and the
 * tokens of app logins, which act for the app and not for any user. Codes and tokens are kept
 * only as digests.
 */
export const oauthApps: Migration = {
  version: 6,
  name: "oauth apps, authorization codes, refresh and app tokens",
  up(db) {
    db.exec(`
      CREATE TABLE oauth_apps (
        client_id TEXT PRIMARY KEY,
        client_secret TEXT NOT NULL,
        item_id TEXT NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
        owner TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        app_type TEXT NOT NULL CHECK (app_type IN ('browser','native','server','multiple')),
        redirect_uris_json TEXT NOT NULL DEFAULT '[]',
        registered INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE oauth_codes (
        code_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_apps(client_id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        redirect_uri TEXT NOT NULL,
        code_challenge TEXT,
        code_challenge_method TEXT,
        refresh_minutes INTEGER NOT NULL,
        expires INTEGER NOT NULL
      );

      CREATE TABLE oauth_refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_apps(client_id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        expires INTEGER NOT NULL,
        created INTEGER NOT NULL
      );

      CREATE TABLE app_tokens (
        token_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_apps(client_id) ON DELETE CASCADE,
        expires INTEGER NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX app_tokens_by_expiry ON app_tokens(expires);
    `);
  },
};
