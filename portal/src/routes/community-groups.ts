import { Access, signedInUser } from "../security/access";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  groupNotFound,
  missingParameter,
  operationFailed,
  userNotFound,
} from "../server/community-errors";
import { matchesQuery, parseCommunityQuery } from "../params/community-query";
import { canManageGroup, canViewGroup } from "../model/group-access";
import { readGroupFields } from "../params/group-fields";
import { groupJson, type GroupRecord, type MemberType } from "../model/group-record";
import { hasPrivilege } from "../model/role-catalogue";
import { searchPage } from "../params/search-page";
import type { UserRecord } from "../model/user-record";
import { permissionDenied } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];

/** The group named in the URL, if the caller may see it, with the caller's member type. */
export function visibleGroup(
  context: PortalServices,
  request: FastifyRequest,
): { group: GroupRecord; memberType: MemberType | null; user: UserRecord | null } {
  const { groupId } = request.params as { groupId: string };
  const { user } = stateOf(request);
  const group = context.groups.get(groupId);
  const memberType = group && user ? context.groups.memberType(group.id, user.username) : null;
  if (!group || !canViewGroup(group, user, memberType)) throw groupNotFound();
  return { group, memberType, user };
}

/** The group named in the URL, for an operation only its managers may perform. */
export function managedGroup(
  context: PortalServices,
  request: FastifyRequest,
): { group: GroupRecord; memberType: MemberType | null; user: UserRecord } {
  const user = signedInUser(request);
  const found = visibleGroup(context, request);
  if (!canManageGroup(found.group, user, found.memberType)) throw permissionDenied();
  return { ...found, user };
}

function groupSearchFields(group: GroupRecord): (field: string) => (string | number | null)[] {
  return (field) => {
    switch (field) {
      case "id":
        return [group.id];
      case "title":
        return [group.title];
      case "owner":
        return [group.owner];
      case "description":
        return [group.description];
      case "snippet":
        return [group.snippet];
      case "tags":
        return group.tags;
      case "typekeywords":
        return (group.extra.typeKeywords as string[] | undefined) ?? [];
      case "access":
        return [group.access];
      case "orgid":
      case "accountid":
        return [group.orgId];
      case "created":
        return [group.created];
      case "modified":
        return [group.modified];
      case "isinvitationonly":
        return [String(group.isInvitationOnly)];
      case "protected":
        return [String(group.protected)];
      default:
        return [];
    }
  };
}

export function registerCommunityGroupRoutes(app: FastifyInstance, context: PortalServices): void {
  app.route({
    method: "POST",
    url: "/sharing/rest/community/createGroup",
    config: { access: Access.privilege("portal:user:createGroup") },
    handler: async (request) => {
      const user = signedInUser(request);
      if (!hasPrivilege(user, "portal:user:createGroup")) throw permissionDenied();
      const { params } = stateOf(request);
      if (!params.values.title || params.values.title.trim() === "")
        throw missingParameter("title");
      const { fields, thumbnail } = readGroupFields(params, user, null);
      const title = fields.title as string;
      if (context.groups.titleTaken(user.orgId, title)) {
        throw operationFailed(
          `You already have a group named '${title}'. Try a different name.`,
          "COM_0044",
        );
      }
      const group = context.groups.create(user.orgId, user.username, { ...fields, title });
      if (thumbnail) context.thumbnails.put("group", group.id, thumbnail);
      return { success: true, group: groupJson(group) };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/groups",
    config: { access: Access.anyone },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      const query = parseCommunityQuery(params.values.q);
      const visible = context.groups.listInOrg(context.organisations.get().id).filter((group) => {
        const memberType = user ? context.groups.memberType(group.id, user.username) : null;
        return canViewGroup(group, user, memberType);
      });
      const hits = visible.filter((group) =>
        matchesQuery(query, groupSearchFields(group), [
          "title",
          "description",
          "snippet",
          "tags",
          "owner",
        ]),
      );
      const page = searchPage(
        hits,
        params.values,
        {
          title: (g) => g.title,
          owner: (g) => g.owner,
          created: (g) => g.created,
          modified: (g) => g.modified,
          id: (g) => g.id,
        },
        "title",
      );
      return { ...page, results: page.results.map((group) => groupJson(group)) };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/groups/:groupId",
    config: { access: Access.mayView("group") },
    handler: async (request) => {
      const { group, memberType, user } = visibleGroup(context, request);
      if (!user) return groupJson(group);
      const manages = canManageGroup(group, user, memberType);
      return groupJson(group, {
        username: user.username,
        memberType: memberType ?? "none",
        applications: manages ? context.groups.applications(group.id).length : 0,
      });
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/update",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
    handler: async (request) => {
      const { group, user } = managedGroup(context, request);
      const { params } = stateOf(request);
      const { fields, thumbnail } = readGroupFields(params, user, group);
      if (fields.title && context.groups.titleTaken(group.orgId, fields.title, group.id)) {
        throw operationFailed(`A group named '${fields.title}' already exists.`, "COM_0044");
      }
      context.groups.update(group.id, fields);
      if (thumbnail) context.thumbnails.put("group", group.id, thumbnail);
      else if (fields.thumbnail === null) context.thumbnails.delete("group", group.id);
      return { success: true, groupId: group.id };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/delete",
    config: { access: Access.ownerOrPrivilege("portal:admin:deleteGroups") },
    handler: async (request) => {
      const user = signedInUser(request);
      const { group, memberType } = visibleGroup(context, request);
      const mayDelete =
        memberType === "owner" ||
        (user.orgId === group.orgId && hasPrivilege(user, "portal:admin:deleteGroups"));
      if (!mayDelete) throw permissionDenied();
      if (group.protected) {
        throw operationFailed("Unable to delete group. Group is protected.", "COM_0036");
      }
      context.groups.delete(group.id);
      context.thumbnails.delete("group", group.id);
      return { success: true, groupId: group.id };
    },
  });

  for (const [operation, value] of [
    ["protect", true],
    ["unprotect", false],
  ] as const) {
    app.route({
      method: "POST",
      url: `/sharing/rest/community/groups/:groupId/${operation}`,
      config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
      handler: async (request) => {
        const { group } = managedGroup(context, request);
        context.groups.update(group.id, { protected: value });
        return { success: true };
      },
    });
  }

  app.route({
    method: "POST",
    url: "/sharing/rest/community/groups/:groupId/reassign",
    config: { access: Access.ownerOrPrivilege("portal:admin:reassignGroups") },
    handler: async (request) => {
      const user = signedInUser(request);
      const { group, memberType } = visibleGroup(context, request);
      const allowed =
        memberType === "owner" ||
        (user.orgId === group.orgId && hasPrivilege(user, "portal:admin:reassignGroups"));
      if (!allowed) throw permissionDenied();
      const targetName = stateOf(request).params.values.targetUsername;
      if (!targetName) throw missingParameter("targetUsername");
      const target = context.users.find(targetName);
      if (!target || target.orgId !== group.orgId) throw userNotFound();
      if (target.disabled || !hasPrivilege(target, "portal:user:createGroup")) {
        throw operationFailed(`User '${target.username}' cannot own groups.`, "COM_0087");
      }
      context.groups.reassign(group.id, group.owner, target.username);
      // The REST reference's answer: { success, groupId }.
      return { success: true, groupId: group.id };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/community/groups/:groupId/users",
    config: { access: Access.mayView("group") },
    handler: async (request) => {
      const { group, memberType, user } = visibleGroup(context, request);
      const seesMembers =
        memberType !== null ||
        (user !== null &&
          user.orgId === group.orgId &&
          hasPrivilege(user, "portal:admin:viewGroups"));
      if (!seesMembers) throw permissionDenied();
      const members = context.groups.members(group.id);
      return {
        owner: group.owner,
        admins: members.filter((m) => m.memberType !== "member").map((m) => m.username),
        users: members.filter((m) => m.memberType === "member").map((m) => m.username),
      };
    },
  });

  app.route({
    method: "GET",
    url: "/sharing/rest/community/groups/:groupId/info/*",
    config: { access: Access.mayView("group") },
    handler: async (request, reply) => {
      const { group } = visibleGroup(context, request);
      const thumbnail = context.thumbnails.get("group", group.id);
      const requested = (request.params as { "*": string })["*"];
      if (
        !thumbnail ||
        (requested !== thumbnail.filename && requested !== `thumbnail/${thumbnail.filename}`)
      ) {
        throw operationFailed("Thumbnail not found.", "COM_0018");
      }
      return sendImage(reply, thumbnail.contentType, thumbnail.data);
    },
  });
}

export function sendImage(reply: FastifyReply, contentType: string, data: Buffer): FastifyReply {
  return reply.code(200).type(contentType).send(data);
}
