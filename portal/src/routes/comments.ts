import { Access, signedInUser } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canEditItem } from "../model/item-access";
import type { ItemRecord } from "../model/item-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { paramsOf, pathParam, viewableItem } from "./content-support";

const commentNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Comment does not exist or is inaccessible.", [], "CONT_0020");

export function registerCommentRoutes(app: FastifyInstance, services: PortalServices): void {
  const feedback = services.feedback;
  const commentText = (request: FastifyRequest): string => {
    const text = optionalString(paramsOf(request), "comment");
    if (!text || text.trim() === "") throw invalidParameter("comment", "must not be empty.");
    return text;
  };
  const commentableItem = (request: FastifyRequest): ItemRecord => {
    signedInUser(request);
    const item = viewableItem(services, request, pathParam(request, "itemId"));
    if (item.extra.commentsEnabled === false) {
      throw new ArcGISRequestError(400, "Comments are disabled for this item.", [], "CONT_0021");
    }
    return item;
  };

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/addComment",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const item = commentableItem(request);
      const record = feedback.addComment(
        item.id,
        signedInUser(request).username,
        commentText(request),
      );
      return { success: true, commentId: record.id };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/comments",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      return {
        comments: feedback.comments(item.id).map(({ itemId: _itemId, ...comment }) => comment),
      };
    },
  });

  const ownComment = (request: FastifyRequest): { item: ItemRecord; commentId: string } => {
    const caller = signedInUser(request);
    const item = viewableItem(services, request, pathParam(request, "itemId"));
    const comment = feedback.comment(item.id, pathParam(request, "commentId"));
    if (!comment) throw commentNotFound();
    // Authors edit their comments; item owners and admins may remove any comment on their item.
    const isAuthor = comment.owner.toLowerCase() === caller.username.toLowerCase();
    if (!isAuthor && !(request.url.includes("/delete") && canEditItem(item, caller)))
      throw permissionDenied();
    return { item, commentId: comment.id };
  };

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/comments/:commentId/update",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { commentId } = ownComment(request);
      feedback.updateComment(commentId, commentText(request));
      return { success: true, commentId };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/items/:itemId/comments/:commentId/delete",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { item, commentId } = ownComment(request);
      feedback.deleteComment(item.id, commentId);
      return { success: true, commentId };
    },
  });
}
