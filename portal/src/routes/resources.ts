import { Access } from "../security/access";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ItemRecord } from "../model/item-record";
import type { UserRecord } from "../model/user-record";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalBoolean, optionalInteger, optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { readZipEntries } from "../store/zip-entries";
import { registerOwnerItemRoute } from "./owner-item-route";
import { paramsOf, pathParam, viewableItem } from "./content-support";
import { contentTypeOf } from "./content-types";

const ALLOWED_EXTENSIONS = new Set([
  ".json",
  ".xml",
  ".txt",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".bmp",
  ".pdf",
  ".mp3",
  ".mp4",
  ".zip",
  ".csv",
  ".geojson",
  ".svg",
  ".pbf",
  ".html",
  ".css",
  ".js",
  ".glb",
]);
const MAX_RESOURCE_BYTES = 25 * 1024 * 1024;

const typeNotAllowed = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "File type not allowed for addResources", [], "CONT_0093");
const resourceMissing = (): ArcGISRequestError =>
  new ArcGISRequestError(404, "Resource does not exist or is inaccessible.", []);

export function registerResourceRoutes(app: FastifyInstance, services: PortalServices): void {
  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/resources",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const params = paramsOf(request);
      const start = optionalInteger(params, "start", { min: 1 }) ?? 1;
      const num = Math.min(optionalInteger(params, "num", { min: 0 }) ?? 1000, 1000);
      const all = services.files.listResources(item.id);
      const page = all.slice(start - 1, start - 1 + num);
      const end = start - 1 + page.length;
      return {
        total: all.length,
        start,
        num,
        nextStart: end < all.length ? end + 1 : -1,
        resources: page.map((entry) => ({ ...entry, access: "inherit" })),
      };
    },
  });

  app.route({
    method: ["GET"],
    url: "/sharing/rest/content/items/:itemId/resources/*",
    config: { access: Access.mayView("item") },
    handler: async (request, reply) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const file = services.files.resourceFile(
        item.id,
        decodeURIComponent(pathParam(request, "*")),
      );
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) throw resourceMissing();
      return reply.type(contentTypeOf(file)).send(fs.createReadStream(file));
    },
  });

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/addResources",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/addResources",
    ],
    (request, owner, item) => writeResource(services, request, owner, item, false),
  );
  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/updateResources",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/updateResources",
    ],
    (request, owner, item) => writeResource(services, request, owner, item, true),
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/removeResources",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/removeResources",
    ],
    async (request, owner, item) => {
      const params = paramsOf(request);
      if (optionalBoolean(params, "deleteAll")) {
        fs.rmSync(services.files.resourcesDir(item.id), { recursive: true, force: true });
      } else {
        const resource = optionalString(params, "resource");
        if (!resource) throw invalidParameter("resource", "must name the resource to remove.");
        const file = services.files.resourceFile(item.id, resource);
        if (!file || !fs.existsSync(file)) throw resourceMissing();
        fs.rmSync(file);
      }
      services.items.update(item.id, {});
      return { success: true, itemId: item.id, owner: owner.username, folder: item.folderId ?? "" };
    },
  );
}

async function writeResource(
  services: PortalServices,
  request: FastifyRequest,
  owner: UserRecord,
  item: ItemRecord,
  replacing: boolean,
): Promise<unknown> {
  const { values, files } = stateOf(request).params;
  const prefix = (optionalString(values, "resourcesPrefix") ?? "").replace(/^\/+|\/+$/g, "");
  const text = values.text;
  const upload = files.file;
  if (!upload && text === undefined) throw invalidParameter("file", "or text must be given.");
  const fileName = optionalString(values, "fileName") ?? upload?.filename;
  if (!fileName) throw invalidParameter("fileName", "is required with text.");
  const bytes = upload ? upload.data : Buffer.from(text ?? "", "utf8");
  if (bytes.length > MAX_RESOURCE_BYTES) throw invalidParameter("file", "must be at most 25 MB.");

  if (optionalBoolean(values, "archive") && upload) {
    let entries;
    try {
      entries = readZipEntries(bytes);
    } catch (error) {
      throw invalidParameter(
        "file",
        `is not a readable zip archive (${(error as Error).message}).`,
      );
    }
    const targets = entries.map((entry) => {
      const target = services.files.resourceFile(item.id, path.posix.join(prefix, entry.name));
      if (!target)
        throw invalidParameter("file", `holds a path outside the resources: ${entry.name}`);
      return { target, data: entry.data };
    });
    for (const { target, data } of targets) await services.files.write(target, { buffer: data });
  } else {
    if (!ALLOWED_EXTENSIONS.has(path.extname(fileName).toLowerCase())) throw typeNotAllowed();
    const target = services.files.resourceFile(
      item.id,
      path.posix.join(prefix, path.basename(fileName)),
    );
    if (!target)
      throw invalidParameter("resourcesPrefix", "must stay inside the item's resources.");
    if (replacing && !fs.existsSync(target)) throw resourceMissing();
    await services.files.write(target, { buffer: bytes });
  }
  services.items.update(item.id, {});
  return { success: true, itemId: item.id, owner: owner.username, folder: item.folderId ?? "" };
}
