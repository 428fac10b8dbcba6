import { invalidParameter } from "../server/arcgis-error";
import type { RoleStore } from "../store/role-store";
import { baseRoleOf, builtInRole, levelOf } from "../model/role-catalogue";

/** What a user record holds for a role. */
export interface AssignedRole {
  readonly role: string;
  readonly roleId: string;
  readonly privileges: readonly string[];
  readonly level: string;
}

/** Resolves a built-in role id (org_admin, org_publisher, org_user, viewer ids) or a custom one. */
export function resolveRole(roles: RoleStore, orgId: string, idOrName: string): AssignedRole {
  const builtIn = builtInRole(idOrName);
  if (builtIn) {
    return {
      role: baseRoleOf(builtIn.privileges),
      roleId: builtIn.id,
      privileges: builtIn.privileges,
      level: levelOf(builtIn.privileges),
    };
  }
  const custom = roles.get(idOrName) ?? roles.findByName(orgId, idOrName);
  if (!custom) throw invalidParameter("role", `'${idOrName}' is not a role of this organization.`);
  return {
    role: baseRoleOf(custom.privileges),
    roleId: custom.id,
    privileges: custom.privileges,
    level: levelOf(custom.privileges),
  };
}
