import Database from "better-sqlite3";
import path from "node:path";
import { migrate } from "./migrate";
import { migrations } from "./migrations";
import { registerTextAnalysis } from "../search/text-analysis";

export type PortalDatabase = Database.Database;

export function openDatabase(dataDir: string): PortalDatabase {
  const db = new Database(path.join(dataDir, "portal.sqlite"));
  // WAL lets readers proceed while a write is in progress; NORMAL sync is durable enough in WAL.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // 64 MiB of page cache (16 by default here): 100,000 items with their search index fill
  // about 60 MiB, and a search that has to go to the file for them costs twice as much.
  db.pragma("cache_size = -65536");
  // Before migrating: the full-text triggers call it on every write.
  registerTextAnalysis(db);
  migrate(db, migrations);
  return db;
}
