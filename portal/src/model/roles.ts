/** The three built-in ArcGIS roles; their role ids equal their names, as on ArcGIS Online. */
export type BuiltInRole = "org_admin" | "org_publisher" | "org_user";

export const BUILT_IN_ROLES: readonly BuiltInRole[] = ["org_admin", "org_publisher", "org_user"];

export function isBuiltInRole(value: string): value is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(value);
}

const USER_PRIVILEGES = [
  "features:user:edit",
  "portal:user:addExternalMembersToGroup",
  "portal:user:categorizeItems",
  "portal:user:createGroup",
  "portal:user:createItem",
  "portal:user:joinGroup",
  "portal:user:joinNonOrgGroup",
  "portal:user:shareGroupToOrg",
  "portal:user:shareGroupToPublic",
  "portal:user:shareToGroup",
  "portal:user:shareToOrg",
  "portal:user:shareToPublic",
  "portal:user:viewOrgGroups",
  "portal:user:viewOrgItems",
  "portal:user:viewOrgUsers",
  "premium:user:basemaps",
  "premium:user:demographics",
  "premium:user:elevation",
  "premium:user:geocode",
  "premium:user:networkanalysis",
  "premium:user:spatialanalysis",
];

const PUBLISHER_PRIVILEGES = [
  "features:user:fullEdit",
  "portal:publisher:bulkPublishFromDataStores",
  "portal:publisher:publishFeatures",
  "portal:publisher:publishScenes",
  "portal:publisher:publishTiles",
  "portal:publisher:publishTiledImagery",
  "premium:publisher:geoenrichment",
];

const ADMIN_PRIVILEGES = [
  "portal:admin:assignToGroups",
  "portal:admin:categorizeItems",
  "portal:admin:changeUserRoles",
  "portal:admin:createGPWebhook",
  "portal:admin:createUpdateCapableGroup",
  "portal:admin:deleteGroups",
  "portal:admin:deleteItems",
  "portal:admin:deleteUsers",
  "portal:admin:disableUsers",
  "portal:admin:inviteUsers",
  "portal:admin:manageCollaborations",
  "portal:admin:manageCredits",
  "portal:admin:manageEnterpriseGroups",
  "portal:admin:manageLicenses",
  "portal:admin:manageRoles",
  "portal:admin:manageSecurity",
  "portal:admin:manageServers",
  "portal:admin:manageUtilityServices",
  "portal:admin:manageWebhooks",
  "portal:admin:manageWebsite",
  "portal:admin:reassignGroups",
  "portal:admin:reassignItems",
  "portal:admin:reassignUsers",
  "portal:admin:shareToGroup",
  "portal:admin:shareToOrg",
  "portal:admin:shareToPublic",
  "portal:admin:updateGroups",
  "portal:admin:updateItemCategorySchema",
  "portal:admin:updateItems",
  "portal:admin:updateMemberCategorySchema",
  "portal:admin:updateUsers",
  "portal:admin:viewGroups",
  "portal:admin:viewItems",
  "portal:admin:viewUsers",
];

export function defaultPrivileges(role: BuiltInRole): string[] {
  const privileges = [...USER_PRIVILEGES];
  if (role === "org_publisher" || role === "org_admin") privileges.push(...PUBLISHER_PRIVILEGES);
  if (role === "org_admin") privileges.push(...ADMIN_PRIVILEGES);
  return privileges.sort();
}

/** The user type each built-in role gets by default; Creator is the only type allowing all three. */
export const DEFAULT_USER_LICENSE_TYPE = "creatorUT";
