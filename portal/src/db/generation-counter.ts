import type Database from "better-sqlite3";
import { cachedStatement } from "./statement-cache";

/**
 * Creates a one-row table `counter` whose generation every insert, update and delete on the
 * `watched` tables moves forward (a trigger each, named `<table>_<event>_<counter>`). What is
 * remembered about those tables stays valid while the generation is the same, whichever
 * connection wrote; writes to other tables (a sign-in's token) leave it alone.
 */
export function createGenerationCounter(
  db: Database.Database,
  counter: string,
  watched: readonly string[],
): void {
  db.exec(`
    CREATE TABLE ${counter} (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      generation INTEGER NOT NULL
    );
    INSERT INTO ${counter} (id, generation) VALUES (1, 0);
  `);
  for (const table of watched) {
    for (const event of ["INSERT", "UPDATE", "DELETE"]) {
      db.exec(`
        CREATE TRIGGER ${table}_${event.toLowerCase()}_${counter} AFTER ${event} ON ${table}
        BEGIN
          UPDATE ${counter} SET generation = generation + 1 WHERE id = 1;
        END;
      `);
    }
  }
}

/** The current generation of a counter made by {@link createGenerationCounter}. */
export function readGeneration(db: Database.Database, counter: string): number {
  const row = cachedStatement(db, `SELECT generation FROM ${counter} WHERE id = 1`).get() as {
    generation: number;
  };
  return row.generation;
}
