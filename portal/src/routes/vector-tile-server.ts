// The portal's own basemap as an ArcGIS VectorTileServer: the service description, its style
// (resources/styles/root.json), the glyphs its labels use and the tiles. Public, like Esri's
// basemaps: a map shows it before anyone signs in.
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  OFFLINE_BASEMAP_COPYRIGHT,
  OFFLINE_BASEMAP_SERVICE,
  OFFLINE_BASEMAP_TITLE,
} from "../basemap/basemap-definition";
import { basemapStyle } from "../basemap/basemap-style";
import { glyphRange, isGlyphRange } from "../basemap/glyphs";
import { BasemapTiles, MAX_TILE_LEVEL } from "../basemap/vector-tiles";
import { Access } from "../security/access";
import { ArcGISRequestError } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { CURRENT_VERSION } from "../version";

const SERVICE = `/rest/services/${OFFLINE_BASEMAP_SERVICE}`;
const HALF_WORLD = 20037508.342787;
const SPATIAL_REFERENCE = { wkid: 102100, latestWkid: 3857 };
const LEVEL0_RESOLUTION = 78271.51696399994;
const LEVEL0_SCALE = 295828763.795777;
/** Levels views may ask for: deeper than the tiles go, drawn from the deepest tiles. */
const LEVEL_COUNT = 23;
/** Tiles encoded already: a map's pan revisits them, and encoding one takes milliseconds. */
const CACHED_TILES = 4096;
/** The data never changes while the portal runs; a day keeps browsers from asking again. */
const CACHE_CONTROL = "public, max-age=86400";

export function registerVectorTileServerRoutes(
  app: FastifyInstance,
  _context: PortalServices,
): void {
  const tiles = new BasemapTiles();
  const encoded = new Map<string, Uint8Array>();

  app.route({
    method: ["GET", "POST"],
    url: SERVICE,
    config: { access: Access.anyone },
    handler: async () => serviceDescription(),
  });

  app.get(
    `${SERVICE}/resources/styles/root.json`,
    { config: { access: Access.anyone } },
    async (_request, reply) => reply.header("cache-control", CACHE_CONTROL).send(basemapStyle()),
  );

  app.get(
    `${SERVICE}/resources/fonts/:fontStack/:range`,
    { config: { access: Access.anyone } },
    async (request, reply) => {
      const { fontStack, range } = request.params as { fontStack: string; range: string };
      if (!isGlyphRange(range)) return notFound(reply, `No glyph range ${range}.`);
      const bytes = glyphRange(fontStack, range);
      return reply
        .type("application/x-protobuf")
        .header("cache-control", CACHE_CONTROL)
        .send(bytes);
    },
  );

  app.get(
    `${SERVICE}/tile/:level/:row/:column`,
    { config: { access: Access.anyone } },
    async (request, reply) => {
      const params = request.params as { level: string; row: string; column: string };
      const address = {
        level: Number(params.level),
        row: Number(params.row),
        column: Number(params.column.replace(/\.pbf$/, "")),
      };
      if (!BasemapTiles.isTile(address)) {
        return notFound(
          reply,
          `No tile ${params.level}/${params.row}/${params.column} in this service.`,
        );
      }
      const key = `${address.level}/${address.row}/${address.column}`;
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = tiles.tile(address);
        if (encoded.size >= CACHED_TILES) encoded.delete(encoded.keys().next().value!);
        encoded.set(key, bytes);
      }
      return reply
        .type("application/x-protobuf")
        .header("cache-control", CACHE_CONTROL)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}

/** Tiles and glyphs are binary: a missing one is an HTTP 404, which views take as "empty". */
function notFound(reply: FastifyReply, detail: string): FastifyReply {
  return reply.code(404).send(new ArcGISRequestError(404, "Not found", [detail]).toJSON());
}

function serviceDescription(): Record<string, unknown> {
  const extent = {
    xmin: -HALF_WORLD,
    ymin: -HALF_WORLD,
    xmax: HALF_WORLD,
    ymax: HALF_WORLD,
    spatialReference: SPATIAL_REFERENCE,
  };
  const lods = Array.from({ length: LEVEL_COUNT }, (_, level) => ({
    level,
    resolution: LEVEL0_RESOLUTION / 2 ** level,
    scale: LEVEL0_SCALE / 2 ** level,
  }));
  return {
    currentVersion: Number(CURRENT_VERSION),
    name: OFFLINE_BASEMAP_TITLE,
    copyrightText: OFFLINE_BASEMAP_COPYRIGHT,
    capabilities: "TilesOnly",
    type: "indexedVector",
    defaultStyles: "resources/styles",
    tiles: ["tile/{z}/{y}/{x}.pbf"],
    exportTilesAllowed: false,
    initialExtent: extent,
    fullExtent: extent,
    minScale: 0,
    maxScale: 0,
    tileInfo: {
      rows: 512,
      cols: 512,
      dpi: 96,
      format: "pbf",
      origin: { x: -HALF_WORLD, y: HALF_WORLD },
      spatialReference: SPATIAL_REFERENCE,
      lods,
    },
    maxzoom: MAX_TILE_LEVEL,
    minLOD: 0,
    maxLOD: MAX_TILE_LEVEL,
    resourceInfo: {
      styleVersion: 8,
      tileCompression: "none",
      cacheInfo: { storageInfo: { packetSize: 128, storageFormat: "compactV2" } },
    },
  };
}
