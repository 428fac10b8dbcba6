import type { PortalDatabase } from "../db/open-database";
import { newOrgId } from "../security/ids";

export interface OrganisationRecord {
  readonly id: string;
  readonly name: string;
  readonly urlKey: string;
  /** Portal properties a caller may change with portals/self/update (name excluded). */
  readonly properties: Record<string, unknown>;
  /** Organisation settings as served by portals/self/settings. */
  readonly settings: Record<string, unknown>;
  readonly created: number;
  readonly modified: number;
}

interface OrganisationRow {
  id: string;
  name: string;
  url_key: string;
  properties_json: string;
  settings_json: string;
  created: number;
  modified: number;
}

export class OrganisationStore {
  constructor(private readonly db: PortalDatabase) {}

  /** The portal hosts exactly one organisation; it is created on first use. */
  get(): OrganisationRecord {
    const row = this.db.prepare("SELECT * FROM organisation LIMIT 1").get() as
      OrganisationRow | undefined;
    return row ? toRecord(row) : this.create("tsgis portal", "tsgis");
  }

  rename(name: string): void {
    this.db.prepare("UPDATE organisation SET name = ?, modified = ?").run(name, Date.now());
  }

  saveProperties(properties: Record<string, unknown>): void {
    this.db
      .prepare("UPDATE organisation SET properties_json = ?, modified = ?")
      .run(JSON.stringify(properties), Date.now());
  }

  saveSettings(settings: Record<string, unknown>): void {
    this.db
      .prepare("UPDATE organisation SET settings_json = ?, modified = ?")
      .run(JSON.stringify(settings), Date.now());
  }

  private create(name: string, urlKey: string): OrganisationRecord {
    const now = Date.now();
    this.db
      .prepare(
        "INSERT INTO organisation (id, name, url_key, created, modified) VALUES (?, ?, ?, ?, ?)",
      )
      .run(newOrgId(), name, urlKey, now, now);
    return this.get();
  }
}

function toRecord(row: OrganisationRow): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    urlKey: row.url_key,
    properties: JSON.parse(row.properties_json) as Record<string, unknown>,
    settings: JSON.parse(row.settings_json) as Record<string, unknown>,
    created: row.created,
    modified: row.modified,
  };
}
