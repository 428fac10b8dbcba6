// The portal's own basemap, as @arcgis/core reads it: portals/self names it as the default
// basemap; its VectorTileServer describes the tiling, serves the style, the tiles (land,
// water, borders and towns at the right places) and the glyphs of the labels — all without
// signing in — and answers a tile or glyph range that does not exist with a 404.
import { VectorTile, type VectorTileLayer } from "@mapbox/vector-tile";
import Pbf from "pbf";
import { startTestPortal, type Json, type PortalClient } from "./helpers";

let client: PortalClient;
let serviceUrl: string;

/** Building the tile index reads the data packages once; on a busy machine that takes a while. */
const FIRST_TILE_MS = 180_000;

beforeAll(async () => {
  client = await startTestPortal();
});

afterAll(async () => {
  await client?.portal.close();
});

async function getJson(url: string): Promise<Json> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

/** The tile (level, row, column) holding the place [lon, lat] on 512-pixel Web Mercator tiles. */
function tileAt(lon: number, lat: number, level: number): [number, number, number] {
  const span = 2 ** level;
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = lon / 360 + 0.5;
  const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  return [level, Math.floor(y * span), Math.floor(x * span)];
}

async function tile(level: number, row: number, column: number): Promise<VectorTile> {
  const response = await fetch(`${serviceUrl}/tile/${level}/${row}/${column}.pbf`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/x-protobuf");
  return new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())));
}

function names(layer: VectorTileLayer | undefined): string[] {
  const found: string[] = [];
  for (let i = 0; i < (layer?.length ?? 0); i += 1)
    found.push(String(layer!.feature(i).properties.name));
  return found;
}

describe("the default basemap", () => {
  it("is listed by portals/self as a vector tile layer on the portal's own VectorTileServer", async () => {
    const self = await client.get("/portals/self");
    const basemap = self.defaultBasemap as { title: string; baseMapLayers: Json[] };
    expect(basemap.baseMapLayers).toHaveLength(1);
    const [layer] = basemap.baseMapLayers;
    expect(layer.layerType).toBe("VectorTileLayer");
    expect(layer.styleUrl).toBe(
      `${client.portal.url}/rest/services/Basemaps/NaturalEarth/VectorTileServer/resources/styles/root.json`,
    );
    serviceUrl = String(layer.styleUrl).replace(/\/resources\/styles\/root\.json$/, "");
  });

  it("describes its tiling: 512-pixel Web Mercator tiles with levels to 22", async () => {
    const service = await getJson(`${serviceUrl}?f=json`);
    expect(service).toMatchObject({
      type: "indexedVector",
      capabilities: "TilesOnly",
      tiles: ["tile/{z}/{y}/{x}.pbf"],
      defaultStyles: "resources/styles",
      tileInfo: {
        rows: 512,
        cols: 512,
        format: "pbf",
        origin: { x: -20037508.342787, y: 20037508.342787 },
        spatialReference: { wkid: 102100, latestWkid: 3857 },
      },
    });
    const lods = (service.tileInfo as { lods: { level: number; scale: number }[] }).lods;
    expect(lods[0]).toMatchObject({ level: 0, scale: 295828763.795777 });
    expect(lods.at(-1)!.level).toBe(22);
    expect(lods[10].scale).toBeCloseTo(295828763.795777 / 1024, 3);
    expect(String(service.copyrightText)).toMatch(/Natural Earth.*OpenStreetMap.*GeoNames/);
  });

  it("serves a style whose sources, glyphs and layers point back at the service", async () => {
    const style = await getJson(`${serviceUrl}/resources/styles/root.json`);
    expect(style.version).toBe(8);
    expect(style.sources).toEqual({ esri: { type: "vector", url: "../../" } });
    expect(style.glyphs).toBe("../fonts/{fontstack}/{range}.pbf");
    const layers = style.layers as { id: string; type: string; "source-layer"?: string }[];
    expect(layers[0]).toMatchObject({
      type: "background",
      paint: { "background-color": "#aad3df" },
    });
    const sourceLayers = new Set(layers.map((layer) => layer["source-layer"]).filter(Boolean));
    expect([...sourceLayers].sort()).toEqual(["borders", "lakes", "land", "places", "rivers"]);
    expect(layers.some((layer) => layer.type === "symbol")).toBe(true);
  });

  it(
    "serves tiles: the world's land at level 0, Tokyo at country zoom, Palm Springs at city zoom",
    async () => {
      const world = await tile(0, 0, 0);
      expect(world.layers.land.length).toBeGreaterThan(50);
      expect(world.layers.borders.length).toBeGreaterThan(10);
      // At a country's zoom only the large cities show.
      const japan = await tile(...tileAt(139.69, 35.69, 3));
      expect(names(japan.layers.places)).toEqual(expect.arrayContaining(["Tokyo"]));
      for (let i = 0; i < japan.layers.places.length; i += 1) {
        expect(Number(japan.layers.places.feature(i).properties.population)).toBeGreaterThan(
          999_999,
        );
      }

      const city = await tile(...tileAt(-116.5453, 33.8303, 11));
      expect(city.layers.land.length).toBeGreaterThan(0);
      // The town and its neighbours in the same tile (Idyllwild, up in the mountains).
      expect(names(city.layers.places)).toEqual(
        expect.arrayContaining(["Palm Springs", "Idyllwild"]),
      );
      const place = city.layers.places.feature(names(city.layers.places).indexOf("Palm Springs"));
      expect(place.type).toBe(1);
      expect(Number(place.properties.population)).toBeGreaterThan(40_000);
    },
    FIRST_TILE_MS,
  );

  it(
    "serves water: the open Pacific has no land, Lake Geneva has a lake, the Rhine a river",
    async () => {
      const pacific = await tile(...tileAt(-140, 0, 6));
      expect(pacific.layers.land?.length ?? 0).toBe(0);
      const geneva = await tile(...tileAt(6.5, 46.45, 9));
      expect(geneva.layers.lakes.length).toBeGreaterThan(0);
      const rhine = await tile(...tileAt(6.96, 50.94, 10)); // Cologne
      expect(rhine.layers.rivers.length).toBeGreaterThan(0);
    },
    FIRST_TILE_MS,
  );

  it("answers a tile outside the scheme with a 404 in the ArcGIS error format", async () => {
    for (const address of ["15/0/0", "3/8/0", "2/-1/0", "x/0/0"]) {
      const response = await fetch(`${serviceUrl}/tile/${address}.pbf`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as Json;
      expect(body.error).toMatchObject({ code: 404 });
    }
  });

  it(
    "serves the labels' glyphs as signed distance fields",
    async () => {
      const response = await fetch(`${serviceUrl}/resources/fonts/DejaVu%20Sans%20Book/0-255.pbf`);
      expect(response.status).toBe(200);
      const glyphs = readGlyphs(new Uint8Array(await response.arrayBuffer()));
      expect(glyphs.name).toBe("DejaVu Sans Book");
      expect(glyphs.range).toBe("0-255");
      const letterA = glyphs.glyphs.find((glyph) => glyph.id === 65)!;
      expect(letterA.width).toBeGreaterThan(10);
      expect(letterA.height).toBeGreaterThan(10);
      expect(letterA.bitmap.length).toBe((letterA.width + 6) * (letterA.height + 6));
      // Inside the outline above the edge value (192), outside below it.
      expect(Math.max(...letterA.bitmap)).toBeGreaterThan(192);
      expect(Math.min(...letterA.bitmap)).toBeLessThan(100);
      const space = glyphs.glyphs.find((glyph) => glyph.id === 32)!;
      expect(space).toMatchObject({ width: 0, height: 0 });
      expect(space.advance).toBeGreaterThan(0);

      const bad = await fetch(`${serviceUrl}/resources/fonts/DejaVu%20Sans%20Book/1-7.pbf`);
      expect(bad.status).toBe(404);
    },
    FIRST_TILE_MS,
  );
});

interface Glyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

/** Reads a glyph range: glyphs { fontstack (1) { name 1, range 2, glyph 3 { … } } }. */
function readGlyphs(bytes: Uint8Array): { name: string; range: string; glyphs: Glyph[] } {
  const stack = { name: "", range: "", glyphs: [] as Glyph[] };
  new Pbf(bytes).readFields((tag, result, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((field, target: typeof stack, inner) => {
      if (field === 1) target.name = inner.readString();
      else if (field === 2) target.range = inner.readString();
      else if (field === 3) target.glyphs.push(inner.readMessage(readGlyph, emptyGlyph()));
    }, result);
  }, stack);
  return stack;
}

function emptyGlyph(): Glyph {
  return { id: 0, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 0 };
}

function readGlyph(field: number, glyph: Glyph, pbf: Pbf): void {
  if (field === 1) glyph.id = pbf.readVarint();
  else if (field === 2) glyph.bitmap = pbf.readBytes();
  else if (field === 3) glyph.width = pbf.readVarint();
  else if (field === 4) glyph.height = pbf.readVarint();
  else if (field === 5) glyph.left = pbf.readSVarint();
  else if (field === 6) glyph.top = pbf.readSVarint();
  else if (field === 7) glyph.advance = pbf.readVarint();
}
