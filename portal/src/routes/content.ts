import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ItemRecord } from "../model/item-record";
import type { UserRecord } from "../model/user-record";
import { invalidUrl } from "../server/arcgis-error";
import type { PortalContext } from "../server/portal-context";
import { createContentServices, type ContentServices } from "../store/content-services";
import { ownedItem, pathParam, pathUser } from "./content-support";
import { registerCategoryRoutes } from "./categories";
import { registerCommentRoutes } from "./comments";
import { registerDependencyRoutes } from "./dependencies";
import { registerItemUsageRoutes } from "./item-usage";
import { registerItemRoutes } from "./items";
import { registerMultipartUploadRoutes } from "./multipart-upload";
import { registerRatingRoutes } from "./ratings";
import { registerRegisteredAppRoutes } from "./registered-apps";
import { registerRelationshipRoutes } from "./relationships";
import { registerResourceRoutes } from "./resources";
import { registerSearchRoutes } from "./search";
import { registerSharingRoutes } from "./sharing";
import { registerUserContentRoutes } from "./user-content";

/** An operation on `content/users/{username}[/{folder}]/items/{id}/{operation}`. */
export type UserItemOperation = (
  request: FastifyRequest,
  owner: UserRecord,
  item: ItemRecord,
) => Promise<unknown> | unknown;

export type UserItemOperations = Map<string, UserItemOperation>;

/** Every content route: items, folders, search, sharing, resources and the rest. */
export function registerContentRoutes(app: FastifyInstance, context: PortalContext): void {
  const services = createContentServices(context);
  const operations: UserItemOperations = new Map();
  registerItemRoutes(app, services, operations);
  registerUserContentRoutes(app, services);
  registerSearchRoutes(app, services);
  registerSharingRoutes(app, services, operations);
  registerResourceRoutes(app, services, operations);
  registerCommentRoutes(app, services);
  registerRatingRoutes(app, services);
  registerRelationshipRoutes(app, services);
  registerCategoryRoutes(app, services);
  registerRegisteredAppRoutes(app, services, operations);
  registerItemUsageRoutes(app, services);
  registerDependencyRoutes(app, services, operations);
  registerMultipartUploadRoutes(app, services, operations);
  registerUserItemDispatch(app, services, operations);
}

function registerUserItemDispatch(
  app: FastifyInstance,
  services: ContentServices,
  operations: UserItemOperations,
): void {
  const handler = async (request: FastifyRequest): Promise<unknown> => {
    const operation = operations.get(pathParam(request, "operation"));
    if (!operation) throw invalidUrl();
    const owner = pathUser(services, request, pathParam(request, "username"));
    const item = ownedItem(services, request, owner, pathParam(request, "itemId"));
    return operation(request, owner, item);
  };
  for (const url of [
    "/sharing/rest/content/users/:username/items/:itemId/:operation",
    "/sharing/rest/content/users/:username/:folderId/items/:itemId/:operation",
  ]) {
    app.route({
      method: ["GET", "POST"],
      url,
      config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
      handler,
    });
  }
}

export type { ContentServices };
