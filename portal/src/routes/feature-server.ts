import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { applyEdits } from "../features/apply-edits";
import { calculate } from "../features/calculate";
import { fieldResolver, runQuery } from "../features/feature-query";
import { addToDefinition, kindOf } from "../features/hosted-services";
import { layerSource, type LayerSource } from "../features/layer-source";
import { requireOwner, requireRead } from "../features/service-access";
import { updateLayerDefinition } from "../features/service-definition";
import {
  editPermissions,
  layerExtent,
  layerJson,
  serviceJson,
  unionExtents,
} from "../features/service-json";
import type { ServiceRecord } from "../features/service-store";
import { timeInfoJson } from "../features/time-info";
import {
  ArcGISRequestError,
  invalidParameter,
  invalidUrl,
  tokenRequired,
} from "../server/arcgis-error";
import { optionalJsonObject, optionalJsonValue, optionalString } from "../server/param-readers";
import { sendAnswer } from "../server/json-bytes";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { CURRENT_VERSION } from "../version";

const SERVICE = "/rest/services/Hosted/:serviceName/FeatureServer";
const ADMIN = "/rest/admin/services/Hosted/:serviceName/FeatureServer";

/** Hosted FeatureServers: info, layers, query, applyEdits, and the admin definition edits. */
export function registerFeatureServerRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.featureServices;
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  const readableService = (request: FastifyRequest): ServiceRecord => {
    const { serviceName } = request.params as { serviceName: string };
    const service = store.byName(serviceName);
    if (!service || kindOf(service) !== "features") throw invalidUrl();
    requireRead(context.db, service, stateOf(request).user);
    return service;
  };

  const layerOf = (request: FastifyRequest, service: ServiceRecord): LayerSource => {
    const { layerId } = request.params as { layerId: string };
    const record = /^\d+$/.test(layerId) ? store.layer(service.id, Number(layerId)) : undefined;
    if (!record)
      throw new ArcGISRequestError(400, "Invalid URL", [`Layer ${layerId} does not exist.`]);
    return layerSource(store, service, record);
  };

  const layerResource = (source: LayerSource): Record<string, unknown> =>
    layerJson(
      source,
      layerExtent(store, source),
      timeInfoJson(store, source, fieldResolver(source)),
    );

  app.route({
    method: methods,
    url: "/rest/services",
    config: { access: Access.anyone },
    handler: async () => ({
      currentVersion: Number(CURRENT_VERSION),
      folders: ["Hosted", "World"],
      services: [],
    }),
  });

  app.route({
    method: methods,
    url: "/rest/services/Hosted",
    config: { access: Access.anyone },
    handler: async (request) => {
      const { user } = stateOf(request);
      const visible = store.all().filter((service) => {
        try {
          requireRead(context.db, service, user);
          return true;
        } catch {
          return false;
        }
      });
      return {
        currentVersion: Number(CURRENT_VERSION),
        folders: [],
        services: visible.map((service) => ({
          name: `Hosted/${service.name}`,
          type: kindOf(service) === "tiles" ? "MapServer" : "FeatureServer",
        })),
      };
    },
  });

  app.route({
    method: methods,
    url: SERVICE,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const service = readableService(request);
      const layers = store.layers(service.id);
      const extent = unionExtents(
        layers.map((layer) => layerExtent(store, layerSource(store, service, layer))),
      );
      return serviceJson(service, layers, extent);
    },
  });

  app.route({
    method: methods,
    url: `${SERVICE}/layers`,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const service = readableService(request);
      const all = store.layers(service.id).map((record) => {
        const source = layerSource(store, service, record);
        return layerResource(source);
      });
      return {
        layers: all.filter((layer) => layer.type !== "Table"),
        tables: all.filter((layer) => layer.type === "Table"),
      };
    },
  });

  app.route({
    method: methods,
    url: `${SERVICE}/:layerId`,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const source = layerOf(request, readableService(request));
      return layerResource(source);
    },
  });

  app.route({
    method: methods,
    url: `${SERVICE}/:layerId/query`,
    config: { access: Access.mayView("service") },
    handler: async (request, reply) => {
      const source = layerOf(request, readableService(request));
      const params = stateOf(request).params.values;
      const format = (optionalString(params, "f") ?? "json").toLowerCase();
      if (!["json", "pjson", "geojson"].includes(format)) {
        throw invalidParameter("f", "must be json, pjson or geojson.");
      }
      const answer = runQuery(store, source, params, format === "geojson" ? "geojson" : "json");
      return sendAnswer(reply, answer, format === "pjson");
    },
  });

  app.route({
    method: "POST",
    url: `${SERVICE}/:layerId/applyEdits`,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const service = readableService(request);
      requireOwner(service, stateOf(request).user);
      const source = layerOf(request, service);
      return applyEdits(
        store,
        source,
        stateOf(request).params.values,
        editPermissions(service.definition.capabilities),
        stateOf(request).user?.username ?? null,
      );
    },
  });

  app.route({
    method: "POST",
    url: `${SERVICE}/:layerId/calculate`,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const service = readableService(request);
      requireOwner(service, stateOf(request).user);
      return calculate(
        store,
        layerOf(request, service),
        stateOf(request).params.values,
        editPermissions(service.definition.capabilities),
        stateOf(request).user?.username ?? null,
      );
    },
  });

  app.route({
    method: "POST",
    url: `${SERVICE}/applyEdits`,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const service = readableService(request);
      requireOwner(service, stateOf(request).user);
      const params = stateOf(request).params.values;
      const edits = optionalJsonValue(params, "edits");
      if (!Array.isArray(edits))
        throw invalidParameter("edits", "must be an array of {id, adds, updates, deletes}.");
      const permissions = editPermissions(service.definition.capabilities);
      return edits.map((edit: Record<string, unknown>) => {
        const record = store.layer(service.id, Number(edit?.id));
        if (!record)
          throw invalidParameter("edits", `names layer ${String(edit?.id)} that does not exist.`);
        const layerParams: Record<string, string> = {
          rollbackOnFailure: params.rollbackOnFailure ?? "true",
        };
        for (const key of ["adds", "updates", "deletes"]) {
          if (edit[key] !== undefined) layerParams[key] = JSON.stringify(edit[key]);
        }
        return {
          id: record.layerId,
          ...applyEdits(
            store,
            layerSource(store, service, record),
            layerParams,
            permissions,
            stateOf(request).user?.username ?? null,
          ),
        };
      });
    },
  });

  const ownedService = (request: FastifyRequest): ServiceRecord => {
    const { serviceName } = request.params as { serviceName: string };
    const service = store.byName(serviceName);
    const { user } = stateOf(request);
    if (!user) throw tokenRequired();
    if (!service || kindOf(service) !== "features") throw invalidUrl();
    requireOwner(service, user);
    return service;
  };

  app.route({
    method: "POST",
    url: `${ADMIN}/addToDefinition`,
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const service = ownedService(request);
      const changes = optionalJsonObject(stateOf(request).params.values, "addToDefinition");
      if (!changes) throw invalidParameter("addToDefinition", "is required.");
      addToDefinition(store, service, changes, stateOf(request).user!);
      return {
        success: true,
        layers: store
          .layers(service.id)
          .map((layer) => ({ name: layer.definition.name, id: layer.layerId })),
      };
    },
  });

  app.route({
    method: "POST",
    url: `${ADMIN}/updateDefinition`,
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const service = ownedService(request);
      const changes = optionalJsonObject(stateOf(request).params.values, "updateDefinition");
      if (!changes) throw invalidParameter("updateDefinition", "is required.");
      const definition = { ...service.definition };
      if (typeof changes.capabilities === "string") definition.capabilities = changes.capabilities;
      if (
        typeof changes.maxRecordCount === "number" &&
        Number.isInteger(changes.maxRecordCount) &&
        changes.maxRecordCount > 0
      ) {
        definition.maxRecordCount = changes.maxRecordCount;
      }
      for (const key of ["serviceDescription", "description", "copyrightText"]) {
        if (typeof changes[key] === "string") definition[key] = changes[key];
      }
      store.updateDefinition(service.id, definition);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: `${ADMIN}/:layerId/updateDefinition`,
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const service = ownedService(request);
      const source = layerOf(request, service);
      const changes = optionalJsonObject(stateOf(request).params.values, "updateDefinition");
      if (!changes) throw invalidParameter("updateDefinition", "is required.");
      store.putLayer(service.id, updateLayerDefinition(source.layer, changes));
      return { success: true };
    },
  });
}
