import type { GroupRecord, MemberType } from "./group-record";
import { hasPrivilege } from "./role-catalogue";
import type { UserRecord } from "./user-record";

/**
 * Who sees a group: members always; public groups anyone; org groups the organisation's members
 * allowed to view its groups (`portal:user:viewOrgGroups`);
 * private groups also administrators who may view all groups.
 */
export function canViewGroup(
  group: Pick<GroupRecord, "access" | "orgId">,
  user: UserRecord | null,
  memberType: MemberType | null,
): boolean {
  if (memberType) return true;
  if (group.access === "public") return true;
  if (!user || user.orgId !== group.orgId) return false;
  if (group.access === "org" && hasPrivilege(user, "portal:user:viewOrgGroups")) return true;
  return hasPrivilege(user, "portal:admin:viewGroups");
}

/** The owner and group managers manage a group, as do administrators allowed to update groups. */
export function canManageGroup(
  group: GroupRecord,
  user: UserRecord | null,
  memberType: MemberType | null,
): boolean {
  if (!user) return false;
  if (memberType === "owner" || memberType === "admin") return true;
  return user.orgId === group.orgId && hasPrivilege(user, "portal:admin:updateGroups");
}
