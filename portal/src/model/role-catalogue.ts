import { defaultPrivileges, type BuiltInRole } from "./roles";
import type { UserRecord } from "./user-record";

/** ArcGIS Online's fixed ids for its Viewer and Data Editor roles. */
export const VIEWER_ROLE_ID = "iAAAAAAAAAAAAAAA";
export const DATA_EDITOR_ROLE_ID = "iBBBBBBBBBBBBBBB";

/** The only privileges a level 1 (view-only) member may hold. */
export const LEVEL_ONE_PRIVILEGES: readonly string[] = [
  "portal:user:joinGroup",
  "portal:user:viewOrgGroups",
  "portal:user:viewOrgItems",
  "portal:user:viewOrgUsers",
  "premium:user:geocode",
  "premium:user:networkanalysis",
  "premium:user:demographics",
  "premium:user:elevation",
];

/** A role as portals/self/roles describes it. */
export interface RoleDescription {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly privileges: readonly string[];
  readonly created?: number;
  readonly modified?: number;
}

const BUILT_IN: readonly RoleDescription[] = [
  {
    id: "org_admin",
    name: "Administrator",
    description: "Full administrative privileges over the organization.",
    privileges: defaultPrivileges("org_admin"),
  },
  {
    id: "org_publisher",
    name: "Publisher",
    description: "Creates content, groups and hosted services.",
    privileges: defaultPrivileges("org_publisher"),
  },
  {
    id: "org_user",
    name: "User",
    description: "Creates content and groups and shares them.",
    privileges: defaultPrivileges("org_user"),
  },
  {
    id: VIEWER_ROLE_ID,
    name: "Viewer",
    description: "Views items, groups and members of the organization.",
    privileges: [...LEVEL_ONE_PRIVILEGES].sort(),
  },
  {
    id: DATA_EDITOR_ROLE_ID,
    name: "Data Editor",
    description: "Views content and edits features.",
    privileges: [...LEVEL_ONE_PRIVILEGES, "features:user:edit"].sort(),
  },
];

export function builtInRoles(): readonly RoleDescription[] {
  return BUILT_IN;
}

export function builtInRole(id: string): RoleDescription | undefined {
  return BUILT_IN.find((role) => role.id.toLowerCase() === id.toLowerCase());
}

/** Every privilege string the portal understands; custom roles may hold only these. */
export const KNOWN_PRIVILEGES: ReadonlySet<string> = new Set([
  ...defaultPrivileges("org_admin"),
  "portal:admin:createUser",
  "portal:admin:manageCategories",
  "portal:admin:viewLogs",
  "marketplace:admin:purchase",
  "marketplace:admin:startTrial",
  "marketplace:admin:manage",
  "premium:user:geoenrichment",
  "opendata:user:openDataAdmin",
  "opendata:user:designateGroup",
  "portal:user:addExternalMembersToGroup",
]);

/**
 * The `role` a user with these privileges reports: org_admin when any administrative privilege
 * is held, org_publisher for publishing ones, org_user otherwise (as the real API does for
 * custom roles).
 */
export function baseRoleOf(privileges: readonly string[]): BuiltInRole {
  if (privileges.some((p) => p.startsWith("portal:admin:"))) return "org_admin";
  if (privileges.some((p) => p.startsWith("portal:publisher:"))) return "org_publisher";
  return "org_user";
}

/** The level a role allows: 1 when it stays within the level 1 privileges, else 2. */
export function levelOf(privileges: readonly string[]): "1" | "2" {
  return privileges.every((p) => LEVEL_ONE_PRIVILEGES.includes(p)) ? "1" : "2";
}

export function hasPrivilege(user: UserRecord | null, privilege: string): boolean {
  return user !== null && !user.disabled && user.privileges.includes(privilege);
}
