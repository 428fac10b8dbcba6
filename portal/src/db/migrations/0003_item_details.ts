import type { Migration } from "../migration";

/**
 * What items need beyond migration 2: the file name and size of their data, ratings and comment
 * counters kept on the row (so search can sort 100,000 items without joins), a full-text index
 * kept in step by triggers, and the tables for comments, ratings, relationships, categories,
 * dependencies, registered apps, usage and multipart uploads.
 */
export const itemDetails: Migration = {
  version: 3,
  name: "item details, search index, comments, ratings, relationships, categories",
  up(db) {
    db.exec(`
      ALTER TABLE items ADD COLUMN name TEXT;
      ALTER TABLE items ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE items ADD COLUMN thumbnail TEXT;
      ALTER TABLE items ADD COLUMN avg_rating REAL NOT NULL DEFAULT 0;
      ALTER TABLE items ADD COLUMN num_ratings INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE items ADD COLUMN num_comments INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE items ADD COLUMN upload_status TEXT;
      CREATE INDEX items_by_title ON items(title COLLATE NOCASE);
      CREATE INDEX items_by_created ON items(created);
      CREATE INDEX items_by_org ON items(org_id, access);

      CREATE VIRTUAL TABLE items_fts USING fts5(
        title, tags, snippet, description, type, type_keywords, owner,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts (rowid, title, tags, snippet, description, type, type_keywords, owner)
        VALUES (new.rowid, new.title, new.tags_json, new.snippet, new.description, new.type,
                new.type_keywords_json, new.owner);
      END;
      CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        DELETE FROM items_fts WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER items_fts_update AFTER UPDATE OF title, tags_json, snippet, description, type,
          type_keywords_json, owner ON items BEGIN
        UPDATE items_fts SET title = new.title, tags = new.tags_json, snippet = new.snippet,
          description = new.description, type = new.type, type_keywords = new.type_keywords_json,
          owner = new.owner
        WHERE rowid = new.rowid;
      END;

      CREATE TABLE item_comments (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        comment TEXT NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX item_comments_by_item ON item_comments(item_id, created);

      CREATE TABLE item_ratings (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        username TEXT NOT NULL,
        rating REAL NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (item_id, username)
      );

      CREATE TABLE item_relationships (
        origin_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        destination_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        relationship_type TEXT NOT NULL,
        owner TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (origin_id, destination_id, relationship_type)
      );
      CREATE INDEX item_relationships_by_destination ON item_relationships(destination_id);

      CREATE TABLE item_categories (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        category TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (item_id, category)
      );
      CREATE INDEX item_categories_by_category ON item_categories(category);

      CREATE TABLE category_schemas (
        scope TEXT PRIMARY KEY,
        schema_json TEXT NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE item_dependencies (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        dependency_type TEXT NOT NULL CHECK (dependency_type IN ('id','url','serverId')),
        value TEXT NOT NULL,
        PRIMARY KEY (item_id, dependency_type, value)
      );
      CREATE INDEX item_dependencies_by_value ON item_dependencies(value);

      CREATE TABLE registered_apps (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        client_id TEXT NOT NULL UNIQUE,
        client_secret TEXT NOT NULL,
        app_type TEXT NOT NULL,
        redirect_uris_json TEXT NOT NULL DEFAULT '[]',
        registered INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );

      CREATE TABLE item_usage (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        day INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (item_id, day)
      );
    `);
  },
};
