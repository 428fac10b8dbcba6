import type { Migration } from "../migration";
import { INDEXED_TEXT_FUNCTION, registerTextAnalysis } from "../../search/text-analysis";

const f = INDEXED_TEXT_FUNCTION;

/**
 * The item index holds analysed text (no English stop words) in its free-text columns, as
 * ArcGIS Online's index does; `type` and `owner` stay as they are. Rebuilds the index.
 */
export const analysedSearchText: Migration = {
  version: 8,
  name: "analysed_search_text",
  up(db) {
    registerTextAnalysis(db);
    db.exec(`
      DROP TRIGGER items_fts_insert;
      DROP TRIGGER items_fts_update;
      CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts (rowid, title, tags, snippet, description, type, type_keywords, owner)
        VALUES (new.rowid, ${f}(new.title), ${f}(new.tags_json), ${f}(new.snippet),
                ${f}(new.description), new.type, ${f}(new.type_keywords_json), new.owner);
      END;
      CREATE TRIGGER items_fts_update AFTER UPDATE OF title, tags_json, snippet, description, type,
          type_keywords_json, owner ON items BEGIN
        UPDATE items_fts SET title = ${f}(new.title), tags = ${f}(new.tags_json),
          snippet = ${f}(new.snippet), description = ${f}(new.description), type = new.type,
          type_keywords = ${f}(new.type_keywords_json), owner = new.owner
        WHERE rowid = new.rowid;
      END;
      DELETE FROM items_fts;
      INSERT INTO items_fts (rowid, title, tags, snippet, description, type, type_keywords, owner)
        SELECT rowid, ${f}(title), ${f}(tags_json), ${f}(snippet), ${f}(description), type,
               ${f}(type_keywords_json), owner
        FROM items;
    `);
  },
};
