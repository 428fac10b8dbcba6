import type { UserRecord } from "./user-record";

/** Fields of a user that anyone allowed to see the user may read (the real API's public view). */
export function publicUserJson(user: UserRecord): Record<string, unknown> {
  return {
    username: user.username,
    udn: null,
    id: user.id,
    fullName: user.fullName,
    firstName: user.firstName,
    lastName: user.lastName,
    description: user.description,
    tags: user.tags,
    culture: user.culture,
    region: user.region,
    units: user.units,
    thumbnail: user.thumbnail,
    access: user.access,
    created: user.created,
    modified: user.modified,
    provider: user.provider,
  };
}

/** What a member of the same organisation sees of a colleague: the public view plus org facts. */
export function orgMemberUserJson(user: UserRecord): Record<string, unknown> {
  return { ...publicUserJson(user), orgId: user.orgId, role: user.role, roleId: user.roleId };
}

/** The complete user, shown to the user themself and to organisation administrators. */
export function fullUserJson(user: UserRecord, groups: unknown[] = []): Record<string, unknown> {
  return {
    ...publicUserJson(user),
    email: user.email,
    orgId: user.orgId,
    role: user.role,
    roleId: user.roleId,
    privileges: user.privileges,
    userLicenseTypeId: user.userLicenseTypeId,
    level: user.level,
    disabled: user.disabled,
    userType: user.userType,
    idpUsername: null,
    favGroupId: null,
    lastLogin: user.lastLogin,
    mfaEnabled: false,
    mfaEnforcementExempt: false,
    storageUsage: 0,
    storageQuota: 2199023255552,
    preferredView: user.preferredView,
    assignedCredits: user.assignedCredits,
    availableCredits: user.assignedCredits,
    cultureFormat: null,
    groups,
  };
}
