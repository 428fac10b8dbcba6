import fs from "node:fs";
import zlib from "node:zlib";
import { ArcGISError, FeatureLayerCollection, GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const USER = { username: "user", password: "tsgis-user-1" };
const RED = {
  type: "simple",
  symbol: {
    type: "esriSFS",
    style: "esriSFSSolid",
    color: [255, 0, 0, 255],
    outline: { color: [0, 0, 0, 255], width: 0 },
  },
};

/** Reads an 8-bit RGBA PNG without filters, as the portal writes it. */
function decodePng(png: Buffer): {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
} {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  return {
    width,
    height,
    pixel: (x, y) => [
      ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4),
    ],
  };
}

/** The tile (level, row, column) holding a WGS 84 point in the ArcGIS Online scheme. */
function tileOf(
  lon: number,
  lat: number,
  level: number,
): { row: number; column: number; x: number; y: number } {
  const x = (lon * Math.PI * 6378137) / 180;
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 6378137;
  const span = 256 * (156543.03392800014 / 2 ** level);
  const column = Math.floor((x + 20037508.342787) / span);
  const row = Math.floor((20037508.342787 - y) / span);
  const px = Math.floor(((x + 20037508.342787) / span - column) * 256);
  const py = Math.floor(((20037508.342787 - y) / span - row) * 256);
  return { row, column, x: px, y: py };
}

describe("thumbnails, tile services and replaceService", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let zones: Item;

  async function zoneService(name: string, zone: string, rings: number[][][]): Promise<Item> {
    const item = await gis.content.createService(name, {
      capabilities: "Query,Editing",
      wkid: 4326,
    });
    await FeatureLayerCollection.fromItem(item).manager.addToDefinition({
      layers: [
        {
          name: "Zones",
          geometryType: "esriGeometryPolygon",
          drawingInfo: { renderer: RED },
          fields: [{ name: "zone", type: "esriFieldTypeString" }],
        },
      ],
    });
    const [layer] = await item.getLayers();
    await layer.editFeatures({
      adds: [{ attributes: { zone }, geometry: { rings, spatialReference: { wkid: 4326 } } }],
    });
    return item;
  }

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    zones = await zoneService("Zones", "A", [
      [
        [0, 0],
        [0, 10],
        [10, 10],
        [10, 0],
        [0, 0],
      ],
    ]);
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  it("draws a thumbnail with the print service and sets it on the item", async () => {
    const file = await zones.createThumbnail();
    const image = decodePng(fs.readFileSync(file));
    expect([image.width, image.height]).toEqual([600, 400]);
    expect(image.pixel(300, 200)).toEqual([255, 0, 0, 255]);
    expect(image.pixel(2, 2)).toEqual([255, 255, 255, 255]);
    await zones.refresh();
    expect(zones.thumbnail).toBeTruthy();
    const stored = await zones.getThumbnail();
    expect(stored?.equals(fs.readFileSync(file))).toBe(true);
  });

  it("publishes a tile service whose tiles are drawn from the current features", async () => {
    const tiles = await zones.createTileService("ZonesTiles", 0, 0);
    expect(tiles?.type).toBe("Map Service");
    const info = await gis.session.get<{
      tileInfo: { lods: unknown[] };
      singleFusedMapCache: boolean;
    }>(tiles!.url!);
    expect(info.singleFusedMapCache).toBe(true);
    expect(info.tileInfo.lods).toHaveLength(24);
    const tile = async (lon: number, lat: number, level: number) => {
      const where = tileOf(lon, lat, level);
      const png = await gis.session.request<Buffer, "buffer">(
        `${tiles!.url}/tile/${level}/${where.row}/${where.column}`,
        {},
        { method: "GET", responseKind: "buffer", format: null },
      );
      return decodePng(png).pixel(where.x, where.y);
    };
    expect(await tile(5, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(await tile(50, 40, 5)).toEqual([0, 0, 0, 0]);
    const [layer] = await zones.getLayers();
    await layer.editFeatures({
      adds: [
        {
          attributes: { zone: "B" },
          geometry: {
            rings: [
              [
                [45, 35],
                [45, 45],
                [55, 45],
                [55, 35],
                [45, 35],
              ],
            ],
            spatialReference: { wkid: 4326 },
          },
        },
      ],
    });
    expect(await tile(50, 40, 5)).toEqual([255, 0, 0, 255]);
    await expect(zones.createTileService("bad name", 0, 0)).rejects.toThrow(/title/);
    await expect(zones.createTileService("Ok", -1, 0)).rejects.toThrow(/minScale/);
  });

  it("replaces the service behind an item, archiving the old one", async () => {
    const staging = await zoneService("Zones_staging", "S", [
      [
        [20, 20],
        [20, 30],
        [30, 30],
        [30, 20],
        [20, 20],
      ],
    ]);
    const productionUrl = zones.url;
    expect(
      await gis.content.replaceService(zones, staging, { replacedServiceName: "Zones_2025" }),
    ).toBe(true);
    await zones.refresh();
    await staging.refresh();
    expect(zones.url).toBe(productionUrl);
    expect(staging.url).toMatch(/\/Hosted\/Zones_2025\/FeatureServer$/);
    const [production] = await zones.getLayers();
    expect(
      (await production.query({ outFields: "zone" })).features.map(
        (feature) => feature.attributes.zone,
      ),
    ).toEqual(["S"]);
    const [archived] = await staging.getLayers();
    expect(
      (await archived.query({ outFields: "zone", orderByFields: "zone" })).features.map(
        (feature) => feature.attributes.zone,
      ),
    ).toEqual(["A", "B"]);
  });

  it("refuses replacing across kinds or for someone else", async () => {
    const tiles = (await gis.content.search("title:ZonesTiles", { itemType: "Map Service" }))[0];
    const failure = await gis.content.replaceService(zones, tiles).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArcGISError);
    const other = await GIS.connect({ url: portal.url, ...USER, setActive: false });
    try {
      const denied = await other.content
        .replaceService(zones.id, tiles.id)
        .catch((error: unknown) => error);
      expect(denied).toBeInstanceOf(ArcGISError);
      expect((denied as ArcGISError).code).toBe(403);
    } finally {
      other.close();
    }
    await expect(gis.content.replaceService("nope", zones)).rejects.toThrow(/replaceItem/);
  });
});
