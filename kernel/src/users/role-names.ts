import { describe } from "../arguments";
/** The role ids ArcGIS Online gives its Viewer and Data Editor roles. */
const ROLE_ALIASES: Readonly<Record<string, string>> = {
  org_admin: "org_admin",
  org_publisher: "org_publisher",
  org_user: "org_user",
  viewer: "iAAAAAAAAAAAAAAA",
  view_only: "iAAAAAAAAAAAAAAA",
  org_viewer: "iAAAAAAAAAAAAAAA",
  viewplusedit: "iBBBBBBBBBBBBBBB",
};

/** The role id for a built-in role name, a role id, or a `Role` object. */
export function roleIdOf(role: unknown, argument: string): string {
  if (typeof role === "string" && role.trim() !== "")
    return ROLE_ALIASES[role.toLowerCase()] ?? role;
  if (
    role &&
    typeof role === "object" &&
    typeof (role as { roleId?: unknown }).roleId === "string"
  ) {
    return (role as { roleId: string }).roleId;
  }
  throw new TypeError(
    `${argument}: expected a role name, role id or Role object, got ${describe(role)}`,
  );
}

const USER_TYPE_ALIASES: Readonly<Record<string, string>> = {
  creator: "creatorUT",
  viewer: "viewerUT",
  editor: "editorUT",
};

/** The user type (licence) id for `creator`, `viewer`, `editor` or an id such as `creatorUT`. */
export function userTypeIdOf(userType: unknown, argument: string): string {
  if (typeof userType !== "string" || userType.trim() === "") {
    throw new TypeError(
      `${argument}: expected a user type such as creator or viewer, got ${describe(userType)}`,
    );
  }
  return USER_TYPE_ALIASES[userType.toLowerCase()] ?? userType;
}
