import { checkPassword, passwordPolicyOf } from "../security/security-policy";
import { Access, guardAdministrators, requirePrivilege } from "../security/access";
import type { FastifyInstance } from "fastify";
import { missingParameter, operationFailed, userNotFound } from "../server/community-errors";
import { matchesQuery, parseCommunityQuery } from "../params/community-query";
import { splitTags } from "../params/group-fields";
import { licenseType } from "../model/license-types";
import { isSelf, memberOfOrg, selfOrPrivileged } from "../security/member-access";
import { hasPrivilege } from "../model/role-catalogue";
import { resolveRole } from "../params/role-resolution";
import { searchPage } from "../params/search-page";
import type { UserRecord } from "../model/user-record";
import { userJsonFor } from "../model/user-visibility";
import { permissionDenied, invalidParameter, tokenRequired } from "../server/arcgis-error";
import { optionalBoolean, optionalChoice, optionalInteger } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import type { ProfileChanges } from "../store/member-store";
import { notificationJson } from "../store/notification-store";
import { sendImage } from "./community-groups";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
export const MIN_PASSWORD = 8;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{6,128}$/;

export function userSearchFields(
  user: UserRecord,
  seesEmail: boolean,
): (field: string) => (string | number | null)[] {
  return (field) => {
    switch (field) {
      case "id":
        return [user.id];
      case "username":
        return [user.username];
      case "fullname":
        return [user.fullName];
      case "firstname":
        return [user.firstName];
      case "lastname":
        return [user.lastName];
      case "email":
        return seesEmail ? [user.email] : [];
      case "description":
        return [user.description];
      case "tags":
        return user.tags;
      case "role":
        return [user.role];
      case "roleid":
        return [user.roleId];
      case "orgid":
      case "accountid":
        return [user.orgId];
      case "created":
        return [user.created];
      case "modified":
        return [user.modified];
      case "lastlogin":
        return [user.lastLogin];
      case "provider":
        return [user.provider];
      case "usertype":
        return [user.userType];
      case "userlicensetype":
      case "userlicensetypeid":
        return [user.userLicenseTypeId];
      case "level":
        return [user.level];
      case "disabled":
        return [String(user.disabled)];
      default:
        return [];
    }
  };
}

export const USER_SORT_KEYS: Readonly<Record<string, (user: UserRecord) => string | number>> = {
  username: (u) => u.username,
  fullname: (u) => u.fullName,
  firstname: (u) => u.firstName,
  lastname: (u) => u.lastName,
  created: (u) => u.created,
  modified: (u) => u.modified,
  lastlogin: (u) => u.lastLogin,
  role: (u) => u.role,
  level: (u) => u.level,
};

/** The users of the organisation a caller may see, with the JSON view they may see. */
export function visibleUsers(
  context: PortalServices,
  viewer: UserRecord | null,
): { record: UserRecord; json: Record<string, unknown> }[] {
  const orgId = context.organisations.get().id;
  const seen: { record: UserRecord; json: Record<string, unknown> }[] = [];
  for (const username of context.members.listInOrg(orgId)) {
    const record = context.users.find(username);
    const json = record ? userJsonFor(record, viewer) : null;
    if (record && json) seen.push({ record, json });
  }
  return seen;
}

export function registerCommunityUserRoutes(app: FastifyInstance, context: PortalServices): void {
  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users",
    config: { access: Access.anyone },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      const query = parseCommunityQuery(params.values.q);
      const seesEmail = hasPrivilege(user, "portal:admin:viewUsers");
      const hits = visibleUsers(context, user).filter(({ record }) =>
        matchesQuery(query, userSearchFields(record, seesEmail), [
          "username",
          "fullname",
          "description",
          "tags",
        ]),
      );
      const sortKeys = Object.fromEntries(
        Object.entries(USER_SORT_KEYS).map(([name, key]) => [
          name,
          (hit: (typeof hits)[number]) => key(hit.record),
        ]),
      );
      const page = searchPage(hits, lowerSortField(params.values), sortKeys, "username");
      return { ...page, results: page.results.map((hit) => hit.json) };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/update",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateUsers") },
    handler: async (request) => {
      const { actor, target } = selfOrPrivileged(context, request, "portal:admin:updateUsers");
      const { params } = stateOf(request);
      const changes = readProfileChanges(params.values);
      if (changes.userType !== undefined) {
        // Members cannot grant themselves Esri access; administrators grant it.
        if (isSelf(actor, target) || !hasPrivilege(actor, "portal:admin:updateUsers")) {
          throw permissionDenied();
        }
      }
      const file = params.files.thumbnail;
      if (file) {
        if (file.data.length > 1024 * 1024)
          throw invalidParameter("thumbnail", "must be at most 1 MB.");
        if (!/\.(png|gif|jpe?g)$/i.test(file.filename)) {
          throw invalidParameter("thumbnail", "must be a PNG, GIF or JPEG image.");
        }
        context.thumbnails.put("user", target.username, {
          filename: file.filename,
          contentType: /\.png$/i.test(file.filename)
            ? "image/png"
            : /\.gif$/i.test(file.filename)
              ? "image/gif"
              : "image/jpeg",
          data: file.data,
        });
        changes.thumbnail = file.filename;
      } else if (
        params.values.thumbnail === "" &&
        optionalBoolean(params.values, "clearEmptyFields")
      ) {
        context.thumbnails.delete("user", target.username);
        changes.thumbnail = null;
      }
      const question = optionalInteger(params.values, "securityQuestionIdx", { min: 1, max: 14 });
      if (question !== undefined) {
        if (!params.values.securityAnswer) throw missingParameter("securityAnswer");
        await context.members.setSecurityQuestion(
          target.username,
          question,
          params.values.securityAnswer,
        );
      }
      context.members.updateProfile(target.username, changes);
      return { success: true, username: target.username };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/delete",
    config: { access: Access.privilege("portal:admin:deleteUsers") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:deleteUsers");
      const { username } = request.params as { username: string };
      const target = memberOfOrg(context, actor, username);
      if (isSelf(actor, target))
        throw operationFailed("You cannot delete your own account.", "COM_0091");
      guardAdministrators(actor, target);
      const owned = context.members.ownsContent(target.username);
      if (owned.items > 0 || owned.groups > 0) {
        throw operationFailed(
          `User '${target.username}' cannot be deleted: they own ${owned.items} item(s) and ${owned.groups} group(s). Reassign or delete them first.`,
          "COM_0095",
        );
      }
      context.members.delete(target.username);
      return { success: true, username: target.username };
    },
  });

  for (const [operation, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.route({
      method: "POST",
      url: `/sharing/rest/community/users/:username/${operation}`,
      config: { access: Access.privilege("portal:admin:disableUsers") },
      handler: async (request) => {
        const actor = requirePrivilege(request, "portal:admin:disableUsers");
        const { username } = request.params as { username: string };
        const target = memberOfOrg(context, actor, username);
        if (isSelf(actor, target)) throw operationFailed(`You cannot ${operation} yourself.`);
        guardAdministrators(actor, target);
        context.members.setDisabled(target.username, disabled);
        return { success: true, username: target.username };
      },
    });
  }

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/reset",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateUsers") },
    handler: async (request) => {
      const { actor, target } = selfOrPrivileged(context, request, "portal:admin:updateUsers");
      const values = stateOf(request).params.values;
      if (optionalBoolean(values, "resetByEmail") === true) {
        context.notifications.add(target.username, "password_reset_email", { email: target.email });
        return { success: true };
      }
      if (isSelf(actor, target)) {
        if (!values.password) throw missingParameter("password");
        if (!(await context.members.passwordMatches(target.username, values.password))) {
          throw operationFailed("Incorrect password.", "COM_0060");
        }
      }
      const question = optionalInteger(values, "newSecurityQuestionIdx", { min: 1, max: 14 });
      if (!values.newPassword && question === undefined) throw missingParameter("newPassword");
      if (values.newPassword !== undefined) {
        checkPassword(passwordPolicyOf(context.documents), "newPassword", values.newPassword);
        await context.members.setPassword(target.username, values.newPassword);
      }
      if (question !== undefined) {
        if (!values.newSecurityAnswer) throw missingParameter("newSecurityAnswer");
        await context.members.setSecurityQuestion(
          target.username,
          question,
          values.newSecurityAnswer,
        );
      }
      return { success: true };
    },
  });

  app.route({
    method: "GET",
    url: "/sharing/rest/community/users/:username/info/*",
    config: { access: Access.mayView("user") },
    handler: async (request, reply) => {
      const { username } = request.params as { username: string };
      const target = context.users.find(username);
      if (!target || !userJsonFor(target, stateOf(request).user)) throw userNotFound();
      const thumbnail = context.thumbnails.get("user", target.username);
      if (!thumbnail) throw operationFailed("Thumbnail not found.", "COM_0018");
      return sendImage(reply, thumbnail.contentType, thumbnail.data);
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users/:username/notifications",
    config: { access: Access.self },
    handler: async (request) => {
      const { target } = ownAccount(context, request);
      return {
        notifications: context.notifications.listFor(target.username).map(notificationJson),
      };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/notifications/:notificationId/delete",
    config: { access: Access.self },
    handler: async (request) => {
      const { target } = ownAccount(context, request);
      const { notificationId } = request.params as { notificationId: string };
      if (!context.notifications.delete(target.username, notificationId)) {
        throw operationFailed("Notification not found.", "COM_0070");
      }
      return { success: true, notificationId };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users/:username/userLicenseType",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewUsers") },
    handler: async (request) => {
      const { target } = selfOrPrivileged(context, request, "portal:admin:viewUsers");
      const type = licenseType(target.userLicenseTypeId);
      return {
        userLicenseType: type ? { id: type.id, name: type.name, level: type.level } : null,
        assignedBundles: type?.bundles ?? [],
        assignedApps: [],
        roleId: target.roleId,
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users/:username/provisionedListings",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewUsers") },
    handler: async (request) => {
      selfOrPrivileged(context, request, "portal:admin:viewUsers");
      return { provisionedListings: [] };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/linkUser",
    config: { access: Access.self },
    handler: async (request) => {
      const { target } = ownAccount(context, request);
      const values = stateOf(request).params.values;
      if (!values.user_token) throw missingParameter("user_token");
      const stored = context.tokens.lookup(values.user_token);
      const other =
        stored && stored.expires > Date.now() ? context.users.find(stored.username) : null;
      if (!other)
        throw invalidParameter("user_token", "is not a valid token of the account to link.");
      if (other.username.toLowerCase() === target.username.toLowerCase()) {
        throw operationFailed("An account cannot be linked to itself.");
      }
      const link = context.db.prepare(
        `INSERT OR IGNORE INTO linked_accounts (username, linked_username, linked_portal, created)
         VALUES (?, ?, ?, ?)`,
      );
      // Links work both ways: each account lists the other.
      link.run(target.username, other.username, context.rootUrl, Date.now());
      link.run(other.username, target.username, context.rootUrl, Date.now());
      return { success: true };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users/:username/linkedUsers",
    config: { access: Access.self },
    handler: async (request) => {
      const { target } = ownAccount(context, request);
      const rows = context.db
        .prepare("SELECT linked_username FROM linked_accounts WHERE username = ? ORDER BY created")
        .all(target.username) as { linked_username: string }[];
      const linkedUsers = rows
        .map((row) => context.users.find(row.linked_username))
        .filter((user): user is UserRecord => user !== null)
        .map((user) => ({ username: user.username, fullName: user.fullName, orgId: user.orgId }));
      return { total: linkedUsers.length, linkedUsers };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/users/:username/unlinkUser",
    config: { access: Access.self },
    handler: async (request) => {
      const { target } = ownAccount(context, request);
      const other = stateOf(request).params.values.username;
      if (!other) throw missingParameter("username");
      const removed = context.db
        .prepare(
          `DELETE FROM linked_accounts WHERE (username = ? AND linked_username = ?)
             OR (username = ? AND linked_username = ?)`,
        )
        .run(target.username, other, other, target.username);
      if (removed.changes === 0) throw operationFailed(`'${other}' is not linked to this account.`);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/signUp",
    config: { access: Access.anyone },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      if (user) throw operationFailed("Sign out before signing up for a new account.");
      const organisation = context.organisations.get();
      const portalProperties = (organisation.properties.portalProperties ?? {}) as Record<
        string,
        unknown
      >;
      if (portalProperties.allowSelfSignup !== true) {
        throw operationFailed("Self sign-up is disabled for this portal.", "COM_0101");
      }
      const values = params.values;
      for (const name of ["username", "password", "fullname", "email"]) {
        if (!values[name]) throw missingParameter(name);
      }
      if (!/^[A-Za-z0-9_.@-]{4,128}$/.test(values.username)) {
        throw invalidParameter("username", "must be at least 4 letters, digits or _.@-");
      }
      checkPassword(passwordPolicyOf(context.documents), "password", values.password);
      if (context.users.find(values.username)) {
        throw operationFailed(`Username '${values.username}' is not available.`, "COM_0019");
      }
      const [firstName, ...rest] = values.fullname.trim().split(/\s+/);
      await context.users.create(organisation.id, {
        username: values.username,
        password: values.password,
        role: "org_user",
        firstName,
        lastName: rest.join(" "),
        email: values.email,
      });
      const defaults = context.documents.get("userDefaultSettings") ?? {};
      if (typeof defaults.role === "string" && defaults.role !== "org_user") {
        const role = resolveRole(context.roles, organisation.id, defaults.role);
        context.members.setRole(values.username, role);
      }
      return { success: true, username: values.username };
    },
  });
}

/** The user named in the URL, who must be the caller. */
function ownAccount(
  _context: PortalServices,
  request: Parameters<typeof selfOrPrivileged>[1],
): { target: UserRecord } {
  const { user } = stateOf(request);
  if (!user) throw tokenRequired();
  const { username } = request.params as { username: string };
  if (username.toLowerCase() !== user.username.toLowerCase()) throw permissionDenied();
  return { target: user };
}

function lowerSortField(values: Record<string, string>): Record<string, string> {
  return values.sortField ? { ...values, sortField: values.sortField.toLowerCase() } : values;
}

function readProfileChanges(values: Record<string, string>): ProfileChanges {
  const clearEmpty = optionalBoolean(values, "clearEmptyFields") === true;
  const changes: ProfileChanges = {};
  const text = (name: string): string | null | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (value.trim() === "") return clearEmpty ? null : undefined;
    return value;
  };
  const firstName = text("firstName");
  const lastName = text("lastName");
  const fullName = text("fullName") ?? text("fullname");
  if (firstName) changes.firstName = firstName;
  if (lastName) changes.lastName = lastName;
  if (fullName) changes.fullName = fullName;
  else if (firstName || lastName)
    changes.fullName = [firstName, lastName].filter(Boolean).join(" ");
  const email = text("email");
  if (email) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw invalidParameter("email", "is not an e-mail address.");
    changes.email = email;
  }
  for (const name of ["description", "culture", "region", "preferredView"] as const) {
    const value = text(name);
    if (value !== undefined) changes[name] = value;
  }
  if (changes.preferredView) {
    changes.preferredView = optionalChoice(values, "preferredView", ["Web", "GIS"]) ?? null;
  }
  const tags = text("tags");
  if (tags !== undefined) changes.tags = tags === null ? [] : splitTags(tags);
  const access = optionalChoice(values, "access", ["private", "org", "public"]);
  if (access) changes.access = access;
  const units = optionalChoice(values, "units", ["english", "metric"]);
  if (units) changes.units = units;
  const userType = optionalChoice(values, "userType", ["arcgisonly", "both"]);
  if (userType) changes.userType = userType;
  return changes;
}
