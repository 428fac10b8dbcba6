import { Access } from "../security/access";
import type { FastifyInstance } from "fastify";
import type { PortalServices } from "../server/portal-services";
import { restUrlOf } from "../server/portal-services";
import { CURRENT_VERSION, FULL_VERSION } from "../version";

export function registerInfoRoutes(app: FastifyInstance, context: PortalServices): void {
  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest",
    config: { access: Access.anyone },
    handler: async () => ({ currentVersion: CURRENT_VERSION }),
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/info",
    config: { access: Access.anyone },
    handler: async () => {
      const restUrl = restUrlOf(context);
      return {
        owningSystemUrl: context.rootUrl,
        authInfo: {
          tokenServicesUrl: `${restUrl}/generateToken`,
          isTokenBasedSecurity: true,
        },
        currentVersion: CURRENT_VERSION,
        fullVersion: FULL_VERSION,
        isPortal: context.deployment !== "online",
      };
    },
  });
}
