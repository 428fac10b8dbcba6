import type { Migration } from "../migration";

export const organisationUsersTokens: Migration = {
  version: 1,
  name: "organisation, users, tokens",
  up(db) {
    db.exec(`
      CREATE TABLE organisation (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url_key TEXT NOT NULL,
        properties_json TEXT NOT NULL DEFAULT '{}',
        settings_json TEXT NOT NULL DEFAULT '{}',
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE users (
        username TEXT PRIMARY KEY COLLATE NOCASE,
        id TEXT NOT NULL UNIQUE,
        org_id TEXT NOT NULL REFERENCES organisation(id),
        full_name TEXT NOT NULL DEFAULT '',
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        description TEXT,
        tags_json TEXT NOT NULL DEFAULT '[]',
        culture TEXT,
        region TEXT,
        units TEXT NOT NULL DEFAULT 'metric',
        thumbnail TEXT,
        access TEXT NOT NULL DEFAULT 'org',
        role TEXT NOT NULL,
        role_id TEXT NOT NULL,
        privileges_json TEXT NOT NULL,
        user_license_type_id TEXT NOT NULL,
        level TEXT NOT NULL DEFAULT '2',
        provider TEXT NOT NULL DEFAULT 'arcgis',
        password_hash TEXT NOT NULL,
        password_salt TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        last_login INTEGER NOT NULL DEFAULT -1,
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        expires INTEGER NOT NULL,
        client TEXT NOT NULL,
        referer TEXT,
        ip TEXT,
        created INTEGER NOT NULL
      );
      CREATE INDEX tokens_by_expiry ON tokens(expires);
    `);
  },
};
