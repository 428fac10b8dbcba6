import { isFullAdministrator } from "../security/access";
import type { ItemRecord } from "./item-record";
import { hasPrivilege } from "./role-catalogue";
import { type UserRecord } from "./user-record";

/**
 * The portal's sharing model: an item's owner and the administrators of its organisation see
 * it always; others see it when it is public, when it is shared with the organisation and they
 * belong to it with the privilege to view its items, or when it is shared with a group they are a
 * member of.
 */
export function canViewItem(
  item: ItemRecord,
  viewer: UserRecord | null,
  isMemberOfSharedGroup: () => boolean,
): boolean {
  if (item.access === "public") return true;
  if (!viewer) return false;
  if (isOwner(item, viewer) || administers(item, viewer)) return true;
  if (item.access === "org" && seesOrgItems(viewer, item.orgId)) return true;
  return isMemberOfSharedGroup();
}

/** Only the owner and administrators of the item's organisation change or delete it. */
export function canEditItem(item: ItemRecord, viewer: UserRecord | null): boolean {
  return viewer !== null && (isOwner(item, viewer) || administers(item, viewer));
}

export function isOwner(item: ItemRecord, viewer: UserRecord): boolean {
  return item.owner.toLowerCase() === viewer.username.toLowerCase();
}

/**
 * Members see what is shared with their organisation only with `portal:user:viewOrgItems`: every
 * built-in role holds it, a custom role only when it names it.
 */
export function seesOrgItems(viewer: UserRecord, orgId: string): boolean {
  return viewer.orgId === orgId && hasPrivilege(viewer, "portal:user:viewOrgItems");
}

function administers(item: ItemRecord, viewer: UserRecord): boolean {
  return isFullAdministrator(viewer) && viewer.orgId === item.orgId;
}

/** The same rules as a WHERE fragment over `items i`, for search. */
export function visibleItemsSql(viewer: UserRecord | null): { sql: string; params: unknown[] } {
  if (!viewer) return { sql: "i.access = 'public'", params: [] };
  if (isFullAdministrator(viewer)) {
    return { sql: "(i.access = 'public' OR i.org_id = ?)", params: [viewer.orgId] };
  }
  const orgItems = hasPrivilege(viewer, "portal:user:viewOrgItems") ? "i.access = 'org'" : "0";
  return {
    sql: `(i.access = 'public' OR (${orgItems} AND i.org_id = ?) OR i.owner = ?
           OR (i.access != 'private' AND EXISTS (SELECT 1 FROM item_groups ig
               JOIN group_members gm ON gm.group_id = ig.group_id
               WHERE ig.item_id = i.id AND gm.username = ?)))`,
    params: [viewer.orgId, viewer.username, viewer.username],
  };
}
