import type { FastifyRequest } from "fastify";
import { ArcGISRequestError } from "./arcgis-error";
import type { PortalServices } from "./portal-services";

/** `portals/{portalId}/…` routes answer for "self" or this portal's id, and "not found" else. */
export function requireOwnPortal(context: PortalServices, request: FastifyRequest): void {
  const { portalId } = request.params as { portalId: string };
  const org = context.organisations.get();
  if (portalId !== "self" && portalId !== org.id) {
    throw new ArcGISRequestError(400, "Portal not found.", [], "ORG_1000");
  }
}
