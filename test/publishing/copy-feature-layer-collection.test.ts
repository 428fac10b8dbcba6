import { ArcGISError, FeatureLayerCollection, GIS, Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const USER = { username: "user", password: "tsgis-user-1" };

describe("item.copyFeatureLayerCollection", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let source: Item;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    source = await gis.content.createService("Rivers", {
      capabilities: "Query,Editing",
      wkid: 4326,
    });
    await FeatureLayerCollection.fromItem(source).manager.addToDefinition({
      layers: [
        {
          name: "Rivers",
          geometryType: "esriGeometryPolyline",
          fields: [
            { name: "river", type: "esriFieldTypeString" },
            { name: "km", type: "esriFieldTypeDouble" },
          ],
        },
      ],
      tables: [{ name: "Gauges", fields: [{ name: "code", type: "esriFieldTypeString" }] }],
    });
    const [rivers] = await source.getLayers();
    await rivers.editFeatures({
      adds: [
        {
          attributes: { river: "Seine", km: 777 },
          geometry: {
            paths: [
              [
                [2.35, 48.85],
                [0.1, 49.4],
              ],
            ],
            spatialReference: { wkid: 4326 },
          },
        },
        {
          attributes: { river: "Loire", km: 1006.2 },
          geometry: {
            paths: [
              [
                [4.0, 44.8],
                [-2.2, 47.3],
              ],
            ],
            spatialReference: { wkid: 4326 },
          },
        },
      ],
    });
    const [gauges] = await source.getTables();
    await gauges.editFeatures({ adds: [{ attributes: { code: "G1" } }] });
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  it("copies the chosen layers with their features into a new service", async () => {
    const copy = await source.copyFeatureLayerCollection("Rivers_copy", {
      layers: [0],
      tables: [],
      snippet: "A copy",
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.snippet).toBe("A copy");
    const [rivers] = await copy.getLayers();
    expect(await copy.getTables()).toEqual([]);
    const set = await rivers.query({ orderByFields: "river" });
    expect(set.features.map((feature) => feature.attributes)).toEqual([
      { OBJECTID: 2, river: "Loire", km: 1006.2 },
      { OBJECTID: 1, river: "Seine", km: 777 },
    ]);
    expect(set.features[1].geometry).toMatchObject({
      paths: [
        [
          [2.35, 48.85],
          [0.1, 49.4],
        ],
      ],
    });
    const all = await source.copyFeatureLayerCollection("Rivers_all");
    const [gauges] = await all.getTables();
    expect(await gauges.query({ returnCountOnly: true })).toBe(1);
  });

  it("is refused to users who cannot read the source, and checks its arguments", async () => {
    const other = await GIS.connect({ url: portal.url, ...USER, setActive: false });
    try {
      const seenByOther = new Item(other, source.id, source.toJSON());
      const failure = await seenByOther
        .copyFeatureLayerCollection("Rivers_stolen")
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ArcGISError);
      expect((failure as ArcGISError).code).toBe(403);
      expect(await gis.content.isServiceNameAvailable("Rivers_stolen", "featureService")).toBe(
        true,
      );
      await expect(
        source.copyFeatureLayerCollection("Rivers_bad", { layers: ["x"] as unknown as number[] }),
      ).rejects.toThrow(/layers/);
      await expect(source.copyFeatureLayerCollection("bad name")).rejects.toThrow(/name/);
    } finally {
      other.close();
    }
  });
});
