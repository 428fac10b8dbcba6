import type { Migration } from "../migration";

/**
 * What users, groups and the organisation need beyond migration 2: custom roles, group
 * applications and invitations, notifications, organisation invitations, profile and group
 * thumbnails, linked accounts, HTTPS certificates, the hosting server's data store, and a few
 * user columns (Esri access, preferred view, credits, security question).
 */
export const usersGroupsOrganisation: Migration = {
  version: 4,
  name: "roles, group applications, invitations, notifications, certificates, data store",
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN user_type TEXT NOT NULL DEFAULT 'arcgisonly';
      ALTER TABLE users ADD COLUMN preferred_view TEXT;
      ALTER TABLE users ADD COLUMN assigned_credits REAL NOT NULL DEFAULT -1;
      ALTER TABLE users ADD COLUMN security_question_idx INTEGER;
      ALTER TABLE users ADD COLUMN security_answer_hash TEXT;

      CREATE TABLE roles (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisation(id),
        name TEXT NOT NULL COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        privileges_json TEXT NOT NULL DEFAULT '[]',
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL,
        UNIQUE (org_id, name)
      );

      CREATE TABLE group_applications (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        comment TEXT,
        created INTEGER NOT NULL,
        PRIMARY KEY (group_id, username)
      );

      CREATE TABLE group_invitations (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        member_type TEXT NOT NULL CHECK (member_type IN ('admin','member')),
        invited_by TEXT NOT NULL,
        created INTEGER NOT NULL,
        expires INTEGER NOT NULL,
        UNIQUE (group_id, username)
      );

      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        type TEXT NOT NULL,
        target TEXT,
        target_type TEXT,
        data_json TEXT NOT NULL DEFAULT '{}',
        created INTEGER NOT NULL
      );
      CREATE INDEX notifications_by_user ON notifications(username);

      CREATE TABLE org_invitations (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        username TEXT,
        role TEXT NOT NULL,
        level TEXT NOT NULL,
        user_license_type TEXT,
        provider TEXT NOT NULL,
        must_approve INTEGER NOT NULL DEFAULT 0,
        invited_by TEXT NOT NULL,
        created INTEGER NOT NULL,
        expires INTEGER NOT NULL
      );

      CREATE TABLE thumbnails (
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('user','group')),
        owner_id TEXT NOT NULL,
        filename TEXT NOT NULL,
        content_type TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (owner_kind, owner_id)
      );

      CREATE TABLE linked_accounts (
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        linked_username TEXT NOT NULL,
        linked_portal TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (username, linked_username, linked_portal)
      );

      CREATE TABLE org_documents (
        name TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE TABLE certificates (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisation(id),
        name TEXT NOT NULL,
        domain TEXT NOT NULL,
        ssl_certificate TEXT NOT NULL,
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE datastore_items (
        path TEXT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        item_json TEXT NOT NULL,
        manifest_json TEXT,
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );
    `);
  },
};
