import type { Migration } from "../migration";

/** Consecutive failed sign-ins per account and the time a lock-out they caused ends. */
export const signInLockout: Migration = {
  version: 9,
  name: "sign-in lock-out",
  up(db) {
    db.exec(`
      CREATE TABLE sign_in_failures (
        username TEXT PRIMARY KEY COLLATE NOCASE,
        failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL
      );
    `);
  },
};
