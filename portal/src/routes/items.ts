import { Access, isFullAdministrator, signedInUser } from "../security/access";
import fs from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { readItemFields } from "../params/item-params";
import type { ItemRecord } from "../model/item-record";
import { type UserRecord } from "../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import type { ItemFields } from "../store/item-store";
import { registerOwnerItemRoute } from "./owner-item-route";
import {
  editableItem,
  folderNotFound,
  itemJsonFor,
  paramsOf,
  pathParam,
  pathUser,
  viewableItem,
} from "./content-support";
import { storeItemUploads } from "./item-uploads";
import { contentTypeOf } from "./content-types";

const deleteProtected = (): ArcGISRequestError =>
  new ArcGISRequestError(
    400,
    "Unable to delete item. Delete protection is turned on.",
    [],
    "CONT_0053",
  );

const DAY_MS = 24 * 3600 * 1000;

export function registerItemRoutes(app: FastifyInstance, services: PortalServices): void {
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  app.route({
    method: methods,
    url: "/sharing/rest/content/items/:itemId",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      return itemJsonFor(services, item, stateOf(request).user);
    },
  });

  app.route({
    method: methods,
    url: "/sharing/rest/content/items/:itemId/data",
    config: { access: Access.mayView("item") },
    handler: async (request, reply) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      services.items.countViews(item.id, Math.floor(Date.now() / DAY_MS));
      return sendData(services, item, reply);
    },
  });

  app.route({
    method: methods,
    url: "/sharing/rest/content/items/:itemId/info/*",
    config: { access: Access.mayView("item") },
    handler: async (request, reply) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const relative = decodeURIComponent(pathParam(request, "*"));
      const file = services.files.infoFile(item.id, relative);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        throw new ArcGISRequestError(400, "File not found", [], "CONT_0004");
      }
      return reply.type(contentTypeOf(file)).send(fs.createReadStream(file));
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/setContentStatus",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const item = editableItem(services, request, pathParam(request, "itemId"));
      const params = paramsOf(request);
      const status = (optionalString(params, "status") ?? "").toLowerCase();
      let stored: string | null;
      if (status === "") stored = null;
      else if (status === "deprecated") stored = "deprecated";
      else if (status === "authoritative" || status === "org_authoritative") {
        // Marking content authoritative is an administrator's call, not the owner's.
        if (!isFullAdministrator(signedInUser(request))) throw permissionDenied();
        stored = "org_authoritative";
      } else throw invalidParameter("status", "must be authoritative, deprecated or empty.");
      services.items.update(item.id, { contentStatus: stored }, false);
      return { success: true, itemId: item.id };
    },
  });

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/update",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/update",
    ],
    async (request, _owner, item) => {
      const { values, files } = stateOf(request).params;
      const { fields, categories } = readItemFields(values, item);
      const uploads = await storeItemUploads(services, item.id, item, values, files);
      services.items.update(item.id, mergeFields(fields, uploads, item));
      if (categories) services.items.setCategories(item.id, categories);
      return { success: true, id: item.id };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/delete",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/delete",
    ],
    async (_request, _owner, item) => {
      if (item.protected) throw deleteProtected();
      deleteItem(services, item);
      return { success: true, itemId: item.id };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/canDelete",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/canDelete",
    ],
    async (_request, _owner, item) =>
      item.protected
        ? {
            itemId: item.id,
            success: false,
            reason: { message: "Unable to delete item. Delete protection is turned on." },
          }
        : { itemId: item.id, success: true },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/protect",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/protect",
    ],
    async (_request, _owner, item) => {
      services.items.update(item.id, { protected: true }, false);
      return { success: true };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/unprotect",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/unprotect",
    ],
    async (_request, _owner, item) => {
      services.items.update(item.id, { protected: false }, false);
      return { success: true };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/move",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/move",
    ],
    async (request, owner, item) => {
      const folderId = targetFolder(services, owner, optionalString(paramsOf(request), "folder"));
      services.items.update(item.id, { folderId }, false);
      return { success: true, itemId: item.id, owner: owner.username, folder: folderId ?? "" };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/reassign",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/reassign",
    ],
    async (request, _owner, item) => {
      const caller = signedInUser(request);
      if (!isFullAdministrator(caller)) throw permissionDenied();
      const params = paramsOf(request);
      const targetName = optionalString(params, "targetUsername");
      if (!targetName) throw invalidParameter("targetUsername", "must be specified.");
      const target = services.users.find(targetName);
      if (!target || target.orgId !== caller.orgId) {
        throw new ArcGISRequestError(400, "User not found", [], "COM_0003");
      }
      const folderName = optionalString(params, "targetFoldername");
      const folderId = folderName ? targetFolder(services, target, folderName) : null;
      reassignItem(services, item, target.username, folderId);
      return { success: true, itemId: item.id };
    },
  );

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/items/:itemId/copy",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: async (request) => copyItem(services, request),
  });
}

/** The folder id for a `folder` parameter: "/" or empty is the root, else an id or a title. */
export function targetFolder(
  services: PortalServices,
  owner: UserRecord,
  folder: string | undefined,
): string | null {
  if (folder === undefined || folder === "/" || folder === "") return null;
  const found = services.folders.find(owner.username, folder);
  if (!found) throw folderNotFound();
  return found.id;
}

/**
 * Hands an item to a new owner with what it stands for, as ArcGIS Online does: a hosted layer's
 * service (whose data lives in it) and the views built on that service, with their items, and
 * the file item the layer was published from when the old owner holds it. The old owner keeps
 * no access through ownership; the new one gets it all.
 */
function reassignItem(
  services: PortalServices,
  item: ItemRecord,
  newOwner: string,
  folderId: string | null,
): void {
  const hostedServices = services.featureServices;
  const moveItem = (itemId: string | null | undefined): void => {
    const moved = itemId ? services.items.get(itemId) : null;
    if (moved && moved.owner === item.owner) {
      services.items.update(moved.id, { owner: newOwner, folderId });
    }
  };
  services.db.transaction(() => {
    services.items.update(item.id, { owner: newOwner, folderId });
    const service = hostedServices.byItem(item.id);
    if (!service) return;
    hostedServices.setOwner(service.id, newOwner);
    for (const view of hostedServices.viewsOf(service.id)) {
      hostedServices.setOwner(view.id, newOwner);
      moveItem(view.itemId);
    }
    const sourceItemId = service.definition.sourceItemId;
    moveItem(typeof sourceItemId === "string" ? sourceItemId : null);
  })();
}

/** Deletes an item with what it stands for: its files and, for a hosted layer, its service. */
export function deleteItem(services: PortalServices, item: ItemRecord): void {
  const hostedServices = services.featureServices;
  services.db.transaction(() => {
    const service = hostedServices.byItem(item.id);
    if (service) hostedServices.delete(service.id);
    services.items.delete(item.id);
  })();
  services.files.removeItem(item.id);
}

/** Uploaded files' fields win, and the Metadata keyword joins any keywords sent. */
export function mergeFields(
  fields: ItemFields,
  uploads: ItemFields,
  item: ItemRecord | null,
): ItemFields {
  const merged = { ...fields, ...uploads };
  if (uploads.typeKeywords) {
    const keywords = new Set([
      ...(fields.typeKeywords ?? item?.typeKeywords ?? []),
      ...uploads.typeKeywords,
    ]);
    merged.typeKeywords = [...keywords];
  }
  return merged;
}

async function sendData(
  services: PortalServices,
  item: ItemRecord,
  reply: FastifyReply,
): Promise<unknown> {
  const textFile = services.files.textFile(item.id);
  if (fs.existsSync(textFile)) {
    const text = fs.readFileSync(textFile, "utf8");
    return reply
      .type(looksLikeJson(text) ? "application/json; charset=utf-8" : "text/plain; charset=utf-8")
      .send(text);
  }
  if (item.name) {
    const file = services.files.dataFile(item.id, item.name);
    if (fs.existsSync(file)) {
      return reply
        .type(contentTypeOf(file))
        .header("Content-Disposition", `attachment; filename="${encodeURIComponent(item.name)}"`)
        .header("Content-Length", fs.statSync(file).size)
        .send(fs.createReadStream(file));
    }
  }
  // Items without data (URL items, empty ones) answer with an empty body.
  return reply.type("text/plain; charset=utf-8").send("");
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/** `copy`: the caller (path user) gets a new item with the same data, files and resources. */
async function copyItem(services: PortalServices, request: FastifyRequest): Promise<unknown> {
  const owner = pathUser(services, request, pathParam(request, "username"));
  const source = viewableItem(services, request, pathParam(request, "itemId"));
  const params = paramsOf(request);
  const folderId = targetFolder(services, owner, optionalString(params, "folder"));
  const suffix = Math.random().toString(16).slice(2, 8);
  const copy = services.items.insert(owner.username, owner.orgId, {
    title: optionalString(params, "title") ?? `${source.title} - Copy ${suffix}`,
    type: source.type,
    typeKeywords: source.typeKeywords,
    tags:
      optionalString(params, "tags")
        ?.split(",")
        .map((tag) => tag.trim()) ?? source.tags,
    snippet: optionalString(params, "snippet") ?? source.snippet,
    description: optionalString(params, "description") ?? source.description,
    url: source.url,
    extent: source.extent,
    properties: source.properties,
    extra: source.extra,
    folderId,
    name: source.name,
    size: source.size,
    thumbnail: source.thumbnail,
  });
  services.files.copyItem(source.id, copy.id);
  services.items.setCategories(copy.id, services.items.categoriesOf(source.id));
  return { success: true, itemId: copy.id, owner: owner.username, folder: folderId ?? "" };
}
