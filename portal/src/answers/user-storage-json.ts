import type { PortalServices } from "../server/portal-services";

/**
 * Fills `storageUsage` of a full user view with the bytes of the items the user owns, as
 * ArcGIS Online reports a user's storage. Other views have no such field and are returned
 * unchanged.
 */
export function withUserStorage(
  context: PortalServices,
  json: Record<string, unknown>,
): Record<string, unknown> {
  if (!("storageUsage" in json) || typeof json.username !== "string") return json;
  const used = context.db
    .prepare("SELECT COALESCE(SUM(size), 0) FROM items WHERE owner = ?")
    .pluck()
    .get(json.username);
  return { ...json, storageUsage: Number(used) };
}
