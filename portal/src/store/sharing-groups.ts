import type { PortalDatabase } from "../db/open-database";
import { cachedStatement } from "../db/statement-cache";

export interface SharingGroup {
  readonly id: string;
  readonly owner: string;
  readonly orgId: string;
  readonly title: string;
  readonly access: "private" | "org" | "public";
  readonly snippet: string | null;
  readonly isViewOnly: boolean;
  readonly created: number;
  readonly modified: number;
  readonly extra: Record<string, unknown>;
}

interface GroupRow {
  id: string;
  owner: string;
  org_id: string;
  title: string;
  access: SharingGroup["access"];
  snippet: string | null;
  is_view_only: number;
  created: number;
  modified: number;
  extra_json: string;
}

/**
 * What sharing needs to know about groups (the groups themselves are managed by the community
 * routes): does a group exist, who is in it, and its short JSON for `content/items/{id}/groups`.
 */
export class SharingGroups {
  constructor(private readonly db: PortalDatabase) {}

  get(id: string): SharingGroup | null {
    const row = cachedStatement(this.db, "SELECT * FROM groups WHERE id = ?").get(id) as
      GroupRow | undefined;
    return row ? toGroup(row) : null;
  }

  memberType(groupId: string, username: string): "owner" | "admin" | "member" | null {
    const row = cachedStatement(
      this.db,
      "SELECT member_type FROM group_members WHERE group_id = ? AND username = ?",
    ).get(groupId, username) as { member_type: "owner" | "admin" | "member" } | undefined;
    return row?.member_type ?? null;
  }
}

function toGroup(row: GroupRow): SharingGroup {
  return {
    id: row.id,
    owner: row.owner,
    orgId: row.org_id,
    title: row.title,
    access: row.access,
    snippet: row.snippet,
    isViewOnly: row.is_view_only !== 0,
    created: row.created,
    modified: row.modified,
    extra: JSON.parse(row.extra_json) as Record<string, unknown>,
  };
}

export function sharingGroupJson(group: SharingGroup): Record<string, unknown> {
  return {
    id: group.id,
    title: group.title,
    owner: group.owner,
    snippet: group.snippet,
    access: group.access,
    isViewOnly: group.isViewOnly,
    created: group.created,
    modified: group.modified,
  };
}
