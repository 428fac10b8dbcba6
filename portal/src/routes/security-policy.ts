import type { FastifyInstance } from "fastify";
import { Access } from "../security/access";
import {
  passwordPolicyOf,
  resetPasswordPolicy,
  updatePasswordPolicy,
} from "../security/security-policy";
import { requireOwnPortal } from "../server/own-portal";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const MANAGE_SECURITY = "portal:admin:manageSecurity";

/** `portals/{id}/securityPolicy` with its update and reset operations. */
export function registerSecurityPolicyRoutes(app: FastifyInstance, context: PortalServices): void {
  const documents = context.documents;
  const base = "/sharing/rest/portals/:portalId/securityPolicy";

  app.route({
    method: ["GET", "POST"],
    url: base,
    config: { access: Access.signedIn },
    handler: async (request) => {
      requireOwnPortal(context, request);
      return { passwordPolicy: passwordPolicyOf(documents) };
    },
  });

  app.route({
    method: "POST",
    url: `${base}/update`,
    config: { access: Access.privilege(MANAGE_SECURITY) },
    handler: async (request) => {
      requireOwnPortal(context, request);
      updatePasswordPolicy(documents, stateOf(request).params.values);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: `${base}/reset`,
    config: { access: Access.privilege(MANAGE_SECURITY) },
    handler: async (request) => {
      requireOwnPortal(context, request);
      resetPasswordPolicy(documents);
      return { success: true };
    },
  });
}
