// The organisation's role operations (`portals/self/roles/...`, `portals/self/createRole`), one
// typed function each; Role and RoleManager call these.
import type { RoleJSON } from "../roles/role";
import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

const ROLES_URL = "portals/self/roles";

/** `portals/self/roles/{roleId}`: one custom role. */
function roleUrl(roleId: string): string {
  return `${ROLES_URL}/${encodeURIComponent(roleId)}`;
}

/** One page of Roles. */
export interface RolesPage {
  roles?: RoleJSON[];
  nextStart?: number;
}

/** REST: `portals/self/roles` (Roles), one page. */
export async function getRoles(session: Session, start: number, num: number): Promise<RolesPage> {
  return session.get<RolesPage>(ROLES_URL, { start, num });
}

/** REST: `portals/self/roles/{roleId}` (Role). */
export async function getRole(session: Session, roleId: string): Promise<RoleJSON> {
  return session.get<RoleJSON>(roleUrl(roleId));
}

/** REST: `portals/self/createRole`. */
export async function createRole(
  session: Session,
  name: string,
  description: string,
): Promise<SuccessResponse & { id?: string }> {
  return session.post("portals/self/createRole", { name, description });
}

/** REST: `portals/self/roles/checkRoleName`. */
export async function checkRoleName(session: Session, name: string): Promise<{ exists?: boolean }> {
  return session.get(`${ROLES_URL}/checkRoleName`, { name });
}

/** REST: `portals/self/roles/{roleId}/update` (name and description together). */
export async function updateRole(
  session: Session,
  roleId: string,
  name: string | undefined,
  description: string | undefined,
): Promise<SuccessResponse> {
  return session.post(`${roleUrl(roleId)}/update`, { name, description });
}

/** REST: `portals/self/roles/{roleId}/setPrivileges`. */
export async function setRolePrivileges(
  session: Session,
  roleId: string,
  privileges: string[],
): Promise<SuccessResponse> {
  return session.post(`${roleUrl(roleId)}/setPrivileges`, { privileges: { privileges } });
}

/** REST: `portals/self/roles/{roleId}/privileges`. */
export async function getRolePrivileges(
  session: Session,
  roleId: string,
): Promise<{ privileges?: string[] }> {
  return session.get(`${roleUrl(roleId)}/privileges`);
}

/** REST: `portals/self/roles/{roleId}/delete`. */
export async function deleteRole(session: Session, roleId: string): Promise<SuccessResponse> {
  return session.post(`${roleUrl(roleId)}/delete`);
}
