import { Access, isFullAdministrator, mayShare, signedInUser } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canEditItem, isOwner } from "../model/item-access";
import { readList } from "../params/item-params";
import type { ItemAccess, ItemRecord } from "../model/item-record";
import { type UserRecord } from "../model/user-record";
import { invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalBoolean } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { sharingGroupJson } from "../store/sharing-groups";
import { registerOwnerItemRoute } from "./owner-item-route";
import { editableItem, paramsOf, pathParam, pathUser, viewableItem } from "./content-support";

const MAX_BATCH = 100;

export function registerSharingRoutes(app: FastifyInstance, services: PortalServices): void {
  const share = async (request: FastifyRequest, item: ItemRecord): Promise<unknown> => {
    const params = paramsOf(request);
    const caller = signedInUser(request);
    const everyone = optionalBoolean(params, "everyone") ?? false;
    const org = optionalBoolean(params, "org") ?? false;
    const groups = readList(params.groups);
    if (!sharingAllowed(caller, item, everyone, org, groups)) throw permissionDenied();
    const { allowed, refused } = shareableGroups(services, caller, groups);
    for (const groupId of allowed) services.items.shareWithGroup(item.id, groupId);
    services.items.setAccess(item.id, accessFor(services, item.id, everyone, org));
    return { notSharedWith: refused, itemId: item.id };
  };
  const unshare = async (request: FastifyRequest, item: ItemRecord): Promise<unknown> => {
    const groups = readList(paramsOf(request).groups);
    const notUnsharedFrom = unshareFromGroups(services, item, groups);
    const current = services.items.get(item.id) as ItemRecord;
    if (current.access === "shared" && services.items.groupIdsOf(item.id).length === 0) {
      services.items.setAccess(item.id, "private");
    }
    return { notUnsharedFrom, itemId: item.id };
  };

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/share",
    config: { access: Access.ownerOrPrivilege("portal:admin:shareToGroup") },
    handler: async (request) =>
      share(request, editableItem(services, request, pathParam(request, "itemId"))),
  });
  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/unshare",
    config: { access: Access.ownerOrPrivilege("portal:admin:shareToGroup") },
    handler: async (request) =>
      unshare(request, editableItem(services, request, pathParam(request, "itemId"))),
  });
  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/share",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/share",
    ],
    (request, _owner, item) => share(request, item),
  );
  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/unshare",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/unshare",
    ],
    (request, _owner, item) => unshare(request, item),
  );

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/groups",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const viewer = stateOf(request).user;
      const admin: unknown[] = [];
      const member: unknown[] = [];
      const other: unknown[] = [];
      for (const groupId of services.items.groupIdsOf(item.id)) {
        const group = services.sharingGroups.get(groupId);
        if (!group) continue;
        const membership = viewer
          ? services.sharingGroups.memberType(groupId, viewer.username)
          : null;
        const json = sharingGroupJson(group);
        if (membership === "owner" || membership === "admin") admin.push(json);
        else if (membership === "member") member.push(json);
        else if (group.access !== "private" || (viewer && canEditItem(item, viewer)))
          other.push(json);
      }
      return { admin, member, other };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/shareItems",
    config: { access: Access.ownerOrPrivilege("portal:admin:shareToGroup") },
    handler: async (request) => {
      pathUser(services, request, pathParam(request, "username"));
      const caller = signedInUser(request);
      const params = paramsOf(request);
      const groups = readList(params.groups);
      const everyone = optionalBoolean(params, "everyone") ?? false;
      const org = optionalBoolean(params, "org") ?? false;
      const ids = batchOf(params);
      // One transaction for the batch: one commit instead of two for each of 100 items; the
      // groups the caller may share to are the same for every item, so they are read once.
      const results = services.db.transaction(() => {
        const { allowed, refused } = shareableGroups(services, caller, groups);
        return ids.map((id) => {
          const item = services.items.get(id);
          if (
            !item ||
            !canEditItem(item, caller) ||
            !sharingAllowed(caller, item, everyone, org, groups)
          )
            return { itemId: id, success: false, notSharedWith: groups };
          for (const groupId of allowed) services.items.shareWithGroup(item.id, groupId);
          // The batch operation only widens access; narrowing is the single-item share's job.
          const access = widen(accessFor(services, item.id, everyone, org), item.access);
          if (access !== item.access) services.items.setAccess(item.id, access);
          return { itemId: id, success: true, notSharedWith: refused };
        });
      })();
      return { results };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/unshareItems",
    config: { access: Access.ownerOrPrivilege("portal:admin:shareToGroup") },
    handler: async (request) => {
      pathUser(services, request, pathParam(request, "username"));
      const caller = signedInUser(request);
      const params = paramsOf(request);
      const groups = readList(params.groups);
      if (groups.length === 0) throw invalidParameter("groups", "must list at least one group id.");
      const ids = batchOf(params);
      const results = services.db.transaction(() =>
        ids.map((id) => {
          const item = services.items.get(id);
          if (!item || !canEditItem(item, caller))
            return { itemId: id, success: false, notUnsharedFrom: groups };
          const notUnsharedFrom = unshareFromGroups(services, item, groups);
          if (item.access === "shared" && services.items.groupIdsOf(item.id).length === 0) {
            services.items.setAccess(item.id, "private");
          }
          return { itemId: id, success: true, notUnsharedFrom };
        }),
      )();
      return { results };
    },
  });
}

/** Whether the caller's privileges reach each audience asked for. */
function sharingAllowed(
  caller: UserRecord,
  item: ItemRecord,
  everyone: boolean,
  org: boolean,
  groups: readonly string[],
): boolean {
  const owns = isOwner(item, caller);
  return (
    (!everyone || mayShare(caller, owns, "public")) &&
    (!org || mayShare(caller, owns, "org")) &&
    (groups.length === 0 || mayShare(caller, owns, "group"))
  );
}

function batchOf(params: Record<string, string>): string[] {
  const ids = readList(params.items);
  if (ids.length === 0) throw invalidParameter("items", "must list at least one item id.");
  if (ids.length > MAX_BATCH) throw invalidParameter("items", `allows at most ${MAX_BATCH} items.`);
  return ids;
}

/**
 * The groups of `groupIds` the caller may share to, and those refused: members share to their
 * groups (only owners and managers to view-only ones); administrators to any group of their
 * organisation. A group that does not exist is refused.
 */
function shareableGroups(
  services: PortalServices,
  caller: UserRecord,
  groupIds: readonly string[],
): { allowed: string[]; refused: string[] } {
  const allowed: string[] = [];
  const refused: string[] = [];
  for (const groupId of groupIds) {
    const group = services.sharingGroups.get(groupId);
    const membership = group ? services.sharingGroups.memberType(groupId, caller.username) : null;
    const may =
      group !== null &&
      ((isFullAdministrator(caller) && group.orgId === caller.orgId) ||
        (membership !== null && (!group.isViewOnly || membership !== "member")));
    (may ? allowed : refused).push(groupId);
  }
  return { allowed, refused };
}

function unshareFromGroups(
  services: PortalServices,
  item: ItemRecord,
  groupIds: readonly string[],
): string[] {
  const shared = new Set(services.items.groupIdsOf(item.id));
  const refused: string[] = [];
  for (const groupId of groupIds) {
    if (shared.has(groupId)) services.items.unshareFromGroup(item.id, groupId);
    else refused.push(groupId);
  }
  return refused;
}

/** The access level that `everyone`/`org` and the item's groups give. */
function accessFor(
  services: PortalServices,
  itemId: string,
  everyone: boolean,
  org: boolean,
): ItemAccess {
  if (everyone) return "public";
  if (org) return "org";
  return services.items.groupIdsOf(itemId).length > 0 ? "shared" : "private";
}

const ACCESS_RANK: Record<ItemAccess, number> = { private: 0, shared: 1, org: 2, public: 3 };

function widen(next: ItemAccess, current: ItemAccess): ItemAccess {
  return ACCESS_RANK[next] >= ACCESS_RANK[current] ? next : current;
}
