import type { FastifyInstance } from "fastify";
import type { PortalServices } from "../server/portal-services";
import { registerCategoryRoutes } from "./categories";
import { registerCommentRoutes } from "./comments";
import { registerDependencyRoutes } from "./dependencies";
import { registerItemUsageRoutes } from "./item-usage";
import { registerItemRoutes } from "./items";
import { registerMultipartUploadRoutes } from "./multipart-upload";
import { registerUnknownOwnerItemOperation } from "./owner-item-route";
import { registerRatingRoutes } from "./ratings";
import { registerRegisteredAppRoutes } from "./registered-apps";
import { registerRelationshipRoutes } from "./relationships";
import { registerResourceRoutes } from "./resources";
import { registerSearchRoutes } from "./search";
import { registerSharingRoutes } from "./sharing";
import { registerUserContentRoutes } from "./user-content";

/** Every content route: items, folders, search, sharing, resources and the rest. */
export function registerContentRoutes(app: FastifyInstance, services: PortalServices): void {
  registerItemRoutes(app, services);
  registerUserContentRoutes(app, services);
  registerSearchRoutes(app, services);
  registerSharingRoutes(app, services);
  registerResourceRoutes(app, services);
  registerCommentRoutes(app, services);
  registerRatingRoutes(app, services);
  registerRelationshipRoutes(app, services);
  registerCategoryRoutes(app, services);
  registerRegisteredAppRoutes(app, services);
  registerItemUsageRoutes(app, services);
  registerDependencyRoutes(app, services);
  registerMultipartUploadRoutes(app, services);
  registerUnknownOwnerItemOperation(app);
}
