import { Access, isFullAdministrator } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { createHostedService } from "../features/hosted-services";
import {
  ArcGISRequestError,
  invalidParameter,
  permissionDenied,
  tokenRequired,
} from "../server/arcgis-error";
import { optionalBoolean, optionalJsonObject, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

/** `content/users/{user}[/{folder}]/createService` and `portals/self/isServiceNameAvailable`. */
export function registerCreateServiceRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.featureServices;

  const createService = async (request: FastifyRequest): Promise<Record<string, unknown>> => {
    const { user, params } = stateOf(request);
    if (!user) throw tokenRequired();
    const { username, folderId } = request.params as { username: string; folderId?: string };
    if (username !== user.username && !isFullAdministrator(user)) throw permissionDenied();
    const owner = username === user.username ? user : context.users.find(username);
    if (!owner) throw new ArcGISRequestError(400, "User not found", [], "COM_0018");
    const values = params.values;
    const outputType = optionalString(values, "outputType") ?? "featureService";
    if (outputType !== "featureService") {
      throw invalidParameter(
        "outputType",
        "must be featureService (the only kind this portal hosts).",
      );
    }
    const createParameters = optionalJsonObject(values, "createParameters");
    if (!createParameters) throw invalidParameter("createParameters", "is required.");
    const folder = folderId ? folderOf(context, owner.username, folderId) : null;
    const isView = optionalBoolean(values, "isView") ?? false;
    const created = createHostedService(context.db, store, context.rootUrl, owner, {
      createParameters,
      isView,
      folderId: folder,
      itemProperties: {
        title: optionalString(values, "title"),
        tags: optionalString(values, "tags"),
        snippet: optionalString(values, "snippet"),
        description: optionalString(values, "description"),
      },
    });
    return {
      encodedServiceURL: created.url,
      itemId: created.itemId,
      name: created.service.name,
      serviceItemId: created.itemId,
      serviceurl: created.url,
      size: -1,
      success: true,
      type: "Feature Service",
      typeKeywords: isView ? ["View Service"] : [],
      isView,
    };
  };

  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/createService",
    config: { access: Access.privilege("portal:publisher:publishFeatures") },
    handler: createService,
  });
  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/:folderId/createService",
    config: { access: Access.privilege("portal:publisher:publishFeatures") },
    handler: createService,
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/portals/:portalId/isServiceNameAvailable",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      if (!user) throw tokenRequired();
      const name = optionalString(params.values, "name");
      if (name === undefined) throw invalidParameter("name", "is required.");
      const type = optionalString(params.values, "type") ?? "Feature Service";
      if (!/^(feature ?service|featureserver)$/i.test(type.trim())) return { available: true };
      return { available: store.byName(name) === undefined };
    },
  });
}

function folderOf(context: PortalServices, owner: string, folderId: string): string {
  const row = context.db
    .prepare("SELECT id FROM folders WHERE owner = ? AND (id = ? OR title = ?)")
    .get(owner, folderId, folderId) as { id: string } | undefined;
  if (!row) throw new ArcGISRequestError(400, "Folder not found", [], "CONT_0001");
  return row.id;
}
