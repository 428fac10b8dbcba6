import type { Migration } from "../migration";

/** The tables whose rows decide what a layer query answers. */
const FEATURE_TABLES = ["features", "feature_layers", "feature_services"];

/**
 * A counter that every change to features, layers or services moves forward. A layer's
 * remembered count and extent and its page starts are kept under it (db/feature-generation.ts);
 * before, they were kept under the database's count of changed rows, so each sign-in (a token
 * written) made a client reading 100,000 features count them all again.
 */
export const featureGeneration: Migration = {
  version: 13,
  name: "a generation counter for feature queries",
  up(db) {
    db.exec(`
      CREATE TABLE feature_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL
      );
      INSERT INTO feature_generation (id, generation) VALUES (1, 0);
    `);
    for (const table of FEATURE_TABLES) {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        db.exec(`
          CREATE TRIGGER ${table}_${event.toLowerCase()}_feature_generation AFTER ${event} ON ${table}
          BEGIN
            UPDATE feature_generation SET generation = generation + 1 WHERE id = 1;
          END;
        `);
      }
    }
  },
};
