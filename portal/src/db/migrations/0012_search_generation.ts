import type { Migration } from "../migration";

/** The tables whose rows decide what a search finds and who may see it. */
const SEARCHED_TABLES = ["items", "item_groups", "group_members", "item_categories", "groups"];

/**
 * A counter that every change to what searches read moves forward. Search remembers a query's
 * total and order under it (search/search-memo.ts); before, it used the database's count of
 * changed rows, so each sign-in (a token written) made every remembered total stale.
 */
export const searchGeneration: Migration = {
  version: 12,
  name: "a generation counter for search results",
  up(db) {
    db.exec(`
      CREATE TABLE search_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL
      );
      INSERT INTO search_generation (id, generation) VALUES (1, 0);
    `);
    for (const table of SEARCHED_TABLES) {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        db.exec(`
          CREATE TRIGGER ${table}_${event.toLowerCase()}_search_generation AFTER ${event} ON ${table}
          BEGIN
            UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
          END;
        `);
      }
    }
  },
};
