import { inspect } from "node:util";
import type { GIS } from "../gis";
import { exposeJsonFields } from "../json-fields";
import { requireString } from "../arguments";
import * as rest from "../rest/roles";

/** A role as `portals/self/roles/{id}` describes it. */
export interface RoleJSON {
  id?: string;
  name?: string;
  description?: string;
  /** Epoch milliseconds. */
  created?: number;
  /** Epoch milliseconds. */
  modified?: number;
  privileges?: string[];
  [field: string]: unknown;
}

/**
 * A custom role of the organisation: a named set of privileges given to members.
 *
 * Python: `arcgis.gis.Role`.
 * @example
 * const role = await gis.users.roles.create("Reviewer", "Reviews content", {
 *   privileges: ["portal:user:joinGroup", "portal:admin:viewItems"],
 * });
 * await user.updateRole(role);
 */
export class Role {
  /** The role's id as the portal sent it. Python: `Role.id` (the JSON key). @example role.id */
  declare readonly id: string | undefined;
  /** When the role was created, in epoch milliseconds. Python: `Role.created`. @example role.created */
  declare readonly created: number | undefined;
  /** When the role was last changed, in epoch milliseconds. Python: `Role.modified`. @example role.modified */
  declare readonly modified: number | undefined;
  /** Any other key the portal sent, read as Python reads the role's dictionary. */
  [field: string]: unknown;
  /**
   * The role's id. Python: `Role.role_id`.
   * @example
   * console.log(role.roleId);
   */
  readonly roleId: string;
  private json: RoleJSON;
  private privilegeList: string[] | null;

  /**
   * Python: `Role(gis, role_id, role)`.
   * @example
   * const role = new Role(gis, "AbCdEf0123456789", { name: "Reviewer" });
   */
  constructor(
    /**
     * The GIS the role belongs to. Python keeps it private as `Role._gis`.
     * @example
     * console.log(role.gis.url);
     */
    readonly gis: GIS,
    roleId: string,
    role: RoleJSON,
  ) {
    this.roleId = requireString(roleId, "roleId");
    this.json = { ...(role ?? {}) };
    this.privilegeList = Array.isArray(role?.privileges) ? [...role.privileges] : null;
    exposeJsonFields(this, this.json);
  }

  /**
   * The role's name. Python: `Role.name` (getter).
   * @example
   * console.log(role.name);
   */
  get name(): string {
    return String(this.json.name ?? "");
  }

  /**
   * The role's description. Python: `Role.description` (getter).
   * @example
   * console.log(role.description);
   */
  get description(): string {
    return String(this.json.description ?? "");
  }

  /**
   * The role's privileges as last read or set. Python: `Role.privileges` (getter).
   * @example
   * console.log(role.privileges.includes("portal:admin:viewUsers"));
   */
  get privileges(): string[] {
    return [...(this.privilegeList ?? [])];
  }

  /**
   * Renames the role. Python: `Role.name` (setter).
   * @example
   * await role.setName("Senior reviewer");
   */
  async setName(name: string): Promise<boolean> {
    requireString(name, "name");
    const result = await rest.updateRole(this.gis.session, this.roleId, name, this.description);
    if (result.success === true) this.json = { ...this.json, name };
    return result.success === true;
  }

  /**
   * Changes the role's description. Python: `Role.description` (setter).
   * @example
   * await role.setDescription("Reviews and approves content");
   */
  async setDescription(text: string): Promise<boolean> {
    if (typeof text !== "string") throw new TypeError("text: expected a string");
    const result = await rest.updateRole(this.gis.session, this.roleId, this.name, text);
    if (result.success === true) this.json = { ...this.json, description: text };
    return result.success === true;
  }

  /**
   * Replaces the role's privileges; members holding the role get them at once.
   * Python: `Role.privileges` (setter).
   * @example
   * await role.setPrivileges(["portal:user:joinGroup", "portal:admin:viewUsers"]);
   */
  async setPrivileges(list: string[]): Promise<boolean> {
    if (!Array.isArray(list) || list.some((p) => typeof p !== "string" || p === "")) {
      throw new TypeError("list: expected an array of privilege strings");
    }
    const result = await rest.setRolePrivileges(this.gis.session, this.roleId, list);
    if (result.success === true) this.privilegeList = [...list];
    return result.success === true;
  }

  /**
   * Reads the privileges from the portal.
   * Python: reading `Role.privileges` does this on first use.
   * @example
   * const privileges = await role.loadPrivileges();
   */
  async loadPrivileges(): Promise<string[]> {
    const result = await rest.getRolePrivileges(this.gis.session, this.roleId);
    this.privilegeList = result.privileges ?? [];
    return this.privileges;
  }

  /**
   * Deletes the role (it must not be assigned to anyone). Python: `Role.delete()`.
   * @example
   * await role.delete();
   */
  async delete(): Promise<boolean> {
    const result = await rest.deleteRole(this.gis.session, this.roleId);
    return result.success === true;
  }

  /**
   * The role's JSON. Python: `dict(role)`.
   * @example
   * JSON.stringify(role);
   */
  toJSON(): RoleJSON {
    return { ...this.json, id: this.roleId, privileges: this.privileges };
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Role.__repr__()`.
   * @example
   * console.log(util.inspect(role));
   */
  [inspect.custom](): string {
    return `<Role name: ${this.name}, description: ${this.description}>`;
  }
}
