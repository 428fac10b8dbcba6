import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { kindOf } from "../features/hosted-services";
import { renderLayers } from "../features/render/render-features";
import { drawLayersOf } from "../features/render/service-drawing";
import { tileExtent, tileInfo, LEVEL_COUNT } from "../features/render/tile-scheme";
import { requireRead } from "../features/service-access";
import type { ServiceRecord } from "../features/service-store";
import { ArcGISRequestError, invalidUrl } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { CURRENT_VERSION } from "../version";

const SERVICE = "/rest/services/Hosted/:serviceName/MapServer";
const WORLD = {
  xmin: -20037508.342787,
  ymin: -20037508.342787,
  xmax: 20037508.342787,
  ymax: 20037508.342787,
};

/** Hosted tile services (MapServer) whose tiles are drawn on demand from a feature service. */
export function registerMapServerRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.featureServices;

  const tileService = (
    request: FastifyRequest,
  ): { service: ServiceRecord; source: ServiceRecord } => {
    const { serviceName } = request.params as { serviceName: string };
    const service = store.byName(serviceName);
    if (!service || kindOf(service) !== "tiles") throw invalidUrl();
    requireRead(context.db, service, stateOf(request).user);
    const source = store.get(String(service.definition.sourceServiceId));
    if (!source) {
      throw new ArcGISRequestError(
        400,
        "The feature service this tile service draws no longer exists.",
        [],
      );
    }
    return { service, source };
  };

  app.route({
    method: ["GET", "POST"],
    url: SERVICE,
    config: { access: Access.mayView("service") },
    handler: async (request) => {
      const { service, source } = tileService(request);
      const minScale = Number(service.definition.minScale ?? 0);
      const maxScale = Number(service.definition.maxScale ?? 0);
      const spatialReference = { wkid: 102100, latestWkid: 3857 };
      const extent = { ...WORLD, spatialReference };
      return {
        currentVersion: Number(CURRENT_VERSION),
        serviceItemId: service.itemId,
        serviceDescription: service.definition.serviceDescription,
        mapName: "Layers",
        description: service.definition.description,
        copyrightText: service.definition.copyrightText,
        supportsDynamicLayers: false,
        layers: store
          .layers(source.id)
          .filter((layer) => layer.definition.geometryType)
          .map((layer) => ({
            id: layer.layerId,
            name: layer.definition.name,
            parentLayerId: -1,
            defaultVisibility: true,
            subLayerIds: null,
            minScale,
            maxScale,
          })),
        tables: [],
        spatialReference,
        singleFusedMapCache: true,
        tileInfo: tileInfo(minScale, maxScale),
        initialExtent: extent,
        fullExtent: extent,
        minScale,
        maxScale,
        units: "esriMeters",
        supportedImageFormatTypes: "PNG32",
        capabilities: "Map,TilesOnly",
        exportTilesAllowed: false,
        maxExportTilesCount: 0,
      };
    },
  });

  app.route({
    method: "GET",
    url: `${SERVICE}/tile/:level/:row/:column`,
    config: { access: Access.mayView("service") },
    handler: async (request, reply) => {
      const { source } = tileService(request);
      const { level, row, column } = request.params as Record<string, string>;
      const [z, y, x] = [level, row, column].map(Number);
      const tiles = 2 ** z;
      if (
        ![z, y, x].every(Number.isInteger) ||
        z < 0 ||
        z >= LEVEL_COUNT ||
        y < 0 ||
        x < 0 ||
        y >= tiles ||
        x >= tiles
      ) {
        throw new ArcGISRequestError(404, "Tile not found", [
          `No tile ${level}/${row}/${column} in this scheme.`,
        ]);
      }
      const extent = tileExtent(z, y, x);
      const png = renderLayers(drawLayersOf(store, source, extent), extent, 256, 256);
      return reply.type("image/png").header("cache-control", "private, max-age=60").send(png);
    },
  });
}
