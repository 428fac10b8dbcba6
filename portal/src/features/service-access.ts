import { isFullAdministrator } from "../security/access";
import type { PortalDatabase } from "../db/open-database";
import { seesOrgItems } from "../model/item-access";
import { type UserRecord } from "../model/user-record";
import { permissionDenied, serviceTokenRequired, tokenRequired } from "../server/arcgis-error";
import type { ServiceRecord } from "./service-store";
import { cachedStatement } from "../db/statement-cache";

/**
 * Who may use a hosted service follows its item, as on ArcGIS Online: the owner and
 * administrators always; everyone for a public item; members of the organisation allowed to
 * view its items for an org item; members of the groups a shared item is shared with.
 */
export function requireRead(
  db: PortalDatabase,
  service: ServiceRecord,
  user: UserRecord | null,
): void {
  if (user && (user.username === service.owner || isFullAdministrator(user))) return;
  const item = service.itemId
    ? (cachedStatement(db, "SELECT access, org_id AS orgId FROM items WHERE id = ?").get(
        service.itemId,
      ) as { access: string; orgId: string } | undefined)
    : undefined;
  const access = item?.access ?? "private";
  if (access === "public") return;
  if (!user) throw serviceTokenRequired();
  if (access === "org" && seesOrgItems(user, item!.orgId)) return;
  const shared = cachedStatement(
    db,
    `SELECT 1 FROM item_groups JOIN group_members USING (group_id)
     WHERE item_groups.item_id = ? AND group_members.username = ? LIMIT 1`,
  ).get(service.itemId, user.username);
  if (!shared) throw permissionDenied();
}

/** Editing data or changing the definition: the owner and administrators. */
export function requireOwner(service: ServiceRecord, user: UserRecord | null): void {
  if (!user) throw tokenRequired();
  if (user.username !== service.owner && !isFullAdministrator(user)) throw permissionDenied();
}
