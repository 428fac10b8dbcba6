import type { Migration } from "../migration";

/** The portal's own log (`/portaladmin/logs`): one row per record, newest found by time. */
export const portalLogs: Migration = {
  version: 10,
  name: "portal logs",
  up(db) {
    db.exec(`
      CREATE TABLE portal_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time INTEGER NOT NULL,
        level TEXT NOT NULL,
        code INTEGER NOT NULL,
        source TEXT NOT NULL,
        message TEXT NOT NULL,
        username TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX portal_logs_time ON portal_logs (time);
    `);
  },
};
