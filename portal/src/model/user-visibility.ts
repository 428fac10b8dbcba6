import { isFullAdministrator } from "../security/access";
import { fullUserJson, orgMemberUserJson, publicUserJson } from "./user-json";
import { type UserRecord } from "./user-record";

/**
 * The view of `target` that `viewer` is allowed, or null when the target is hidden from them.
 * Profiles follow their `access`: private ones only for themselves and admins, org ones for
 * members of the organisation, public ones for anyone.
 */
export function userJsonFor(
  target: UserRecord,
  viewer: UserRecord | null,
): Record<string, unknown> | null {
  const isSelf = viewer !== null && viewer.username.toLowerCase() === target.username.toLowerCase();
  const sameOrg = viewer !== null && viewer.orgId === target.orgId;
  const seesFullProfiles =
    isFullAdministrator(viewer) || (viewer?.privileges.includes("portal:admin:viewUsers") ?? false);
  if (isSelf || (sameOrg && seesFullProfiles)) return fullUserJson(target);
  if (sameOrg && target.access !== "private") return orgMemberUserJson(target);
  if (target.access === "public") return publicUserJson(target);
  return null;
}
