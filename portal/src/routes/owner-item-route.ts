import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ItemRecord } from "../model/item-record";
import type { UserRecord } from "../model/user-record";
import { Access } from "../security/access";
import { invalidUrl } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { ownedItem, pathParam, pathUser } from "./content-support";

/** An operation on an item its owner addresses as `content/users/{username}[/{folder}]/items/{id}/…`. */
export type OwnerItemOperation = (
  request: FastifyRequest,
  owner: UserRecord,
  item: ItemRecord,
) => Promise<unknown> | unknown;

/**
 * Registers an owner-scoped item operation at each of its literal URLs (usually one at the root
 * folder and one inside a folder). The owner and the item are resolved and checked before the
 * operation runs: the caller must be the owner or hold the privilege to update any item.
 */
export function registerOwnerItemRoute(
  app: FastifyInstance,
  services: PortalServices,
  urls: readonly string[],
  operation: OwnerItemOperation,
): void {
  for (const url of urls) {
    app.route({
      method: ["GET", "POST"],
      url,
      config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
      handler: async (request) => {
        const owner = pathUser(services, request, pathParam(request, "username"));
        const item = ownedItem(services, request, owner, pathParam(request, "itemId"));
        return operation(request, owner, item);
      },
    });
  }
}

/**
 * Any other operation name under an owner's item answers "Invalid URL", but only after the
 * access rule the operations share: an anonymous caller is asked for a token (499) first, as
 * before the operations had their own URLs. Each operation's literal URL wins over this
 * parametric one.
 */
export function registerUnknownOwnerItemOperation(app: FastifyInstance): void {
  for (const url of [
    "/sharing/rest/content/users/:username/items/:itemId/:operation",
    "/sharing/rest/content/users/:username/:folderId/items/:itemId/:operation",
  ]) {
    app.route({
      method: ["GET", "POST"],
      url,
      config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
      handler: async () => {
        throw invalidUrl();
      },
    });
  }
}
