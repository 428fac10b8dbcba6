export type GroupAccess = "private" | "org" | "public";
export type MemberType = "owner" | "admin" | "member";

/** A group as the portal stores it. */
export interface GroupRecord {
  readonly id: string;
  readonly owner: string;
  readonly orgId: string;
  readonly title: string;
  readonly snippet: string | null;
  readonly description: string | null;
  readonly tags: string[];
  readonly access: GroupAccess;
  readonly isInvitationOnly: boolean;
  readonly isViewOnly: boolean;
  readonly protected: boolean;
  /** The thumbnail's file name, served from `community/groups/{id}/info/{thumbnail}`. */
  readonly thumbnail: string | null;
  /** Group settings without a column (sortField, sortOrder, autoJoin, capabilities, …). */
  readonly extra: Record<string, unknown>;
  readonly created: number;
  readonly modified: number;
}

export interface GroupRow {
  id: string;
  owner: string;
  org_id: string;
  title: string;
  snippet: string | null;
  description: string | null;
  tags_json: string;
  access: GroupAccess;
  is_invitation_only: number;
  is_view_only: number;
  protected: number;
  thumbnail: string | null;
  extra_json: string;
  created: number;
  modified: number;
}

export function toGroupRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    owner: row.owner,
    orgId: row.org_id,
    title: row.title,
    snippet: row.snippet,
    description: row.description,
    tags: JSON.parse(row.tags_json) as string[],
    access: row.access,
    isInvitationOnly: row.is_invitation_only !== 0,
    isViewOnly: row.is_view_only !== 0,
    protected: row.protected !== 0,
    thumbnail: row.thumbnail,
    extra: JSON.parse(row.extra_json) as Record<string, unknown>,
    created: row.created,
    modified: row.modified,
  };
}

/** The group JSON of the Sharing API; `membership` is the caller's, when signed in. */
export function groupJson(
  group: GroupRecord,
  membership?: { username: string; memberType: MemberType | "none"; applications: number },
): Record<string, unknown> {
  const extra = group.extra;
  const json: Record<string, unknown> = {
    id: group.id,
    title: group.title,
    isInvitationOnly: group.isInvitationOnly,
    owner: group.owner,
    description: group.description,
    snippet: group.snippet,
    tags: group.tags,
    typeKeywords: extra.typeKeywords ?? [],
    phone: extra.phone ?? null,
    sortField: extra.sortField ?? "avgRating",
    sortOrder: extra.sortOrder ?? "desc",
    isViewOnly: group.isViewOnly,
    featuredItemsId: null,
    thumbnail: group.thumbnail,
    created: group.created,
    modified: group.modified,
    access: group.access,
    capabilities: extra.capabilities ?? [],
    isFav: extra.isFav === true,
    isReadOnly: false,
    protected: group.protected,
    autoJoin: extra.autoJoin ?? false,
    notificationsEnabled: false,
    provider: extra.provider ?? null,
    providerGroupName: extra.providerGroupName ?? null,
    leavingDisallowed: extra.leavingDisallowed ?? false,
    hiddenMembers: extra.hiddenMembers ?? false,
    membershipAccess: extra.membershipAccess ?? null,
    displaySettings: extra.displaySettings ?? { itemTypes: "" },
    maxFileSize: extra.maxFileSize ?? 1024000,
    orgId: group.orgId,
    properties: extra.properties ?? null,
    // Neutral values of ArcGIS Online: no Hub open data and no distributed collaborations here.
    isOpenData: false,
    collaborationInfo: {},
  };
  if (membership) json.userMembership = membership;
  return json;
}
