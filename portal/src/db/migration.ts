import type Database from "better-sqlite3";

/** One forward-only schema step. Versions are consecutive integers starting at 1. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
