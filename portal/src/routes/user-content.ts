import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { readItemFields, readList } from "../params/item-params";
import { canEditItem } from "../model/item-access";
import type { UserRecord } from "../model/user-record";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalBoolean, optionalInteger, optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { folderJson, type FolderRecord } from "../store/folder-store";
import { safeName } from "../store/item-files";
import { folderNotFound, itemJsonsFor, paramsOf, pathParam, pathUser } from "./content-support";
import { deleteItem, mergeFields, targetFolder } from "./items";
import { storeItemUploads } from "./item-uploads";

const MAX_PAGE = 100;

export function registerUserContentRoutes(app: FastifyInstance, services: PortalServices): void {
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  const listContent = async (request: FastifyRequest): Promise<unknown> => {
    const owner = pathUser(services, request, pathParam(request, "username"));
    const folderParam = pathParam(request, "folderId");
    const folder = folderParam ? services.folders.find(owner.username, folderParam) : null;
    if (folderParam && !folder) throw folderNotFound();
    const params = paramsOf(request);
    const start = optionalInteger(params, "start", { min: 1 }) ?? 1;
    const num = Math.min(optionalInteger(params, "num", { min: 0 }) ?? 10, MAX_PAGE);
    const page = services.items.listOwned(owner.username, folder?.id ?? null, start, num);
    const viewer = stateOf(request).user;
    const end = start - 1 + page.items.length;
    return {
      username: owner.username,
      total: page.total,
      start,
      num,
      nextStart: end < page.total && page.items.length > 0 ? end + 1 : -1,
      currentFolder: folder ? folderJson(folder) : null,
      items: itemJsonsFor(services, page.items, viewer),
      folders: folder ? [] : services.folders.list(owner.username).map(folderJson),
    };
  };
  app.route({
    method: methods,
    url: "/sharing/rest/content/users/:username",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewItems") },
    handler: listContent,
  });
  app.route({
    method: methods,
    url: "/sharing/rest/content/users/:username/:folderId",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewItems") },
    handler: listContent,
  });

  const addItem = async (request: FastifyRequest): Promise<unknown> => {
    const owner = pathUser(services, request, pathParam(request, "username"));
    const folderParam = pathParam(request, "folderId");
    const folderId = folderParam ? targetFolder(services, owner, folderParam) : null;
    const { values, files } = stateOf(request).params;
    const { fields, categories } = readItemFields(values, null);
    if (!fields.type) throw invalidParameter("type", "must be specified.");
    const multipart = optionalBoolean(values, "multipart") ?? false;
    const filename = optionalString(values, "filename");
    if (multipart && !filename)
      throw invalidParameter("filename", "is required for multipart uploads.");
    const title = fields.title ?? filename ?? files.file?.filename;
    if (!title) throw invalidParameter("title", "must be specified.");

    const item = services.items.insert(owner.username, owner.orgId, {
      ...fields,
      title,
      type: fields.type,
      folderId,
      name: multipart && filename ? safeName(filename) : null,
      uploadStatus: multipart ? "partial" : null,
    });
    try {
      const uploads = await storeItemUploads(services, item.id, item, values, files);
      services.items.update(item.id, mergeFields(fields, uploads, item), false);
      if (categories) services.items.setCategories(item.id, categories);
    } catch (error) {
      // Nothing half-written: an item whose files failed is removed again.
      deleteItem(services, item);
      throw error;
    }
    return { success: true, id: item.id, folder: folderId ?? "" };
  };
  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/addItem",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: addItem,
  });
  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/:folderId/addItem",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: addItem,
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/createFolder",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: async (request) => {
      const owner = pathUser(services, request, pathParam(request, "username"));
      const title = optionalString(paramsOf(request), "title")?.trim();
      if (!title) throw invalidParameter("title", "must be specified.");
      if (/[\\/]/.test(title)) throw invalidParameter("title", "must not contain / or \\.");
      if (services.folders.find(owner.username, title)) {
        throw new ArcGISRequestError(400, `Folder '${title}' already exists.`, [], "CONT_0042");
      }
      return { success: true, folder: folderJson(services.folders.create(owner.username, title)) };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/:folderId/delete",
    config: { access: Access.ownerOrPrivilege("portal:admin:deleteItems") },
    handler: async (request) => {
      const { folder } = ownFolder(services, request);
      const items = services.items.getMany(services.items.idsInFolder(folder.id));
      if (items.some((item) => item.protected)) {
        throw new ArcGISRequestError(
          400,
          "Unable to delete folder. It contains protected items.",
          [],
          "CONT_0053",
        );
      }
      for (const item of items) deleteItem(services, item);
      services.folders.delete(folder.id);
      return { success: true, folder: folderJson(folder) };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/:folderId/updateFolder",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const { owner, folder } = ownFolder(services, request);
      const title = optionalString(paramsOf(request), "title")?.trim();
      if (!title) throw invalidParameter("title", "must be specified.");
      const clash = services.folders.find(owner.username, title);
      if (clash && clash.id !== folder.id) {
        throw new ArcGISRequestError(400, `Folder '${title}' already exists.`, [], "CONT_0042");
      }
      services.folders.rename(folder.id, title);
      return { success: true };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/deleteItems",
    config: { access: Access.ownerOrPrivilege("portal:admin:deleteItems") },
    handler: async (request) => {
      const owner = pathUser(services, request, pathParam(request, "username"));
      const viewer = stateOf(request).user;
      const ids = readList(paramsOf(request).items);
      if (ids.length === 0) throw invalidParameter("items", "must list at least one item id.");
      const results = ids.map((id) => {
        const item = services.items.get(id);
        if (
          !item ||
          !canEditItem(item, viewer) ||
          item.owner.toLowerCase() !== owner.username.toLowerCase()
        ) {
          return failure(id, 400, "Item does not exist or is inaccessible.");
        }
        if (item.protected)
          return failure(id, 400, "Unable to delete item. Delete protection is turned on.");
        deleteItem(services, item);
        return { itemId: id, success: true };
      });
      return { results };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/moveItems",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const owner = pathUser(services, request, pathParam(request, "username"));
      const viewer = stateOf(request).user;
      const params = paramsOf(request);
      const folderId = targetFolder(services, owner, optionalString(params, "folder"));
      const results = readList(params.items).map((id) => {
        const item = services.items.get(id);
        if (
          !item ||
          !canEditItem(item, viewer) ||
          item.owner.toLowerCase() !== owner.username.toLowerCase()
        ) {
          return failure(id, 400, "Item does not exist or is inaccessible.");
        }
        services.items.update(id, { folderId }, false);
        return { itemId: id, success: true };
      });
      return { results };
    },
  });
}

function failure(itemId: string, code: number, message: string): Record<string, unknown> {
  return { itemId, success: false, error: { code, message, details: [] } };
}

function ownFolder(
  services: PortalServices,
  request: FastifyRequest,
): { owner: UserRecord; folder: FolderRecord } {
  const owner = pathUser(services, request, pathParam(request, "username"));
  const folder = services.folders.find(owner.username, pathParam(request, "folderId"));
  if (!folder) throw folderNotFound();
  return { owner, folder };
}
