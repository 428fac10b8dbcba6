import type { PortalDatabase } from "../db/open-database";

/** Small named JSON documents of the organisation (new member defaults, data store config). */
export class OrgDocumentStore {
  constructor(private readonly db: PortalDatabase) {}

  get(name: string): Record<string, unknown> | null {
    const row = this.db.prepare("SELECT json FROM org_documents WHERE name = ?").get(name) as
      { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Record<string, unknown>) : null;
  }

  put(name: string, value: Record<string, unknown>): void {
    this.db
      .prepare(
        `INSERT INTO org_documents (name, json) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET json = excluded.json`,
      )
      .run(name, JSON.stringify(value));
  }

  delete(name: string): void {
    this.db.prepare("DELETE FROM org_documents WHERE name = ?").run(name);
  }
}
