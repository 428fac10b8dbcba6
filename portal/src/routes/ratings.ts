import { Access, signedInUser } from "../security/access";
import type { FastifyInstance } from "fastify";
import { isOwner } from "../model/item-access";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { paramsOf, pathParam, viewableItem } from "./content-support";

export function registerRatingRoutes(app: FastifyInstance, services: PortalServices): void {
  const feedback = services.feedback;

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/addRating",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const caller = signedInUser(request);
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const text = optionalString(paramsOf(request), "rating");
      const rating = Number(text);
      if (text === undefined || !Number.isFinite(rating) || rating < 1 || rating > 5) {
        throw invalidParameter("rating", "must be a number from 1.0 to 5.0.");
      }
      if (isOwner(item, caller)) {
        throw new ArcGISRequestError(400, "You cannot rate your own item.", [], "CONT_0031");
      }
      feedback.setRating(item.id, caller.username, rating);
      return { success: true, id: item.id };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/deleteRating",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const caller = signedInUser(request);
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      feedback.setRating(item.id, caller.username, null);
      return { success: true, id: item.id };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/rating",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const caller = signedInUser(request);
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      return feedback.rating(item.id, caller.username) ?? {};
    },
  });
}
