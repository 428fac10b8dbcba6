import {
  Access,
  guardAdministrators,
  isFullAdministrator,
  requirePrivilege,
} from "../security/access";
import type { FastifyInstance } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { matchesQuery, parseCommunityQuery } from "../params/community-query";
import { splitTags } from "../params/group-fields";
import { licenseAllows, licenseType, licenseTypeJson, licenseTypes } from "../model/license-types";
import { isSelf, memberOfOrg } from "../security/member-access";
import { hasPrivilege, LEVEL_ONE_PRIVILEGES } from "../model/role-catalogue";
import { resolveRole, type AssignedRole } from "../params/role-resolution";
import { searchPage } from "../params/search-page";
import { fullUserJson } from "../model/user-json";
import { withFavoritesGroup } from "../answers/user-favorites-json";
import type { UserRecord } from "../model/user-record";
import { invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalBoolean, optionalChoice, optionalJsonValue } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import {
  MIN_PASSWORD,
  USERNAME_PATTERN,
  userSearchFields,
  USER_SORT_KEYS,
} from "./community-users";
import { registerOrgInvitationRoutes } from "./org-invitations";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const CHANNELS = ["email", "push", "builtin"] as const;
const COUNT_TYPES = ["role", "app", "appBundle", "userLicenseType"] as const;

/** Refuses role changes that would give or take away administration without being a full admin. */
function checkRoleChange(actor: UserRecord, target: UserRecord, next: AssignedRole): void {
  if (!hasPrivilege(actor, "portal:admin:changeUserRoles")) throw permissionDenied();
  const touchesAdmin = target.roleId === "org_admin" || next.roleId === "org_admin";
  if (touchesAdmin && !isFullAdministrator(actor)) throw permissionDenied();
  if (isSelf(actor, target)) throw operationFailed("You cannot change your own role.", "COM_0092");
}

function checkLicenseFits(licenseId: string, role: AssignedRole, username: string): void {
  const type = licenseType(licenseId);
  if (type && !licenseAllows(type, role.privileges)) {
    throw operationFailed(
      `The role cannot be assigned to '${username}': it has privileges that user type '${type.id}' does not allow.`,
      "ORG_1056",
    );
  }
}

export function registerPortalUserRoutes(app: FastifyInstance, context: PortalServices): void {
  const orgId = (): string => context.organisations.get().id;

  const listUsers = (values: Record<string, string>) => {
    const query = parseCommunityQuery(values.q);
    const records = context.members
      .listInOrg(orgId())
      .map((name) => context.users.find(name))
      .filter((user): user is UserRecord => user !== null)
      .filter((user) =>
        matchesQuery(query, userSearchFields(user, true), [
          "username",
          "fullname",
          "email",
          "description",
          "tags",
        ]),
      )
      .filter((user) => !values.role || user.roleId === values.role || user.role === values.role)
      .filter(
        (user) => !values.userLicenseType || user.userLicenseTypeId === values.userLicenseType,
      );
    const sortField = values.sortField?.toLowerCase();
    return searchPage(
      records,
      { ...values, ...(sortField ? { sortField } : {}) },
      USER_SORT_KEYS,
      "username",
    );
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/users",
    config: { access: Access.privilege("portal:admin:viewUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:viewUsers");
      const page = listUsers(stateOf(request).params.values);
      const { results, ...rest } = page;
      return {
        ...rest,
        users: results.map((user) => withFavoritesGroup(context, fullUserJson(user))),
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/users/search",
    config: { access: Access.privilege("portal:admin:viewUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:viewUsers");
      const page = listUsers(stateOf(request).params.values);
      return {
        ...page,
        results: page.results.map((user) => withFavoritesGroup(context, fullUserJson(user))),
      };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/updateUserRole",
    config: { access: Access.privilege("portal:admin:changeUserRoles") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:changeUserRoles");
      const values = stateOf(request).params.values;
      if (!values.user) throw missingParameter("user");
      if (!values.role) throw missingParameter("role");
      const target = memberOfOrg(context, actor, values.user);
      const next = resolveRole(context.roles, actor.orgId, values.role);
      checkRoleChange(actor, target, next);
      checkLicenseFits(target.userLicenseTypeId, next, target.username);
      context.members.setRole(target.username, next);
      return { success: true, username: target.username };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/updateUserLevel",
    config: { access: Access.privilege("portal:admin:changeUserRoles") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:changeUserRoles");
      const values = stateOf(request).params.values;
      if (!values.user) throw missingParameter("user");
      const level = optionalChoice(values, "level", ["1", "2"]);
      if (!level) throw missingParameter("level");
      const target = memberOfOrg(context, actor, values.user);
      if (level === "1") {
        const owned = context.members.ownsContent(target.username);
        if (owned.items > 0 || owned.groups > 0) {
          throw operationFailed(
            "Level 1 members cannot own items or groups; reassign them first.",
            "ORG_1060",
          );
        }
        // Only the level 1 privileges survive a downgrade.
        const privileges = target.privileges.filter((p) => LEVEL_ONE_PRIVILEGES.includes(p));
        context.members.setRole(target.username, {
          role: "org_user",
          roleId: target.roleId,
          privileges,
          level,
        });
      } else {
        context.members.setLevel(target.username, level);
      }
      return { success: true, username: target.username };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/updateUserLicenseType",
    config: { access: Access.privilege("portal:admin:manageLicenses") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:manageLicenses");
      const values = stateOf(request).params.values;
      const names = values.users ? splitTags(values.users) : [];
      if (names.length === 0) throw missingParameter("users");
      if (!values.userLicenseType) throw missingParameter("userLicenseType");
      const type = licenseType(values.userLicenseType);
      if (!type)
        throw invalidParameter(
          "userLicenseType",
          `'${values.userLicenseType}' is not a user type of this organization.`,
        );
      const targets = names.map((name) => memberOfOrg(context, actor, name));
      for (const target of targets) {
        if (!licenseAllows(type, target.privileges)) {
          throw operationFailed(
            `User type '${type.id}' is not compatible with the role of '${target.username}'.`,
            "ORG_1056",
          );
        }
      }
      targets.forEach((target) => context.members.setLicenseType(target.username, type.id));
      return { success: true, users: targets.map((t) => t.username) };
    },
  });

  for (const [operation, disabled] of [
    ["enableUsers", false],
    ["disableUsers", true],
  ] as const) {
    app.route({
      method: "POST",
      url: `/sharing/rest/portals/self/users/${operation}`,
      config: { access: Access.privilege("portal:admin:disableUsers") },
      handler: async (request) => {
        const actor = requirePrivilege(request, "portal:admin:disableUsers");
        const names = splitTags(stateOf(request).params.values.users ?? "");
        if (names.length === 0) throw missingParameter("users");
        const failed: string[] = [];
        for (const name of names) {
          const target = context.users.find(name);
          const allowed =
            target !== null &&
            target.orgId === actor.orgId &&
            !isSelf(actor, target) &&
            (target.roleId !== "org_admin" || isFullAdministrator(actor));
          if (!target || !allowed) failed.push(name);
          else context.members.setDisabled(target.username, disabled);
        }
        return { success: failed.length === 0, [disabled ? "notDisabled" : "notEnabled"]: failed };
      },
    });
  }

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/createNotification",
    config: { access: Access.privilege("portal:admin:updateUsers") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:updateUsers");
      const values = stateOf(request).params.values;
      for (const name of ["subject", "message", "users"])
        if (!values[name]) throw missingParameter(name);
      const channel = optionalChoice(values, "notificationChannelType", CHANNELS) ?? "builtin";
      if (channel === "push" && !values.clientId) throw missingParameter("clientId");
      const targets = splitTags(values.users).map((name) => memberOfOrg(context, actor, name));
      for (const target of targets) {
        context.notifications.add(target.username, `${channel}_message`, {
          subject: values.subject,
          message: values.message,
          from: actor.username,
        });
      }
      return { success: true };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/userLicenseTypes",
    config: { access: Access.signedIn },
    handler: async () => {
      const types = licenseTypes().map(licenseTypeJson);
      return {
        total: types.length,
        start: 1,
        num: types.length,
        nextStart: -1,
        userLicenseTypes: types,
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/users/counts",
    config: { access: Access.privilege("portal:admin:viewUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:viewUsers");
      const type =
        optionalChoice(stateOf(request).params.values, "type", COUNT_TYPES) ?? "appBundle";
      const users = context.members
        .listInOrg(orgId())
        .map((name) => context.users.find(name))
        .filter((user): user is UserRecord => user !== null);
      const keysOf = (user: UserRecord): string[] => {
        if (type === "role") return [user.roleId];
        if (type === "userLicenseType") return [user.userLicenseTypeId];
        if (type === "appBundle")
          return (licenseType(user.userLicenseTypeId)?.bundles ?? []).map((b) => b.id);
        return [];
      };
      const counts = new Map<string, number>();
      users.flatMap(keysOf).forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
      const results = [...counts]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => a.key.localeCompare(b.key));
      return { total: results.length, start: 1, num: results.length, nextStart: -1, results };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/userDefaultSettings",
    config: { access: Access.privilege("portal:admin:manageSecurity") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:manageSecurity");
      return context.documents.get("userDefaultSettings") ?? {};
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/setUserDefaultSettings",
    config: { access: Access.privilege("portal:admin:manageSecurity") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:manageSecurity");
      const values = stateOf(request).params.values;
      if (optionalBoolean(values, "clear") === true) {
        context.documents.delete("userDefaultSettings");
        return { success: true };
      }
      const settings: Record<string, unknown> = {
        ...(context.documents.get("userDefaultSettings") ?? {}),
      };
      if (values.role) {
        settings.role = resolveRole(context.roles, actor.orgId, values.role).roleId;
        // New members would sign up as administrators: only an administrator may choose that.
        guardAdministrators(actor, null, settings.role as string);
      }
      if (values.userLicenseType) {
        if (!licenseType(values.userLicenseType))
          throw invalidParameter("userLicenseType", "is not a user type of this organization.");
        settings.userLicenseType = values.userLicenseType;
      }
      if (values.groups !== undefined) {
        const groups = values.groups.trim().startsWith("[")
          ? optionalJsonValue(values, "groups")
          : splitTags(values.groups);
        if (!Array.isArray(groups) || groups.some((g) => typeof g !== "string"))
          throw invalidParameter("groups", "must list group ids.");
        const unknown = (groups as string[]).filter((id) => !context.groups.get(id));
        if (unknown.length > 0)
          throw invalidParameter("groups", `has unknown group ids: ${unknown.join(", ")}.`);
        settings.groups = groups;
      }
      const userType = optionalChoice(values, "userType", ["arcgisonly", "both"]);
      if (userType) settings.userType = userType;
      for (const name of ["apps", "appBundles"]) {
        const value = optionalJsonValue(values, name);
        if (value !== undefined) {
          if (!Array.isArray(value)) throw invalidParameter(name, "must be a JSON array.");
          settings[name] = value;
        }
      }
      context.documents.put("userDefaultSettings", settings);
      return { success: true };
    },
  });

  registerOrgInvitationRoutes(app, context, { checkLicenseFits, MIN_PASSWORD, USERNAME_PATTERN });
}
