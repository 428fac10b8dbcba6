import { isFullAdministrator, signedInUser } from "../security/access";
import type { FastifyRequest } from "fastify";
import { canEditItem, canViewItem } from "../model/item-access";
import { itemJson, type ItemRecord } from "../model/item-record";
import { type UserRecord } from "../model/user-record";
import { ArcGISRequestError, permissionDenied } from "../server/arcgis-error";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";

export const itemNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Item does not exist or is inaccessible.", [], "CONT_0001");

/** A hidden item answers with the same message as a missing one, so ids cannot be probed. */
export const itemInaccessible = (): ArcGISRequestError =>
  new ArcGISRequestError(403, "Item does not exist or is inaccessible.", [], "CONT_0001");

export const folderNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Folder does not exist or is inaccessible.", [], "CONT_0011");

export function paramsOf(request: FastifyRequest): Record<string, string> {
  return stateOf(request).params.values;
}

export function pathParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? "";
}

/** The item if the caller may see it. */
export function viewableItem(
  services: PortalServices,
  request: FastifyRequest,
  id: string,
): ItemRecord {
  const item = services.items.get(id);
  if (!item) throw itemNotFound();
  const viewer = stateOf(request).user;
  const visible = canViewItem(item, viewer, () =>
    viewer ? services.items.sharedWithMemberOf(item.id, viewer.username) : false,
  );
  if (!visible) throw itemInaccessible();
  return item;
}

/** The item if the caller may change it: its owner or an administrator of its organisation. */
export function editableItem(
  services: PortalServices,
  request: FastifyRequest,
  id: string,
): ItemRecord {
  const item = viewableItem(services, request, id);
  if (!canEditItem(item, stateOf(request).user)) throw permissionDenied();
  return item;
}

/**
 * The user named in a `content/users/{username}` path: the caller themself, or anyone of the
 * organisation when the caller administers it.
 */
export function pathUser(
  services: PortalServices,
  request: FastifyRequest,
  username: string,
): UserRecord {
  const caller = signedInUser(request);
  if (caller.username.toLowerCase() === username.toLowerCase()) return caller;
  const target = services.users.find(username);
  if (!isFullAdministrator(caller)) throw permissionDenied();
  if (!target || target.orgId !== caller.orgId) {
    throw new ArcGISRequestError(400, "User not found", [], "COM_0003");
  }
  return target;
}

/** An item in a `content/users/{username}/items/{id}` path must belong to that user. */
export function ownedItem(
  services: PortalServices,
  request: FastifyRequest,
  owner: UserRecord,
  id: string,
): ItemRecord {
  const item = editableItem(services, request, id);
  if (item.owner.toLowerCase() !== owner.username.toLowerCase()) throw itemNotFound();
  return item;
}

/** The item JSON as the viewer sees it (owners also see `itemControl`). */
export function itemJsonFor(
  services: PortalServices,
  item: ItemRecord,
  viewer: UserRecord | null,
): Record<string, unknown> {
  return itemJsonsFor(services, [item], viewer)[0];
}

/** {@link itemJsonFor} for a page of items, reading their categories in one query. */
export function itemJsonsFor(
  services: PortalServices,
  items: readonly ItemRecord[],
  viewer: UserRecord | null,
): Record<string, unknown>[] {
  const categories = services.items.categoriesOfItems(items.map((item) => item.id));
  return items.map((item) =>
    withItemControl(itemJson(item, categories.get(item.id) ?? []), item, viewer),
  );
}

function withItemControl(
  json: Record<string, unknown>,
  item: ItemRecord,
  viewer: UserRecord | null,
): Record<string, unknown> {
  if (viewer && canEditItem(item, viewer)) {
    json.itemControl =
      item.owner.toLowerCase() === viewer.username.toLowerCase() ? "admin" : "update";
  }
  return json;
}
