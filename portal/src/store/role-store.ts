import type { PortalDatabase } from "../db/open-database";
import { newOrgId } from "../security/ids";
import type { RoleDescription } from "../model/role-catalogue";

interface RoleRow {
  id: string;
  name: string;
  description: string;
  privileges_json: string;
  created: number;
  modified: number;
}

/** The organisation's custom roles; the built-in ones live in the role catalogue. */
export class RoleStore {
  constructor(private readonly db: PortalDatabase) {}

  list(orgId: string): RoleDescription[] {
    const rows = this.db
      .prepare("SELECT * FROM roles WHERE org_id = ? ORDER BY created, name")
      .all(orgId) as RoleRow[];
    return rows.map(toRole);
  }

  get(id: string): RoleDescription | null {
    const row = this.db.prepare("SELECT * FROM roles WHERE id = ?").get(id) as RoleRow | undefined;
    return row ? toRole(row) : null;
  }

  findByName(orgId: string, name: string): RoleDescription | null {
    const row = this.db
      .prepare("SELECT * FROM roles WHERE org_id = ? AND name = ?")
      .get(orgId, name) as RoleRow | undefined;
    return row ? toRole(row) : null;
  }

  create(orgId: string, name: string, description: string): RoleDescription {
    // Custom role ids look like ArcGIS Online's: 16 letters and digits.
    const id = newOrgId();
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO roles (id, org_id, name, description, privileges_json, created, modified)
         VALUES (?, ?, ?, ?, '[]', ?, ?)`,
      )
      .run(id, orgId, name, description, now, now);
    return this.get(id) as RoleDescription;
  }

  update(
    id: string,
    changes: { name?: string; description?: string; privileges?: string[] },
  ): void {
    const current = this.get(id);
    if (!current) return;
    this.db
      .prepare(
        "UPDATE roles SET name = ?, description = ?, privileges_json = ?, modified = ? WHERE id = ?",
      )
      .run(
        changes.name ?? current.name,
        changes.description ?? current.description,
        JSON.stringify(changes.privileges ?? current.privileges),
        Date.now(),
        id,
      );
  }

  delete(id: string): void {
    this.db.prepare("DELETE FROM roles WHERE id = ?").run(id);
  }

  usersWithRole(roleId: string): string[] {
    return (
      this.db.prepare("SELECT username FROM users WHERE role_id = ?").all(roleId) as {
        username: string;
      }[]
    ).map((row) => row.username);
  }
}

function toRole(row: RoleRow): RoleDescription {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    privileges: JSON.parse(row.privileges_json) as string[],
    created: row.created,
    modified: row.modified,
  };
}
