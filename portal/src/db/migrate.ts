import type Database from "better-sqlite3";
import type { Migration } from "./migration";

/**
 * Brings the database schema up to the newest migration. The applied version lives in SQLite's
 * own `user_version` pragma, so no bookkeeping table can disagree with the schema; each step runs
 * in its own transaction so a failing migration leaves the previous version intact.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  assertConsecutive(migrations);
  const current = db.pragma("user_version", { simple: true }) as number;
  const newest = migrations.length;
  if (current > newest) {
    throw new Error(
      `The portal database is at schema version ${current}, newer than this portal (${newest}).`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return newest;
}

function assertConsecutive(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`,
      );
    }
  });
}
