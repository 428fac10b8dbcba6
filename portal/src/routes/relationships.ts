import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canViewItem } from "../model/item-access";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalChoice, optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import type { ItemRecord } from "../model/item-record";
import { itemJsonsFor, paramsOf, pathParam, pathUser, viewableItem } from "./content-support";

interface RelationshipRow {
  origin_id: string;
  destination_id: string;
  relationship_type: string;
  owner: string;
}

export function registerRelationshipRoutes(app: FastifyInstance, services: PortalServices): void {
  const db = services.db;
  const read = (
    request: FastifyRequest,
  ): { origin: ItemRecord; destination: ItemRecord; type: string } => {
    const params = paramsOf(request);
    const originId = optionalString(params, "originItemId");
    const destinationId = optionalString(params, "destinationItemId");
    const type = optionalString(params, "relationshipType");
    if (!originId) throw invalidParameter("originItemId", "must be specified.");
    if (!destinationId) throw invalidParameter("destinationItemId", "must be specified.");
    if (!type) throw invalidParameter("relationshipType", "must be specified.");
    if (originId === destinationId)
      throw invalidParameter("destinationItemId", "must differ from the origin.");
    return {
      origin: viewableItem(services, request, originId),
      destination: viewableItem(services, request, destinationId),
      type,
    };
  };

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/addRelationship",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const user = pathUser(services, request, pathParam(request, "username"));
      const { origin, destination, type } = read(request);
      db.prepare(
        `INSERT OR IGNORE INTO item_relationships (origin_id, destination_id, relationship_type, owner, created)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(origin.id, destination.id, type, user.username, Date.now());
      return { success: true };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/users/:username/deleteRelationship",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const user = pathUser(services, request, pathParam(request, "username"));
      const { origin, destination, type } = read(request);
      const row = db
        .prepare(
          "SELECT * FROM item_relationships WHERE origin_id = ? AND destination_id = ? AND relationship_type = ?",
        )
        .get(origin.id, destination.id, type) as RelationshipRow | undefined;
      if (!row) throw new ArcGISRequestError(400, "Relationship does not exist.", [], "CONT_0035");
      // Users delete only the relationships they created.
      if (row.owner.toLowerCase() !== user.username.toLowerCase()) throw permissionDenied();
      db.prepare(
        "DELETE FROM item_relationships WHERE origin_id = ? AND destination_id = ? AND relationship_type = ?",
      ).run(origin.id, destination.id, type);
      return { success: true };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/relatedItems",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const params = paramsOf(request);
      const types = (optionalString(params, "relationshipType") ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      if (types.length === 0) throw invalidParameter("relationshipType", "must be specified.");
      const direction = optionalChoice(params, "direction", ["forward", "reverse"]) ?? "forward";
      const [mine, other] =
        direction === "forward" ? ["origin_id", "destination_id"] : ["destination_id", "origin_id"];
      const ids = (
        db
          .prepare(
            `SELECT ${other} AS id FROM item_relationships WHERE ${mine} = ?
             AND relationship_type IN (${types.map(() => "?").join(",")}) ORDER BY created`,
          )
          .all(item.id, ...types) as { id: string }[]
      ).map((row) => row.id);
      const viewer = stateOf(request).user;
      const visible = services.items
        .getMany(ids)
        .filter((related) =>
          canViewItem(related, viewer, () =>
            viewer ? services.items.sharedWithMemberOf(related.id, viewer.username) : false,
          ),
        );
      return {
        total: visible.length,
        relatedItems: itemJsonsFor(services, visible, viewer),
      };
    },
  });
}
