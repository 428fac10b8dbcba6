import type { PortalServices } from "../server/portal-services";
import { groupJson } from "../model/group-record";

/**
 * Fills the `groups` field of a full user view (the user themself, or an administrator) with the
 * groups the user belongs to, as the real `community/users/{username}` does. Other views have no
 * `groups` field and are returned unchanged.
 */
export function withUserGroups(
  context: PortalServices,
  json: Record<string, unknown>,
): Record<string, unknown> {
  if (!("groups" in json) || typeof json.username !== "string") return json;
  const groups = context.groups.groupsOf(json.username);
  return {
    ...json,
    groups: groups.map(({ group, memberType }) => ({
      ...groupJson(group),
      userMembership: { username: json.username, memberType },
    })),
  };
}
