import type { FastifyInstance, FastifyRequest } from "fastify";
import os from "node:os";
import path from "node:path";
import { federatedServers } from "../answers/federated-servers";
import { missingParameter } from "../server/community-errors";
import { Access } from "../security/access";
import { ArcGISRequestError } from "../server/arcgis-error";
import { optionalJsonObject } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const PROPERTIES = "systemProperties";

/** The one machine the portal runs on, named as Enterprise names its machines. */
function machineName(): string {
  return os.hostname().toUpperCase();
}

function machineNotFound(name: string): ArcGISRequestError {
  return new ArcGISRequestError(404, `Machine '${name}' is not registered with the portal.`, [
    `The portal runs on ${machineName()} only.`,
  ]);
}

/**
 * ArcGIS Enterprise's system, machines and federation resources (`/portaladmin/system/...`,
 * `/portaladmin/machines`, `/portaladmin/federation/servers`), read from how this portal runs:
 * one machine, its data directory, no web adaptor, itself as the hosting server.
 */
export function registerPortalAdminSystemRoutes(
  app: FastifyInstance,
  context: PortalServices,
): void {
  const admin = { access: Access.fullAdministrator };
  const documents = context.documents;
  const dataDir = path.dirname(context.db.name);
  const machineJson = () => ({
    machineName: machineName(),
    adminURL: `${context.rootUrl}/portaladmin`,
    platform: os.platform(),
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/system/properties",
    config: admin,
    handler: async () => ({
      WebContextURL: context.rootUrl,
      privatePortalURL: context.rootUrl,
      ...(documents.get(PROPERTIES) ?? {}),
    }),
  });

  app.route({
    method: "POST",
    url: "/portaladmin/system/properties/update",
    config: admin,
    handler: async (request) => {
      const properties = optionalJsonObject(stateOf(request).params.values, "properties");
      if (!properties) throw missingParameter("properties");
      documents.put(PROPERTIES, properties);
      return { status: "success" };
    },
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/system/directories",
    config: admin,
    handler: async () => ({
      directories: [
        {
          name: "content",
          physicalPath: path.join(dataDir, "items"),
          directoryType: "CONTENT",
          description: "Item data, resources and thumbnails.",
        },
        {
          name: "db",
          physicalPath: dataDir,
          directoryType: "DATABASE",
          description: "The portal's SQLite database.",
        },
      ],
    }),
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/system/webadaptors",
    config: admin,
    // The portal answers clients directly; no web adaptor is registered in front of it.
    handler: async () => ({ webAdaptors: [] }),
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/machines",
    config: admin,
    handler: async () => ({ machines: [machineJson()] }),
  });

  const named = (request: FastifyRequest): string => {
    const { name } = request.params as { name: string };
    if (name.toUpperCase() !== machineName()) throw machineNotFound(name);
    return machineName();
  };

  app.route({
    method: METHODS,
    url: "/portaladmin/machines/:name",
    config: admin,
    handler: async (request) => {
      named(request);
      return machineJson();
    },
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/machines/status/:name",
    config: admin,
    // The machine answering the request is up by definition.
    handler: async (request) => ({ status: "success", machineName: named(request), online: true }),
  });

  app.route({
    method: METHODS,
    url: "/portaladmin/federation/servers",
    config: admin,
    handler: async () => ({ servers: federatedServers(context) }),
  });
}
