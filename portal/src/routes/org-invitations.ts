import { Access, guardAdministrators, requirePrivilege } from "../security/access";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { licenseType } from "../model/license-types";
import { resolveRole, type AssignedRole } from "../params/role-resolution";
import { invalidParameter } from "../server/arcgis-error";
import { optionalJsonObject } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { newId } from "../security/ids";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const EXPIRATION_MINUTES: Record<string, number> = {
  "1 Day": 1440,
  "3 Days": 4320,
  "1 Week": 10080,
  "2 Weeks": 20160,
};

interface Rules {
  checkLicenseFits(licenseId: string, role: AssignedRole, username: string): void;
  MIN_PASSWORD: number;
  USERNAME_PATTERN: RegExp;
}

interface InvitationRow {
  id: string;
  email: string;
  username: string | null;
  role: string;
  level: string;
  user_license_type: string | null;
  provider: string;
  must_approve: number;
  invited_by: string;
  created: number;
  expires: number;
}

function invitationJson(row: InvitationRow): Record<string, unknown> {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    role: row.role,
    level: row.level,
    userLicenseType: row.user_license_type,
    provider: row.provider,
    mustApprove: row.must_approve !== 0,
    invitedBy: row.invited_by,
    created: row.created,
    expiration: row.expires,
  };
}

/**
 * `portals/self/invite`: an entry with a password creates the member at once (as ArcGIS Online
 * does when adding members without e-mail), one without a password becomes a pending invitation.
 */
export function registerOrgInvitationRoutes(
  app: FastifyInstance,
  context: PortalServices,
  rules: Rules,
): void {
  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/invite",
    config: { access: Access.privilege("portal:admin:inviteUsers") },
    handler: async (request) => {
      const actor = requirePrivilege(request, "portal:admin:inviteUsers");
      const values = stateOf(request).params.values;
      const list = optionalJsonObject(values, "invitationList");
      if (!list) throw missingParameter("invitationList");
      const invitations = list.invitations;
      if (!Array.isArray(invitations) || invitations.length === 0) {
        throw invalidParameter("invitationList", "must hold a non-empty 'invitations' array.");
      }
      const expiresIn =
        EXPIRATION_MINUTES[values.expiration ?? "1 Day"] ?? Number(values.expiration);
      if (!Number.isFinite(expiresIn) || expiresIn <= 0) {
        throw invalidParameter("expiration", "must be 1 Day, 3 Days, 1 Week, 2 Weeks or minutes.");
      }
      const notInvited: string[] = [];
      for (const entry of invitations as Record<string, unknown>[]) {
        const invite = readEntry(entry, rules);
        const defaults = context.documents.get("userDefaultSettings") ?? {};
        // Without a role, the organisation's default role for new members, as on ArcGIS Online.
        const defaultRole = typeof defaults.role === "string" ? defaults.role : "org_user";
        const role = resolveRole(context.roles, actor.orgId, invite.role ?? defaultRole);
        guardAdministrators(actor, null, role.roleId);
        const licenseId =
          invite.userLicenseType ??
          (typeof defaults.userLicenseType === "string" ? defaults.userLicenseType : undefined) ??
          (role.level === "1" ? "viewerUT" : "creatorUT");
        if (!licenseType(licenseId)) {
          throw invalidParameter(
            "userLicenseType",
            `'${licenseId}' is not a user type of this organization.`,
          );
        }
        rules.checkLicenseFits(licenseId, role, invite.username ?? invite.email);
        if (invite.password === undefined && invite.provider === "arcgis") {
          context.db
            .prepare(
              `INSERT INTO org_invitations (id, email, username, role, level, user_license_type,
                 provider, must_approve, invited_by, created, expires)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              newId(),
              invite.email,
              invite.username ?? null,
              role.roleId,
              invite.level ?? role.level,
              licenseId,
              invite.provider,
              values.mustApprove === "true" ? 1 : 0,
              actor.username,
              Date.now(),
              Date.now() + expiresIn * 60000,
            );
          continue;
        }
        const username = invite.username as string;
        if (context.users.find(username)) {
          notInvited.push(username);
          continue;
        }
        await context.users.create(actor.orgId, {
          username,
          // Enterprise-login members never sign in with a portal password.
          password: invite.password ?? randomBytes(24).toString("base64url"),
          role: "org_user",
          firstName: invite.firstName,
          lastName: invite.lastName,
          email: invite.email,
          description: invite.description,
        });
        context.members.setRole(username, { ...role, level: invite.level ?? role.level });
        context.members.setLicenseType(username, licenseId);
        if (invite.credits !== undefined) context.members.setCredits(username, invite.credits);
        context.members.updateProfile(username, {
          userType:
            invite.userType ??
            (typeof defaults.userType === "string" ? defaults.userType : undefined),
        });
        if (invite.provider !== "arcgis") {
          context.db
            .prepare("UPDATE users SET provider = ? WHERE username = ?")
            .run(invite.provider, username);
        }
        const groupIds = [
          ...(invite.groups ?? []),
          ...(Array.isArray(defaults.groups) ? (defaults.groups as string[]) : []),
        ];
        for (const groupId of new Set(groupIds)) {
          if (context.groups.get(groupId)) context.groups.setMember(groupId, username, "member");
        }
      }
      return { success: true, notInvited };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/invitations",
    config: { access: Access.privilege("portal:admin:viewUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:viewUsers");
      const rows = context.db
        .prepare("SELECT * FROM org_invitations WHERE expires > ? ORDER BY created")
        .all(Date.now()) as InvitationRow[];
      return {
        total: rows.length,
        start: 1,
        num: rows.length,
        nextStart: -1,
        invitations: rows.map(invitationJson),
      };
    },
  });

  const findInvitation = (id: string): InvitationRow => {
    const row = context.db.prepare("SELECT * FROM org_invitations WHERE id = ?").get(id) as
      InvitationRow | undefined;
    if (!row) throw operationFailed("Invitation not found.", "ORG_1070");
    return row;
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/invitations/:invitationId",
    config: { access: Access.privilege("portal:admin:viewUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:viewUsers");
      return invitationJson(
        findInvitation((request.params as { invitationId: string }).invitationId),
      );
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/invitations/:invitationId/delete",
    config: { access: Access.privilege("portal:admin:inviteUsers") },
    handler: async (request) => {
      requirePrivilege(request, "portal:admin:inviteUsers");
      const row = findInvitation((request.params as { invitationId: string }).invitationId);
      context.db.prepare("DELETE FROM org_invitations WHERE id = ?").run(row.id);
      return { success: true };
    },
  });
}

interface InvitationEntry {
  email: string;
  username?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  description?: string;
  role: string | undefined;
  userLicenseType?: string;
  userType?: string;
  level?: string;
  provider: string;
  credits?: number;
  groups?: string[];
}

function readEntry(entry: Record<string, unknown>, rules: Rules): InvitationEntry {
  const text = (name: string): string | undefined => {
    const value = entry[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string")
      throw invalidParameter(`invitationList.${name}`, "must be a string.");
    return value;
  };
  const email = text("email");
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw invalidParameter("invitationList.email", "must be an e-mail address.");
  }
  const username = text("username");
  const password = text("password");
  const provider = text("provider") ?? "arcgis";
  if (provider !== "arcgis" && provider !== "enterprise") {
    throw invalidParameter("invitationList.provider", "must be arcgis or enterprise.");
  }
  if ((password !== undefined || provider === "enterprise") && !username) {
    throw invalidParameter("invitationList.username", "is required to create a member.");
  }
  if (username !== undefined && !rules.USERNAME_PATTERN.test(username)) {
    throw invalidParameter("invitationList.username", "must be 6 to 128 letters, digits or _.@-");
  }
  if (password !== undefined && password.length < rules.MIN_PASSWORD) {
    throw invalidParameter(
      "invitationList.password",
      `must be at least ${rules.MIN_PASSWORD} characters.`,
    );
  }
  const level = text("level");
  if (level !== undefined && level !== "1" && level !== "2") {
    throw invalidParameter("invitationList.level", "must be 1 or 2.");
  }
  const credits = entry.userCreditAssignments ?? entry.credits;
  if (credits !== undefined && (typeof credits !== "number" || (credits < 0 && credits !== -1))) {
    throw invalidParameter(
      "invitationList.userCreditAssignments",
      "must be -1 or a positive number.",
    );
  }
  const groups = entry.groups;
  const groupIds =
    typeof groups === "string"
      ? groups
          .split(",")
          .map((g) => g.trim())
          .filter(Boolean)
      : groups;
  if (
    groupIds !== undefined &&
    (!Array.isArray(groupIds) || groupIds.some((g) => typeof g !== "string"))
  ) {
    throw invalidParameter("invitationList.groups", "must list group ids.");
  }
  const fullName = text("fullname");
  return {
    email,
    username,
    password,
    firstName: text("firstname") ?? text("firstName") ?? fullName?.split(" ")[0],
    lastName: text("lastname") ?? text("lastName") ?? fullName?.split(" ").slice(1).join(" "),
    description: text("description"),
    role: text("role"),
    userLicenseType: text("userLicenseType"),
    userType: text("userType"),
    level,
    provider,
    credits: credits as number | undefined,
    groups: groupIds as string[] | undefined,
  };
}
