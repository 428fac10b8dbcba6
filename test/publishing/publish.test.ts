import fs from "node:fs";
import { ArcGISError, FeatureCollection, FeatureLayer, GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };

const COORDINATE_CSV = [
  "name,latitude,longitude,visitors,note",
  'Eiffel Tower,48.8584,2.2945,7000000,"Paris, France"',
  "Colosseum,41.8902,12.4922,7600000,Rome",
  "Golden Gate,37.8199,-122.4783,10000000,",
].join("\n");

const ADDRESS_CSV = [
  "store,city,state",
  "North,Palm Springs,CA",
  "South,Redlands,CA",
  "Lost,Nowherezzz,ZZ",
].join("\n");

const POLYGONS = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { zone: "A", area: 1.5 },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { zone: "B", area: 4 },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [10, 10],
            [14, 10],
            [14, 14],
            [10, 14],
            [10, 10],
          ],
        ],
      },
    },
  ],
};

describe("publishing, export and import against the portal", () => {
  let portal: RunningPortal;
  let gis: GIS;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  async function addFile(
    title: string,
    type: string,
    fileName: string,
    text: string,
  ): Promise<Item> {
    return gis.content.add({ title, type, tags: "test", fileName }, { data: Buffer.from(text) });
  }

  async function firstLayer(item: Item): Promise<FeatureLayer> {
    const [layer] = await item.getLayers();
    return layer;
  }

  it("analyzes a CSV and finds its coordinate or address columns", async () => {
    const coordinates = await gis.content.analyze({ text: COORDINATE_CSV, fileType: "csv" });
    expect(coordinates.publishParameters).toMatchObject({
      locationType: "coordinates",
      latitudeFieldName: "latitude",
      longitudeFieldName: "longitude",
    });
    const addresses = await gis.content.analyze({ text: ADDRESS_CSV, fileType: "csv" });
    expect(addresses.publishParameters).toMatchObject({
      locationType: "address",
      addressFields: { City: "city", Region: "state" },
    });
    await expect(gis.content.analyze({})).rejects.toThrow(/exactly one/);
  });

  let coordinateCsv: Item;
  let published: Item;

  it("publishes a CSV with coordinates, reporting progress, and queries it in two spatial references", async () => {
    coordinateCsv = await addFile("Landmarks", "CSV", "landmarks.csv", COORDINATE_CSV);
    const seen: string[] = [];
    published = await coordinateCsv.publish({ onProgress: (status) => seen.push(status.status) });
    expect(published.type).toBe("Feature Service");
    expect(seen[seen.length - 1]).toBe("completed");
    const layer = await firstLayer(published);
    expect(await layer.query({ returnCountOnly: true })).toBe(3);
    const rows = await layer.query({
      where: "visitors > 7500000",
      outFields: "name,visitors,note",
      orderByFields: "name",
      outSr: 4326,
      asDf: true,
    });
    expect(rows).toEqual([
      { name: "Colosseum", visitors: 7600000, note: "Rome", SHAPE: { x: 12.4922, y: 41.8902 } },
      { name: "Golden Gate", visitors: 10000000, note: null, SHAPE: { x: -122.4783, y: 37.8199 } },
    ]);
    const mercator = await layer.query({ where: "name = 'Eiffel Tower'" });
    expect(mercator.spatialReference?.wkid).toBe(102100);
    expect(mercator.features[0].geometry?.x as number).toBeCloseTo(255_422, -1);
    const status = await published.status();
    expect(status.status).toBe("completed");
  });

  it("publishes a CSV of addresses by geocoding them", async () => {
    const csv = await addFile("Stores", "CSV", "stores.csv", ADDRESS_CSV);
    const item = await csv.publish({ addressFields: { City: "city", Region: "state" } });
    const set = await (await firstLayer(item)).query({ outSr: 4326, orderByFields: "store" });
    const byStore = Object.fromEntries(
      set.features.map((feature) => [feature.attributes.store, feature.geometry]),
    );
    expect(byStore.North?.x as number).toBeCloseTo(-116.55, 1);
    expect(byStore.South?.y as number).toBeCloseTo(34.06, 1);
    expect(byStore.Lost).toBeUndefined();
  });

  it("deletes a hosted layer's service with its item, freeing the name", async () => {
    const geojson = await addFile("Doomed", "GeoJson", "doomed.geojson", JSON.stringify(POLYGONS));
    const item = await geojson.publish();
    const layer = await firstLayer(item);
    const serviceName = item.url?.split("/").slice(-2, -1)[0] ?? "";
    expect(serviceName).not.toBe("");
    expect(await gis.content.isServiceNameAvailable(serviceName, "featureService")).toBe(false);
    await expect(item.delete()).resolves.toBe(true);
    await expect(layer.query({ returnCountOnly: true })).rejects.toBeInstanceOf(ArcGISError);
    expect(await gis.content.isServiceNameAvailable(serviceName, "featureService")).toBe(true);
    await geojson.delete();
  });

  it("publishes GeoJSON polygons", async () => {
    const geojson = await addFile("Zones", "GeoJson", "zones.geojson", JSON.stringify(POLYGONS));
    const item = await geojson.publish();
    const layer = await firstLayer(item);
    const properties = await layer.getProperties();
    expect(properties.geometryType).toBe("esriGeometryPolygon");
    const inside = await layer.query({
      geometryFilter: {
        geometry: { x: 1, y: 1, spatialReference: { wkid: 4326 } },
        geometryType: "esriGeometryPoint",
        spatialRel: "esriSpatialRelIntersects",
      },
      outFields: "zone",
    });
    expect(inside.features.map((feature) => feature.attributes.zone)).toEqual(["A"]);
    const collection = await layer.query({ outSr: 4326, asGeoJSON: true, where: "zone = 'B'" });
    expect(collection.features[0].geometry?.type).toBe("Polygon");
  });

  it("overwrites a published layer and keeps its item id", async () => {
    await coordinateCsv.update({
      data: Buffer.from(`${COORDINATE_CSV}\nSagrada Familia,41.4036,2.1744,4500000,Barcelona`),
    });
    const again = await coordinateCsv.publish({ overwrite: true });
    expect(again.id).toBe(published.id);
    expect(await (await firstLayer(again)).query({ returnCountOnly: true })).toBe(4);
  });

  it("exports to CSV, GeoJSON, Feature Collection and KML and reads each back", async () => {
    const csv = (await published.export("Landmarks CSV", "CSV")) as Item;
    expect(csv.type).toBe("CSV");
    const csvText = String(await csv.getData());
    expect(csvText.split(/\r?\n/)[0]).toBe("OBJECTID,name,latitude,longitude,visitors,note,x,y");
    expect(csvText).toContain('"Paris, France"');
    const geojson = (await published.export("Landmarks GeoJSON", "GeoJson")) as Item;
    const collection = (await geojson.getData()) as {
      features: { properties: { name: string } }[];
    };
    expect(collection.features.map((feature) => feature.properties.name)).toContain(
      "Sagrada Familia",
    );
    const featureCollection = (await published.export(
      "Landmarks FC",
      "Feature Collection",
    )) as Item;
    const fc = (await featureCollection.getData()) as {
      layers: { featureSet: { features: unknown[] } }[];
    };
    expect(fc.layers[0].featureSet.features).toHaveLength(4);
    const kml = (await published.export("Landmarks KML", "KML")) as Item;
    // getData saves file items to disk and answers with the path, as in Python.
    const kmlText = fs.readFileSync(String(await kml.getData()), "utf8");
    expect(kmlText).toContain("<Placemark><name>Colosseum</name>");
    expect(kmlText).toContain("<coordinates>12.4922,41.8902</coordinates>");
  });

  it("refuses formats this portal cannot produce, as the real API does", async () => {
    const failure = await published
      .export("Landmarks GDB", "File Geodatabase")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArcGISError);
    expect((failure as ArcGISError).message).toMatch(/File Geodatabase/);
    await expect(published.export("", "CSV")).rejects.toThrow(/title/);
  });

  it("stops waiting when cancelled", async () => {
    const source = await addFile("Cancelled", "CSV", "cancelled.csv", COORDINATE_CSV);
    const controller = new AbortController();
    controller.abort();
    await expect(source.publish({ signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it("imports records by geocoding, and GeoJSON as a hosted layer", async () => {
    const records = [
      { shop: "One", town: "Tokyo", country: "Japan" },
      { shop: "Two", town: "Paris", country: "France" },
    ];
    const imported = await gis.content.importData(records, {
      addressFields: { City: "town", CountryCode: "country" },
    });
    expect(imported).toBeInstanceOf(FeatureCollection);
    const features = (imported as FeatureCollection).query().features;
    expect(features[0].geometry?.x as number).toBeCloseTo(139.69, 1);
    expect(features[1].attributes.shop).toBe("Two");
    const layerItem = (await gis.content.importData(POLYGONS as never, {
      title: "Imported zones",
    })) as Item;
    expect(layerItem.type).toBe("Feature Service");
    expect(await (await firstLayer(layerItem)).query({ returnCountOnly: true })).toBe(2);
    await expect(gis.content.importData([{ a: 1 }])).rejects.toThrow(/addressFields/);
  });
});
