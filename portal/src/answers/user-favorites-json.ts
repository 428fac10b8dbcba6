import type { PortalServices } from "../server/portal-services";

/**
 * Fills `favGroupId` of a full user view with the id of the user's favorites group, made on
 * first use, as ArcGIS Online makes one for every user. Other views are returned unchanged.
 */
export function withFavoritesGroup(
  context: PortalServices,
  json: Record<string, unknown>,
): Record<string, unknown> {
  if (!("favGroupId" in json) || typeof json.username !== "string") return json;
  const orgId = typeof json.orgId === "string" ? json.orgId : context.organisations.get().id;
  const group = context.groups.favoritesOf(orgId, json.username);
  return { ...json, favGroupId: group.id };
}
