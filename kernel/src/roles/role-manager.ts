import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { Role, type RoleJSON } from "./role";
import { maxCount, optionalString, requireString } from "../arguments";
import * as rest from "../rest/roles";

/**
 * The organisation's custom roles. Python: `arcgis.gis.RoleManager` (reached through
 * `gis.users.roles`).
 * @example
 * const roles = await gis.users.roles.all();
 */
export class RoleManager {
  /**
   * Made by the GIS: use `gis.users.roles` rather than calling this.
   * Python: `RoleManager(gis)`.
   * @example
   * const manager = gis.users.roles;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Every role a member can be given by id (the Viewer and Data Editor roles, then the custom
   * ones), with its privileges. Python: `RoleManager.all(max_roles=1000)`.
   * @example
   * for (const role of await gis.users.roles.all()) console.log(role.name);
   */
  async all(options: { maxRoles?: number } = {}): Promise<Role[]> {
    const maxRoles = maxCount(options.maxRoles, "maxRoles", 1000);
    const found: RoleJSON[] = [];
    let start = 1;
    while (maxRoles < 0 || found.length < maxRoles) {
      const page = await rest.getRoles(this.gis.session, start, 100);
      found.push(...(page.roles ?? []));
      if (!page.nextStart || page.nextStart < 0) break;
      start = page.nextStart;
    }
    const chosen = maxRoles < 0 ? found : found.slice(0, maxRoles);
    const roles = chosen.map((json) => new Role(this.gis, String(json.id), json));
    await Promise.all(roles.map((role) => role.loadPrivileges()));
    return roles;
  }

  /**
   * Creates a custom role, optionally with privileges; null if the portal refuses.
   * Python: `RoleManager.create(name, description, privileges=None)`.
   * @example
   * const role = await gis.users.roles.create("Reviewer", "Reviews content", {
   *   privileges: ["portal:user:joinGroup", "portal:admin:viewItems"],
   * });
   */
  async create(
    name: string,
    description: string,
    options: { privileges?: string[] } = {},
  ): Promise<Role | null> {
    requireString(name, "name");
    optionalString(description, "description");
    const privileges = options.privileges;
    if (
      privileges !== undefined &&
      (!Array.isArray(privileges) || privileges.some((p) => typeof p !== "string"))
    ) {
      throw new TypeError("privileges: expected an array of privilege strings");
    }
    const created = await rest.createRole(this.gis.session, name, description ?? "");
    if (created.success !== true || !created.id) return null;
    const role = new Role(this.gis, created.id, {
      id: created.id,
      name,
      description: description ?? "",
      privileges: [],
    });
    if (privileges && privileges.length > 0) {
      try {
        await role.setPrivileges(privileges);
      } catch (error) {
        // A role with rejected privileges would be a half-made role: take it away again.
        await role.delete();
        throw error;
      }
    }
    return role;
  }

  /**
   * Whether a role with this name exists (custom or built-in).
   * Python: `RoleManager.exists(role_name)`.
   * @example
   * if (!(await gis.users.roles.exists("Reviewer"))) await gis.users.roles.create("Reviewer", "…");
   */
  async exists(roleName: string): Promise<boolean> {
    requireString(roleName, "roleName");
    const result = await rest.checkRoleName(this.gis.session, roleName);
    return result.exists === true;
  }

  /**
   * The role with this id, or null when there is none. Python: `RoleManager.get_role(role_id)`.
   * @example
   * const role = await gis.users.roles.getRole(user.roleId!);
   */
  async getRole(roleId: string): Promise<Role | null> {
    requireString(roleId, "roleId");
    try {
      const json = await rest.getRole(this.gis.session, roleId);
      const role = new Role(this.gis, roleId, json);
      await role.loadPrivileges();
      return role;
    } catch (error) {
      if (error instanceof ArcGISError && error.code === 400) return null;
      throw error;
    }
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `RoleManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.users.roles));
   */
  [inspect.custom](): string {
    return `<RoleManager url:"${this.gis.url}">`;
  }
}
