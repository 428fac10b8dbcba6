import type { Migration } from "../migration";

/**
 * The data model that content and groups share: items live in folders, groups have members,
 * and an item is shared with groups through item_groups. Item-only and group-only details
 * (resources, comments, applications, …) come in later migrations of their own.
 */
export const contentAndGroups: Migration = {
  version: 2,
  name: "items, folders, groups, membership, sharing",
  up(db) {
    db.exec(`
      CREATE TABLE folders (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE,
        title TEXT NOT NULL,
        created INTEGER NOT NULL,
        UNIQUE (owner, title)
      );

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE,
        org_id TEXT NOT NULL REFERENCES organisation(id),
        folder_id TEXT REFERENCES folders(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        type TEXT NOT NULL,
        type_keywords_json TEXT NOT NULL DEFAULT '[]',
        tags_json TEXT NOT NULL DEFAULT '[]',
        snippet TEXT,
        description TEXT,
        url TEXT,
        extent_json TEXT,
        access TEXT NOT NULL DEFAULT 'private' CHECK (access IN ('private','shared','org','public')),
        protected INTEGER NOT NULL DEFAULT 0,
        content_status TEXT,
        properties_json TEXT,
        extra_json TEXT NOT NULL DEFAULT '{}',
        num_views INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );
      CREATE INDEX items_by_owner ON items(owner);
      CREATE INDEX items_by_type ON items(type);
      CREATE INDEX items_by_modified ON items(modified);

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE,
        org_id TEXT NOT NULL REFERENCES organisation(id),
        title TEXT NOT NULL,
        snippet TEXT,
        description TEXT,
        tags_json TEXT NOT NULL DEFAULT '[]',
        access TEXT NOT NULL DEFAULT 'private' CHECK (access IN ('private','org','public')),
        is_invitation_only INTEGER NOT NULL DEFAULT 0,
        is_view_only INTEGER NOT NULL DEFAULT 0,
        protected INTEGER NOT NULL DEFAULT 0,
        thumbnail TEXT,
        extra_json TEXT NOT NULL DEFAULT '{}',
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );
      CREATE INDEX groups_by_owner ON groups(owner);

      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE ON DELETE CASCADE,
        member_type TEXT NOT NULL CHECK (member_type IN ('owner','admin','member')),
        joined INTEGER NOT NULL,
        PRIMARY KEY (group_id, username)
      );
      CREATE INDEX group_members_by_user ON group_members(username);

      CREATE TABLE item_groups (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        shared INTEGER NOT NULL,
        PRIMARY KEY (item_id, group_id)
      );
      CREATE INDEX item_groups_by_group ON item_groups(group_id);
    `);
  },
};
