import { Access, signedInUser } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { missingParameter, operationFailed, userNotFound } from "../server/community-errors";
import { groupJson, type GroupRecord } from "../model/group-record";
import { splitTags } from "../params/group-fields";
import { hasPrivilege } from "../model/role-catalogue";
import type { UserRecord } from "../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalChoice, optionalInteger } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import type { GroupInvitationRecord } from "../store/group-store";
import { managedGroup, visibleGroup } from "./community-groups";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const WEEK_MINUTES = 10080;
const CHANNELS = ["email", "push", "builtin"] as const;

/** Managers add and remove members directly; so may administrators allowed to assign to groups. */
function canAssignMembers(group: GroupRecord, user: UserRecord, manages: boolean): boolean {
  return (
    manages || (user.orgId === group.orgId && hasPrivilege(user, "portal:admin:assignToGroups"))
  );
}

function usernamesParam(values: Record<string, string>, name: string): string[] {
  return values[name] === undefined ? [] : splitTags(values[name]);
}

export function registerGroupMembershipRoutes(app: FastifyInstance, context: PortalServices): void {
  const groups = context.groups;

  /** The group of the request, once the caller is shown to add and remove its members. */
  function groupWhoseMembersCallerAssigns(request: FastifyRequest): GroupRecord {
    const user = signedInUser(request);
    const { group, memberType } = visibleGroup(context, request);
    const manages = memberType === "owner" || memberType === "admin";
    if (!canAssignMembers(group, user, manages)) throw permissionDenied();
    return group;
  }

  /** An invitation to `group`, and the notification that tells the invited user about it. */
  function invite(
    group: GroupRecord,
    username: string,
    memberType: "admin" | "member",
    invitedBy: UserRecord,
    expires: number,
    details: Record<string, string>,
  ): void {
    groups.invite(group.id, username, memberType, invitedBy.username, expires);
    context.notifications.add(
      username,
      "group_invitation",
      { groupTitle: group.title, invitedBy: invitedBy.username, ...details },
      { id: group.id, type: "group" },
    );
  }

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/addUsers",
    config: { access: Access.ownerOrPrivilege("portal:admin:assignToGroups") },
    handler: async (request) => {
      const group = groupWhoseMembersCallerAssigns(request);
      const values = stateOf(request).params.values;
      const asMembers = usernamesParam(values, "users");
      const asAdmins = usernamesParam(values, "admins");
      if (asMembers.length + asAdmins.length === 0) throw missingParameter("users");
      const notAdded: string[] = [];
      const add = (name: string, type: "admin" | "member"): void => {
        const target = context.users.find(name);
        if (!target || target.orgId !== group.orgId || target.disabled) {
          notAdded.push(name);
          return;
        }
        const existing = groups.memberType(group.id, target.username);
        if (existing === "owner") return;
        if (existing === "admin" && type === "member") return;
        groups.setMember(group.id, target.username, type);
      };
      asMembers.forEach((name) => add(name, "member"));
      asAdmins.forEach((name) => add(name, "admin"));
      return { notAdded };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/removeUsers",
    config: { access: Access.ownerOrPrivilege("portal:admin:assignToGroups") },
    handler: async (request) => {
      const group = groupWhoseMembersCallerAssigns(request);
      const names = usernamesParam(stateOf(request).params.values, "users");
      if (names.length === 0) throw missingParameter("users");
      const notRemoved: string[] = [];
      for (const name of names) {
        const type = groups.memberType(group.id, name);
        // The owner leaves only by handing the group to someone else.
        if (!type || type === "owner") notRemoved.push(name);
        else groups.removeMember(group.id, name);
      }
      return { notRemoved };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/invite",
    config: { access: Access.ownerOrPrivilege("portal:admin:assignToGroups") },
    handler: async (request) => {
      const { group, user } = managedGroup(context, request);
      const values = stateOf(request).params.values;
      const names = usernamesParam(values, "users");
      if (names.length === 0) throw missingParameter("users");
      const role =
        optionalChoice(values, "role", ["group_member", "group_admin"]) ?? "group_member";
      const minutes = optionalInteger(values, "expiration", { min: 1 }) ?? WEEK_MINUTES;
      const notInvited: string[] = [];
      for (const name of names) {
        const target = context.users.find(name);
        if (!target || target.disabled || groups.memberType(group.id, target.username)) {
          notInvited.push(name);
          continue;
        }
        const memberType = role === "group_admin" ? "admin" : "member";
        invite(group, target.username, memberType, user, Date.now() + minutes * 60000, {});
      }
      return { success: true, notInvited };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/inviteByEmail",
    config: { access: Access.ownerOrPrivilege("portal:admin:assignToGroups") },
    handler: async (request) => {
      const { group, user } = managedGroup(context, request);
      const values = stateOf(request).params.values;
      const emails = usernamesParam(values, "emails");
      if (emails.length === 0) throw missingParameter("emails");
      const role = optionalChoice(values, "role", [
        "member",
        "admin",
        "group_member",
        "group_admin",
      ]);
      const expiration = optionalChoice(values, "expiration", [
        "1 Day",
        "3 Days",
        "1 Week",
        "2 Weeks",
      ]);
      const days = { "1 Day": 1, "3 Days": 3, "1 Week": 7, "2 Weeks": 14 }[expiration ?? "1 Day"];
      const orgUsers = context.db
        .prepare("SELECT username, email FROM users WHERE org_id = ?")
        .all(group.orgId) as { username: string; email: string }[];
      const notInvited: string[] = [];
      for (const email of emails) {
        if (!/^[^@\s]+@[^@\s]+$/.test(email))
          throw invalidParameter("emails", `has an invalid address: ${email}.`);
        const match = orgUsers.find((u) => u.email.toLowerCase() === email.toLowerCase());
        if (!match || groups.memberType(group.id, match.username)) {
          notInvited.push(email);
          continue;
        }
        const memberType = role === "admin" || role === "group_admin" ? "admin" : "member";
        invite(group, match.username, memberType, user, Date.now() + days * 86400000, {
          message: values.message ?? "",
        });
      }
      return { success: true, notInvited };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/join",
    config: { access: Access.privilege("portal:user:joinGroup") },
    handler: async (request) => {
      const user = signedInUser(request);
      const { group, memberType } = visibleGroup(context, request);
      if (!hasPrivilege(user, "portal:user:joinGroup")) throw permissionDenied();
      if (memberType) throw operationFailed("User is already a member of this group.", "COM_0050");
      if (group.isInvitationOnly) {
        throw new ArcGISRequestError(
          403,
          "Unable to join group. Group is invitation only.",
          [],
          "COM_0051",
        );
      }
      if (groups.applications(group.id).some((a) => a.username === user.username)) {
        throw operationFailed("User has already applied to join this group.", "COM_0056");
      }
      if (group.extra.autoJoin === true && user.orgId === group.orgId) {
        groups.setMember(group.id, user.username, "member");
      } else {
        groups.addApplication(
          group.id,
          user.username,
          stateOf(request).params.values.comments ?? null,
        );
        context.notifications.add(
          user.username,
          "group_application",
          { groupTitle: group.title },
          { id: group.id, type: "group" },
        );
      }
      return { success: true, groupId: group.id };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/leave",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const user = signedInUser(request);
      const { group, memberType } = visibleGroup(context, request);
      if (!memberType) throw operationFailed("User is not a member of this group.", "COM_0052");
      if (memberType === "owner") {
        throw operationFailed("The group owner cannot leave the group.", "COM_0053");
      }
      if (group.extra.leavingDisallowed === true) throw permissionDenied();
      groups.removeMember(group.id, user.username);
      return { success: true, groupId: group.id };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/groups/:groupId/applications",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
    handler: async (request) => {
      const { group } = managedGroup(context, request);
      return {
        applications: groups.applications(group.id).map((a) => applicationJson(context, a)),
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/groups/:groupId/applications/:username",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
    handler: async (request) => {
      const { group } = managedGroup(context, request);
      const { username } = request.params as { username: string };
      const application = groups
        .applications(group.id)
        .find((a) => a.username.toLowerCase() === username.toLowerCase());
      if (!application) throw operationFailed("Group application not found.", "COM_0054");
      return applicationJson(context, application);
    },
  });

  for (const decision of ["accept", "decline"] as const) {
    app.route({
      method: "POST",
      url: `/sharing/rest/community/groups/:groupId/applications/:username/${decision}`,
      config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
      handler: async (request) => {
        const { group } = managedGroup(context, request);
        const { username } = request.params as { username: string };
        const application = groups
          .applications(group.id)
          .find((a) => a.username.toLowerCase() === username.toLowerCase());
        if (!application) throw operationFailed("Group application not found.", "COM_0054");
        if (decision === "accept") groups.setMember(group.id, application.username, "member");
        else groups.removeApplication(group.id, application.username);
        context.notifications.add(
          application.username,
          decision === "accept" ? "group_application_accepted" : "group_application_declined",
          { groupTitle: group.title },
          { id: group.id, type: "group" },
        );
        return { success: true, username: application.username, groupId: group.id };
      },
    });
  }

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/createNotification",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
    handler: async (request) => {
      const { group, user } = managedGroup(context, request);
      const values = stateOf(request).params.values;
      if (!values.subject) throw missingParameter("subject");
      if (!values.message) throw missingParameter("message");
      const channel = optionalChoice(values, "notificationChannelType", CHANNELS) ?? "builtin";
      if (channel === "push" && !values.clientId) throw missingParameter("clientId");
      const members = new Set(groups.members(group.id).map((m) => m.username.toLowerCase()));
      const requested = usernamesParam(values, "users");
      const recipients = requested.length > 0 ? requested : [...members];
      const outsiders = recipients.filter((name) => !members.has(name.toLowerCase()));
      if (outsiders.length > 0) {
        throw invalidParameter("users", `are not members of the group: ${outsiders.join(", ")}.`);
      }
      for (const name of recipients) {
        const target = context.users.find(name);
        if (!target) continue;
        context.notifications.add(
          target.username,
          `group_${channel}_message`,
          { subject: values.subject, message: values.message, from: user.username },
          { id: group.id, type: "group" },
        );
      }
      return { success: true };
    },
  });

  registerUserInvitationRoutes(app, context);
}

/** A user's own invitations to groups, which the user accepts or declines. */
function registerUserInvitationRoutes(app: FastifyInstance, context: PortalServices): void {
  const ownInvitations = (request: FastifyRequest): GroupInvitationRecord[] => {
    const user = signedInUser(request);
    const { username } = request.params as { username: string };
    if (username.toLowerCase() !== user.username.toLowerCase()) throw permissionDenied();
    return context.groups.invitationsOf(user.username);
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/users/:username/invitations",
    config: { access: Access.self },
    handler: async (request) => ({
      userInvitations: ownInvitations(request).map((invitation) =>
        invitationJson(context, invitation),
      ),
    }),
  });

  for (const decision of ["accept", "decline"] as const) {
    app.route({
      method: "POST",
      url: `/sharing/rest/community/users/:username/invitations/:invitationId/${decision}`,
      config: { access: Access.self },
      handler: async (request) => {
        const { invitationId } = request.params as { invitationId: string };
        const invitation = ownInvitations(request).find((i) => i.id === invitationId);
        if (!invitation) throw operationFailed("Invitation not found.", "COM_0055");
        if (decision === "accept") {
          context.groups.setMember(invitation.groupId, invitation.username, invitation.memberType);
        } else {
          context.groups.deleteInvitation(invitation.id);
        }
        return { success: true, groupId: invitation.groupId };
      },
    });
  }
}

function applicationJson(
  context: PortalServices,
  application: { username: string; comment: string | null; created: number },
): Record<string, unknown> {
  const applicant = context.users.find(application.username);
  return {
    username: application.username,
    fullName: applicant?.fullName ?? application.username,
    received: application.created,
    comments: application.comment,
  };
}

function invitationJson(
  context: PortalServices,
  invitation: GroupInvitationRecord,
): Record<string, unknown> {
  const group = context.groups.get(invitation.groupId);
  const from = context.users.find(invitation.invitedBy);
  if (!group) throw userNotFound();
  return {
    id: invitation.id,
    targetType: "group",
    targetId: invitation.groupId,
    received: invitation.created,
    accepted: false,
    mustApprove: false,
    role: invitation.memberType === "admin" ? "group_admin" : "group_member",
    expiration: invitation.expires,
    username: invitation.username,
    fromUsername: {
      username: invitation.invitedBy,
      fullname: from?.fullName ?? invitation.invitedBy,
    },
    group: groupJson(group),
  };
}
