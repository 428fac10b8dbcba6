import { Access } from "../security/access";
import type { FastifyInstance } from "fastify";
import { withUserGroups } from "../answers/user-groups-json";
import { fullUserJson } from "../model/user-json";
import { withUserStorage } from "../answers/user-storage-json";
import { withFavoritesGroup } from "../answers/user-favorites-json";
import { userJsonFor } from "../model/user-visibility";
import { ArcGISRequestError, tokenRequired } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

/** Unknown and hidden users look the same, so a caller cannot probe for usernames. */
const userNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "User not found", [], "COM_0003");

export function registerCommunityRoutes(app: FastifyInstance, context: PortalServices): void {
  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/community/self",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { user } = stateOf(request);
      if (!user) throw tokenRequired();
      return withFavoritesGroup(
        context,
        withUserStorage(context, withUserGroups(context, fullUserJson(user))),
      );
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/community/users/:username",
    config: { access: Access.mayView("user") },
    handler: async (request) => {
      const { username } = request.params as { username: string };
      const target = context.users.find(username);
      const json = target ? userJsonFor(target, stateOf(request).user) : null;
      if (!json) throw userNotFound();
      return withFavoritesGroup(context, withUserStorage(context, withUserGroups(context, json)));
    },
  });
}
