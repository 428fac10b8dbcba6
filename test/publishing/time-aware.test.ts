// Time-aware hosted layers: a date column published with time settings gets the layer
// resource's timeInfo (its time extent following the features), and query's `time` filters.
import { ArcGISError, FeatureLayer, FeatureLayerCollection, GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };

/** Two visits in spring 2020, two in autumn 2021 (the last with an offset), one undated. */
const VISITS_CSV = [
  "place,latitude,longitude,visited",
  "Lyon,45.76,4.84,2020-03-01",
  "Dijon,47.32,5.04,2020-04-15T12:30:00Z",
  "Nantes,47.22,-1.55,2021-10-01T08:00",
  "Brest,48.39,-4.49,2021-11-20T10:00:00+02:00",
  "Tours,47.39,0.69,",
].join("\n");

const MS = {
  march2020: Date.UTC(2020, 2, 1),
  april2020: Date.UTC(2020, 3, 15, 12, 30),
  october2021: Date.UTC(2021, 9, 1, 8),
  november2021: Date.UTC(2021, 10, 20, 8),
};

describe("time-aware hosted feature layers", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let visits: FeatureLayer;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    const csv: Item = await gis.content.add(
      { title: "Visits", type: "CSV", tags: "test", fileName: "visits.csv" },
      { data: Buffer.from(VISITS_CSV) },
    );
    const item = await csv.publish({
      publishParameters: {
        name: "Visits",
        layerInfo: {
          timeInfo: {
            startTimeField: "VISITED",
            timeInterval: 1,
            timeIntervalUnits: "esriTimeUnitsMonths",
          },
        },
      },
    });
    [visits] = await FeatureLayerCollection.fromItem(item).getLayers();
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  async function placesWhen(timeFilter: unknown): Promise<string[]> {
    const rows = await visits.query({
      outFields: "place",
      orderByFields: "place",
      asDf: true,
      returnGeometry: false,
      timeFilter: timeFilter as never,
    });
    return rows.map((row) => String(row.place));
  }

  it("publishes ISO dates as a date field and reports the layer's time settings and extent", async () => {
    const properties = await visits.getProperties();
    const field = properties.fields?.find((entry) => entry.name === "visited");
    expect(field?.type).toBe("esriFieldTypeDate");
    expect(properties.timeInfo).toMatchObject({
      startTimeField: "visited",
      endTimeField: null,
      trackIdField: null,
      timeExtent: [MS.march2020, MS.november2021],
      timeReference: { timeZone: "UTC", respectsDaylightSaving: false },
      timeInterval: 1,
      timeIntervalUnits: "esriTimeUnitsMonths",
    });
    const rows = await visits.query({
      where: "place = 'Brest'",
      outFields: "visited",
      asDf: true,
    });
    expect(rows[0].visited).toBe(MS.november2021);
  });

  it("filters a query by a time window, an instant and open-ended windows", async () => {
    expect(await placesWhen([MS.march2020, MS.april2020])).toEqual(["Dijon", "Lyon"]);
    expect(await placesWhen([new Date("2021-01-01"), new Date("2022-01-01")])).toEqual([
      "Brest",
      "Nantes",
    ]);
    expect(await placesWhen(MS.october2021)).toEqual(["Nantes"]);
    expect(await placesWhen([null, MS.april2020])).toEqual(["Dijon", "Lyon"]);
    expect(await placesWhen([MS.april2020, null])).toEqual(["Brest", "Dijon", "Nantes"]);
    // Without a time filter the undated feature is there too.
    expect(await placesWhen(undefined)).toHaveLength(5);
    const count = await gis.session.get<{ count: number }>(`${visits.url}/query`, {
      where: "1=1",
      time: `${MS.march2020}, null`,
      returnCountOnly: true,
    });
    expect(count.count).toBe(4);
  });

  it("answers a bad time with a 400 naming the parameter", async () => {
    for (const time of ["yesterday", "1,2,3", `${MS.april2020},${MS.march2020}`]) {
      const error = await gis.session
        .get(`${visits.url}/query`, { where: "1=1", time })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ArcGISError);
      expect((error as ArcGISError).code).toBe(400);
      expect(`${(error as ArcGISError).message} ${(error as ArcGISError).details}`).toMatch(
        /'time'/,
      );
    }
    await expect(visits.query({ timeFilter: ["soon", null] as never })).rejects.toThrow(
      /timeFilter/,
    );
  });

  it("keeps the time extent current through edits, with start and end fields on a created service", async () => {
    const item = await gis.content.createService("Trips", {
      capabilities: "Query,Editing",
      wkid: 4326,
    });
    const collection = FeatureLayerCollection.fromItem(item);
    await collection.manager.addToDefinition({
      layers: [
        {
          name: "Trips",
          geometryType: "esriGeometryPoint",
          fields: [
            { name: "trip", type: "esriFieldTypeString" },
            { name: "departs", type: "esriFieldTypeDate" },
            { name: "arrives", type: "esriFieldTypeDate" },
          ],
          timeInfo: { startTimeField: "departs", endTimeField: "arrives", trackIdField: "trip" },
        },
      ],
    });
    const [trips] = await collection.getLayers();
    const day = (date: number): number => Date.UTC(2022, 0, date);
    await trips.editFeatures({
      adds: [
        { attributes: { trip: "A", departs: day(1), arrives: day(3) }, geometry: { x: 1, y: 1 } },
        { attributes: { trip: "B", departs: day(10), arrives: null }, geometry: { x: 2, y: 2 } },
      ],
    });
    expect((await trips.getProperties()).timeInfo).toMatchObject({
      startTimeField: "departs",
      endTimeField: "arrives",
      trackIdField: "trip",
      timeExtent: [day(1), day(10)],
    });
    // A span meets the window when it overlaps it; a missing end makes the feature an instant.
    const tripsWhen = async (window: [number, number]): Promise<unknown[]> => {
      const rows = await trips.query({ outFields: "trip", timeFilter: window, asDf: true });
      return rows.map((row) => row.trip);
    };
    expect(await tripsWhen([day(2), day(2)])).toEqual(["A"]);
    expect(await tripsWhen([day(4), day(9)])).toEqual([]);
    expect(await tripsWhen([day(9), day(11)])).toEqual(["B"]);
    await trips.editFeatures({
      adds: [{ attributes: { trip: "C", departs: day(20), arrives: day(25) } }],
    });
    expect((await trips.getProperties()).timeInfo?.timeExtent).toEqual([day(1), day(25)]);

    // ArcGIS Online's "enable time" setting is the layer's updateDefinition; null turns it off.
    const admin = trips.url.replace("/rest/services/", "/rest/admin/services/");
    const refused = await gis.session
      .post(`${admin}/updateDefinition`, {
        updateDefinition: { timeInfo: { startTimeField: "trip" } },
      })
      .catch((caught: unknown) => caught);
    expect((refused as ArcGISError).code).toBe(400);
    expect((refused as ArcGISError).details.join(" ")).toMatch(/startTimeField.*date field/);
    await gis.session.post(`${admin}/updateDefinition`, { updateDefinition: { timeInfo: null } });
    const plain = await trips.getProperties();
    expect(plain.timeInfo).toBeUndefined();
    // A layer without time ignores the filter, as ArcGIS does.
    expect(await tripsWhen([day(4), day(9)])).toHaveLength(3);
    await gis.session.post(`${admin}/updateDefinition`, {
      updateDefinition: { timeInfo: { startTimeField: "departs" } },
    });
    expect((await trips.getProperties()).timeInfo?.timeExtent).toEqual([day(1), day(20)]);
  });

  it("refuses time settings naming a field that is not a date", async () => {
    const csv = await gis.content.add(
      { title: "Bad time", type: "CSV", tags: "test", fileName: "bad-time.csv" },
      { data: Buffer.from(VISITS_CSV) },
    );
    await expect(
      csv.publish({
        publishParameters: {
          name: "BadTime",
          layerInfo: { timeInfo: { startTimeField: "place" } },
        },
      }),
    ).rejects.toThrow(/startTimeField/);
    await expect(
      csv.publish({ publishParameters: { name: "BadTime2", layerInfo: { timeInfo: "visited" } } }),
    ).rejects.toThrow(/publishParameters/);
  });
});
