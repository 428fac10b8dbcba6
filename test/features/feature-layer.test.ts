import {
  FeatureLayer,
  FeatureLayerCollection,
  FeatureSet,
  GIS,
  intersects,
  within,
  type Item,
} from "tsgis";
import {
  CITIES,
  CITY_FIELDS,
  DEMO_PUBLISHER,
  DEMO_USER,
  type FeaturePortal,
  startFeaturePortal,
} from "./service-fixture";

describe("FeatureLayer, FeatureLayerCollection and createService against the portal", () => {
  let portal: FeaturePortal;
  let gis: GIS;
  let other: GIS;
  let item: Item;
  let layer: FeatureLayer;

  beforeAll(async () => {
    portal = await startFeaturePortal();
    gis = await GIS.connect({ url: portal.portal.url, ...DEMO_PUBLISHER, setActive: false });
    other = await GIS.connect({ url: portal.portal.url, ...DEMO_USER, setActive: false });
    item = await gis.content.createService("World_cities", {
      capabilities: "Query,Editing",
      maxRecordCount: 2,
    });
    const collection = FeatureLayerCollection.fromItem(item);
    await collection.manager.addToDefinition({
      layers: [{ name: "Cities", geometryType: "esriGeometryPoint", fields: CITY_FIELDS }],
      tables: [{ name: "Notes", fields: [{ name: "note", type: "esriFieldTypeString" }] }],
    });
    [layer] = await item.getLayers();
    const result = await layer.editFeatures({
      adds: CITIES.map(({ lon, lat, ...attributes }) => ({
        attributes,
        geometry: { x: lon, y: lat, spatialReference: { wkid: 4326 } },
      })),
    });
    expect(result.addResults.map((entry) => entry.success)).toEqual(CITIES.map(() => true));
  });

  afterAll(async () => {
    gis.close();
    other.close();
    await portal.portal.close();
  });

  it("creates a Feature Service item with layers and tables", async () => {
    expect(item.type).toBe("Feature Service");
    expect(item.url).toMatch(/\/rest\/services\/Hosted\/World_cities\/FeatureServer$/);
    expect(layer).toBeInstanceOf(FeatureLayer);
    expect(layer.url).toBe(`${item.url}/0`);
    const tables = await item.getTables();
    expect(tables.map((table) => table.url)).toEqual([`${item.url}/1`]);
    expect(await gis.content.isServiceNameAvailable("World_cities", "featureService")).toBe(false);
    expect(await gis.content.isServiceNameAvailable("Elsewhere", "featureService")).toBe(true);
  });

  it("queries every record across pages into a FeatureSet", async () => {
    const all = await layer.query({ where: "1=1", orderByFields: "name" });
    expect(all).toBeInstanceOf(FeatureSet);
    expect(all.features.map((feature) => feature.attributes.name)).toEqual([
      "Berlin",
      "Lyon",
      "Madrid",
      "Munich",
      "O'Fallon",
      "Paris",
      "Tokyo",
    ]);
    expect(all.fields.map((field) => field.name)).toContain("population");
    expect(all.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const onePage = await layer.query({ where: "1=1", resultRecordCount: 2 });
    expect(onePage.features).toHaveLength(2);
    expect(onePage.exceededTransferLimit).toBe(true);
  });

  it("returns counts, ids, extents, rows and GeoJSON", async () => {
    expect(await layer.query({ where: "country = 'FR'", returnCountOnly: true })).toBe(2);
    expect(await layer.query({ where: "country = 'DE'", returnIdsOnly: true })).toEqual({
      objectIdFieldName: "OBJECTID",
      objectIds: [3, 4],
    });
    const { extent } = await layer.query({
      where: "country = 'FR'",
      returnExtentOnly: true,
      outSr: 4326,
    });
    expect(extent.xmin).toBeCloseTo(2.3488, 4);
    const rows = await layer.query({ where: "name = 'Tokyo'", outSr: 4326, asDf: true });
    expect(rows[0]).toMatchObject({ name: "Tokyo", country: "JP", SHAPE: { x: 139.69171 } });
    const geojson = await layer.query({ where: "1=1", asGeoJSON: true });
    expect(geojson.features).toHaveLength(7);
    const tokyo = geojson.features.find((feature) => feature.properties?.name === "Tokyo");
    expect((tokyo?.geometry?.coordinates as number[])[1]).toBeCloseTo(35.6895, 4);
    const converted = (await layer.query({ where: "name = 'Lyon'", outSr: 4326 })).toGeoJSON();
    const point = converted.features[0].geometry!;
    expect(point.type).toBe("Point");
    expect((point.coordinates as number[])[1]).toBeCloseTo(45.74846, 6);
  });

  it("filters with geometry filters", async () => {
    const box = { xmin: -10, ymin: 35, xmax: 20, ymax: 60, spatialReference: { wkid: 4326 } };
    expect(await layer.query({ geometryFilter: intersects(box), returnCountOnly: true })).toBe(5);
    const germany = {
      rings: [
        [
          [5, 47],
          [5, 55],
          [15, 55],
          [15, 47],
          [5, 47],
        ],
      ],
      spatialReference: { wkid: 4326 },
    };
    const inside = await layer.query({
      geometryFilter: within(germany),
      outFields: "name",
      orderByFields: "name",
    });
    expect(inside.features.map((feature) => feature.attributes.name)).toEqual(["Berlin", "Munich"]);
  });

  it("edits and deletes features, reporting each edit", async () => {
    const added = await layer.editFeatures({
      adds: [
        {
          attributes: { name: "Rome", country: "IT", population: 2872800 },
          geometry: { x: 12.4964, y: 41.9028, spatialReference: { wkid: 4326 } },
        },
      ],
    });
    const romeId = added.addResults[0].objectId!;
    expect(await layer.query({ where: "country = 'IT'", returnCountOnly: true })).toBe(1);
    const deleted = await layer.deleteFeatures({ where: "country = 'IT'" });
    expect(deleted.deleteResults).toEqual([
      expect.objectContaining({ objectId: romeId, success: true }),
    ]);
    const bad = await layer.editFeatures({ adds: [{ attributes: { nosuch: 1 } }] });
    expect(bad.addResults[0].success).toBe(false);
    expect(bad.addResults[0].error?.description).toMatch(/nosuch/);
  });

  it("keeps other users out of a private service", async () => {
    const foreign = new FeatureLayer(layer.url, other);
    await expect(foreign.query({ returnCountOnly: true })).rejects.toMatchObject({ code: 403 });
  });

  it("rejects bad arguments before sending anything", async () => {
    await expect(layer.query({ resultOffset: -1 })).rejects.toThrow(/resultOffset/);
    await expect(layer.query({ objectIds: ["a"] as unknown as number[] })).rejects.toThrow(
      /objectIds/,
    );
    await expect(layer.editFeatures({ deletes: [1.5] })).rejects.toThrow(/deletes/);
    await expect(gis.content.createService("bad name")).rejects.toThrow(/name/);
    await expect(gis.content.isServiceNameAvailable("", "featureService")).rejects.toThrow(
      /serviceName/,
    );
    expect(() => new FeatureLayer("not a url", gis)).toThrow(/url/);
  });
});
