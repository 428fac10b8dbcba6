import type { PortalDatabase } from "../db/open-database";
import {
  toGroupRecord,
  type GroupAccess,
  type GroupRecord,
  type GroupRow,
  type MemberType,
} from "../model/group-record";
import { newId } from "../security/ids";

export interface GroupFields {
  title?: string;
  snippet?: string | null;
  description?: string | null;
  tags?: string[];
  access?: GroupAccess;
  isInvitationOnly?: boolean;
  isViewOnly?: boolean;
  protected?: boolean;
  thumbnail?: string | null;
  extra?: Record<string, unknown>;
}

export interface Membership {
  readonly username: string;
  readonly memberType: MemberType;
  readonly joined: number;
}

export interface GroupApplicationRecord {
  readonly groupId: string;
  readonly username: string;
  readonly comment: string | null;
  readonly created: number;
}

export interface GroupInvitationRecord {
  readonly id: string;
  readonly groupId: string;
  readonly username: string;
  readonly memberType: "admin" | "member";
  readonly invitedBy: string;
  readonly created: number;
  readonly expires: number;
}

/**
 * Favorites groups (one per user, `extra.isFav`) hold what a user marks as a favorite; like ArcGIS
 * Online, they appear in no listing, search or count of groups, only by their id.
 */
const NOT_FAVORITES = "json_extract(extra_json, '$.isFav') IS NOT 1";

/** Groups, their members, applications to join and invitations (tables of migrations 2 and 4). */
export class GroupStore {
  constructor(private readonly db: PortalDatabase) {}

  get(id: string): GroupRecord | null {
    const row = this.db.prepare("SELECT * FROM groups WHERE id = ?").get(id) as
      GroupRow | undefined;
    return row ? toGroupRecord(row) : null;
  }

  listInOrg(orgId: string): GroupRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM groups WHERE org_id = ? AND ${NOT_FAVORITES}`)
      .all(orgId) as GroupRow[];
    return rows.map(toGroupRecord);
  }

  ownedBy(username: string): GroupRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM groups WHERE owner = ? AND ${NOT_FAVORITES}`)
      .all(username) as GroupRow[];
    return rows.map(toGroupRecord);
  }

  titleTaken(orgId: string, title: string, exceptId?: string): boolean {
    const row = this.db
      .prepare(
        `SELECT id FROM groups WHERE org_id = ? AND lower(title) = lower(?) AND id != ? AND ${NOT_FAVORITES}`,
      )
      .get(orgId, title, exceptId ?? "");
    return row !== undefined;
  }

  create(orgId: string, owner: string, fields: Required<Pick<GroupFields, "title">> & GroupFields) {
    const id = newId();
    const now = Date.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO groups (id, owner, org_id, title, snippet, description, tags_json, access,
             is_invitation_only, is_view_only, protected, thumbnail, extra_json, created, modified)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
        )
        .run(
          id,
          owner,
          orgId,
          fields.title,
          fields.snippet ?? null,
          fields.description ?? null,
          JSON.stringify(fields.tags ?? []),
          fields.access ?? "private",
          fields.isInvitationOnly ? 1 : 0,
          fields.isViewOnly ? 1 : 0,
          fields.thumbnail ?? null,
          JSON.stringify(fields.extra ?? {}),
          now,
          now,
        );
      this.setMember(id, owner, "owner");
    })();
    return this.get(id) as GroupRecord;
  }

  /** The user's favorites group, made on first use. */
  favoritesOf(orgId: string, username: string): GroupRecord {
    const row = this.db
      .prepare(
        "SELECT * FROM groups WHERE owner = ? AND json_extract(extra_json, '$.isFav') = 1 LIMIT 1",
      )
      .get(username) as GroupRow | undefined;
    if (row) return toGroupRecord(row);
    return this.create(orgId, username, {
      title: "Favorites",
      access: "private",
      extra: { isFav: true },
    });
  }

  update(id: string, fields: GroupFields): GroupRecord {
    const current = this.get(id);
    if (!current) throw new Error(`group ${id} vanished`);
    const next = { ...current, ...fields, extra: fields.extra ?? current.extra };
    this.db
      .prepare(
        `UPDATE groups SET title = ?, snippet = ?, description = ?, tags_json = ?, access = ?,
           is_invitation_only = ?, is_view_only = ?, protected = ?, thumbnail = ?, extra_json = ?,
           modified = ? WHERE id = ?`,
      )
      .run(
        next.title,
        next.snippet,
        next.description,
        JSON.stringify(next.tags),
        next.access,
        next.isInvitationOnly ? 1 : 0,
        next.isViewOnly ? 1 : 0,
        next.protected ? 1 : 0,
        next.thumbnail,
        JSON.stringify(next.extra),
        Date.now(),
        id,
      );
    return this.get(id) as GroupRecord;
  }

  delete(id: string): void {
    this.db.prepare("DELETE FROM groups WHERE id = ?").run(id);
  }

  /**
   * Hands the group to a new owner, who becomes its owner member. The old owner stays in the
   * group as a plain member, no longer a manager, as on ArcGIS Online.
   */
  reassign(id: string, from: string, to: string): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE groups SET owner = ?, modified = ? WHERE id = ?")
        .run(to, Date.now(), id);
      this.setMember(id, from, "member");
      this.setMember(id, to, "owner");
    })();
  }

  members(groupId: string): Membership[] {
    return (
      this.db
        .prepare(
          "SELECT username, member_type, joined FROM group_members WHERE group_id = ? ORDER BY username",
        )
        .all(groupId) as { username: string; member_type: MemberType; joined: number }[]
    ).map((row) => ({ username: row.username, memberType: row.member_type, joined: row.joined }));
  }

  memberType(groupId: string, username: string): MemberType | null {
    const row = this.db
      .prepare("SELECT member_type FROM group_members WHERE group_id = ? AND username = ?")
      .get(groupId, username) as { member_type: MemberType } | undefined;
    return row?.member_type ?? null;
  }

  setMember(groupId: string, username: string, memberType: MemberType): void {
    this.db
      .prepare(
        `INSERT INTO group_members (group_id, username, member_type, joined) VALUES (?, ?, ?, ?)
         ON CONFLICT (group_id, username) DO UPDATE SET member_type = excluded.member_type`,
      )
      .run(groupId, username, memberType, Date.now());
    this.db
      .prepare("DELETE FROM group_applications WHERE group_id = ? AND username = ?")
      .run(groupId, username);
    this.db
      .prepare("DELETE FROM group_invitations WHERE group_id = ? AND username = ?")
      .run(groupId, username);
  }

  removeMember(groupId: string, username: string): void {
    this.db
      .prepare("DELETE FROM group_members WHERE group_id = ? AND username = ?")
      .run(groupId, username);
  }

  /** The groups a user belongs to, with the user's member type in each. */
  groupsOf(username: string): { group: GroupRecord; memberType: MemberType }[] {
    const rows = this.db
      .prepare(
        `SELECT g.*, m.member_type AS member_type FROM groups g
         JOIN group_members m ON m.group_id = g.id
         WHERE m.username = ? AND json_extract(g.extra_json, '$.isFav') IS NOT 1 ORDER BY g.title`,
      )
      .all(username) as (GroupRow & { member_type: MemberType })[];
    return rows.map((row) => ({ group: toGroupRecord(row), memberType: row.member_type }));
  }

  addApplication(groupId: string, username: string, comment: string | null): void {
    this.db
      .prepare(
        `INSERT INTO group_applications (group_id, username, comment, created) VALUES (?, ?, ?, ?)
         ON CONFLICT (group_id, username) DO UPDATE SET comment = excluded.comment`,
      )
      .run(groupId, username, comment, Date.now());
  }

  applications(groupId: string): GroupApplicationRecord[] {
    return (
      this.db
        .prepare("SELECT * FROM group_applications WHERE group_id = ? ORDER BY created")
        .all(groupId) as {
        group_id: string;
        username: string;
        comment: string | null;
        created: number;
      }[]
    ).map((row) => ({
      groupId: row.group_id,
      username: row.username,
      comment: row.comment,
      created: row.created,
    }));
  }

  removeApplication(groupId: string, username: string): boolean {
    const result = this.db
      .prepare("DELETE FROM group_applications WHERE group_id = ? AND username = ?")
      .run(groupId, username);
    return result.changes > 0;
  }

  invite(
    groupId: string,
    username: string,
    memberType: "admin" | "member",
    invitedBy: string,
    expires: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO group_invitations (id, group_id, username, member_type, invited_by, created, expires)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (group_id, username) DO UPDATE SET member_type = excluded.member_type,
           invited_by = excluded.invited_by, expires = excluded.expires`,
      )
      .run(newId(), groupId, username, memberType, invitedBy, Date.now(), expires);
  }

  invitationsOf(username: string): GroupInvitationRecord[] {
    const rows = this.db
      .prepare(
        "SELECT * FROM group_invitations WHERE username = ? AND expires > ? ORDER BY created",
      )
      .all(username, Date.now()) as InvitationRow[];
    return rows.map(toInvitation);
  }

  invitation(id: string): GroupInvitationRecord | null {
    const row = this.db.prepare("SELECT * FROM group_invitations WHERE id = ?").get(id) as
      InvitationRow | undefined;
    return row && row.expires > Date.now() ? toInvitation(row) : null;
  }

  deleteInvitation(id: string): void {
    this.db.prepare("DELETE FROM group_invitations WHERE id = ?").run(id);
  }
}

interface InvitationRow {
  id: string;
  group_id: string;
  username: string;
  member_type: "admin" | "member";
  invited_by: string;
  created: number;
  expires: number;
}

function toInvitation(row: InvitationRow): GroupInvitationRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    username: row.username,
    memberType: row.member_type,
    invitedBy: row.invited_by,
    created: row.created,
    expires: row.expires,
  };
}
