import type { FastifyInstance } from "fastify";
import { Access } from "../security/access";
import {
  passwordPolicyOf,
  resetPasswordPolicy,
  updatePasswordPolicy,
} from "../security/security-policy";
import { ArcGISRequestError } from "../server/arcgis-error";
import type { PortalContext } from "../server/portal-context";
import { stateOf } from "../server/request-state";
import { OrgDocumentStore } from "../store/org-document-store";

const MANAGE_SECURITY = "portal:admin:manageSecurity";

/** `portals/{id}/securityPolicy` with its update and reset operations. */
export function registerSecurityPolicyRoutes(app: FastifyInstance, context: PortalContext): void {
  const documents = new OrgDocumentStore(context.db);
  const checkPortal = (portalId: string): void => {
    const org = context.organisations.get();
    if (portalId !== "self" && portalId !== org.id)
      throw new ArcGISRequestError(400, "Portal not found.", [], "ORG_1000");
  };
  const base = "/sharing/rest/portals/:portalId/securityPolicy";

  app.route({
    method: ["GET", "POST"],
    url: base,
    config: { access: Access.signedIn },
    handler: async (request) => {
      checkPortal((request.params as { portalId: string }).portalId);
      return { passwordPolicy: passwordPolicyOf(documents) };
    },
  });

  app.route({
    method: "POST",
    url: `${base}/update`,
    config: { access: Access.privilege(MANAGE_SECURITY) },
    handler: async (request) => {
      checkPortal((request.params as { portalId: string }).portalId);
      updatePasswordPolicy(documents, stateOf(request).params.values);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: `${base}/reset`,
    config: { access: Access.privilege(MANAGE_SECURITY) },
    handler: async (request) => {
      checkPortal((request.params as { portalId: string }).portalId);
      resetPasswordPolicy(documents);
      return { success: true };
    },
  });
}
