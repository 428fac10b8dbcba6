import { Access, requirePrivilege } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import {
  baseRoleOf,
  builtInRole,
  builtInRoles,
  DATA_EDITOR_ROLE_ID,
  KNOWN_PRIVILEGES,
  levelOf,
  type RoleDescription,
  VIEWER_ROLE_ID,
} from "../model/role-catalogue";
import { searchPage } from "../params/search-page";
import { invalidParameter, permissionDenied, tokenRequired } from "../server/arcgis-error";
import { optionalJsonValue } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const ASSIGNABLE_BUILT_IN_ROLES = [VIEWER_ROLE_ID, DATA_EDITOR_ROLE_ID].map((id) =>
  builtInRole(id)!,
);

function roleJson(role: RoleDescription): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    created: role.created ?? 0,
    modified: role.modified ?? 0,
  };
}

/** Reads `privileges` sent as `{"privileges": [...]}` (the REST form) or a plain JSON array. */
function readPrivileges(values: Record<string, string>): string[] {
  const parsed = optionalJsonValue(values, "privileges");
  if (parsed === undefined) throw missingParameter("privileges");
  const list = Array.isArray(parsed) ? parsed : (parsed as { privileges?: unknown })?.privileges;
  if (!Array.isArray(list) || list.some((p) => typeof p !== "string")) {
    throw invalidParameter("privileges", "must be a JSON array of privilege strings.");
  }
  const unknown = list.filter((p) => !KNOWN_PRIVILEGES.has(p as string));
  if (unknown.length > 0)
    throw invalidParameter("privileges", `has unknown privileges: ${unknown.join(", ")}.`);
  return [...new Set(list as string[])].sort();
}

export function registerPortalRoleRoutes(app: FastifyInstance, context: PortalServices): void {
  /** Built-in roles cannot be edited; unknown ids are reported alike. */
  const customRole = (request: FastifyRequest): RoleDescription => {
    const { roleId } = request.params as { roleId: string };
    const role = context.roles.get(roleId);
    if (!role) {
      if (builtInRole(roleId)) throw permissionDenied();
      throw operationFailed("Role not found.", "ORG_1054");
    }
    return role;
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/roles",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      if (!user) throw tokenRequired();
      // ArcGIS Online lists its Viewer and Data Editor roles with the custom ones: they are
      // roles a member may be given by id, unlike the three user types' base roles.
      const roles = [...ASSIGNABLE_BUILT_IN_ROLES, ...context.roles.list(user.orgId)];
      const page = searchPage(
        roles,
        params.values,
        { created: (r) => r.created ?? 0, name: (r) => r.name },
        "created",
      );
      const { results, ...rest } = page;
      return { ...rest, roles: results.map(roleJson) };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/createRole",
    config: { access: Access.privilege("portal:admin:manageRoles") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:manageRoles");
      const values = stateOf(request).params.values;
      const name = values.name?.trim();
      if (!name) throw missingParameter("name");
      if (name.length > 128) throw invalidParameter("name", "must be at most 128 characters.");
      const takenByBuiltIn = builtInRoles().some(
        (r) => r.name.toLowerCase() === name.toLowerCase(),
      );
      if (takenByBuiltIn || context.roles.findByName(actor.orgId, name)) {
        throw operationFailed(`A role named '${name}' already exists.`, "ORG_1053");
      }
      const role = context.roles.create(actor.orgId, name, values.description ?? "");
      return { success: true, id: role.id };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/roles/checkRoleName",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      if (!user) throw tokenRequired();
      const name = params.values.name?.trim();
      if (!name) throw missingParameter("name");
      const exists =
        builtInRoles().some((r) => r.name.toLowerCase() === name.toLowerCase()) ||
        context.roles.findByName(user.orgId, name) !== null;
      return { exists };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/roles/:roleId",
    config: { access: Access.signedIn },
    handler: async (request) => {
      if (!stateOf(request).user) throw tokenRequired();
      const { roleId } = request.params as { roleId: string };
      const role = context.roles.get(roleId) ?? builtInRole(roleId);
      if (!role) throw operationFailed("Role not found.", "ORG_1054");
      return {
        ...roleJson(role),
        role: baseRoleOf(role.privileges),
        level: levelOf(role.privileges),
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/roles/:roleId/privileges",
    config: { access: Access.signedIn },
    handler: async (request) => {
      if (!stateOf(request).user) throw tokenRequired();
      const { roleId } = request.params as { roleId: string };
      const role = context.roles.get(roleId) ?? builtInRole(roleId);
      if (!role) throw operationFailed("Role not found.", "ORG_1054");
      return { privileges: [...role.privileges] };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/roles/:roleId/setPrivileges",
    config: { access: Access.privilege("portal:admin:manageRoles") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:manageRoles");
      const role = customRole(request);
      const privileges = readPrivileges(stateOf(request).params.values);
      context.roles.update(role.id, { privileges });
      // Members holding the role get the new privileges at once.
      const assigned = {
        role: baseRoleOf(privileges),
        roleId: role.id,
        privileges,
        level: levelOf(privileges),
      };
      for (const username of context.roles.usersWithRole(role.id)) {
        const user = context.users.find(username);
        context.members.setRole(username, { ...assigned, level: user?.level ?? assigned.level });
      }
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/roles/:roleId/update",
    config: { access: Access.privilege("portal:admin:manageRoles") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:manageRoles");
      const role = customRole(request);
      const values = stateOf(request).params.values;
      const name = values.name?.trim();
      if (name && name.toLowerCase() !== role.name.toLowerCase()) {
        const taken =
          builtInRoles().some((r) => r.name.toLowerCase() === name.toLowerCase()) ||
          context.roles.findByName(actor.orgId, name) !== null;
        if (taken) throw operationFailed(`A role named '${name}' already exists.`, "ORG_1053");
      }
      context.roles.update(role.id, { name: name || undefined, description: values.description });
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/roles/:roleId/delete",
    config: { access: Access.privilege("portal:admin:manageRoles") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:manageRoles");
      const role = customRole(request);
      const holders = context.roles.usersWithRole(role.id);
      if (holders.length > 0) {
        throw operationFailed(
          `The role is assigned to ${holders.length} member(s); assign them another role first.`,
          "ORG_1055",
        );
      }
      context.roles.delete(role.id);
      return { success: true };
    },
  });
}
