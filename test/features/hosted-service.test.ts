import {
  CITIES,
  CITY_FIELDS,
  DEMO_PUBLISHER,
  DEMO_USER,
  type FeaturePortal,
  startFeaturePortal,
} from "./service-fixture";

describe("hosted feature services on the portal", () => {
  let portal: FeaturePortal;
  let publisher: string;
  let user: string;
  let serviceUrl: string;
  let itemId: string;

  beforeAll(async () => {
    portal = await startFeaturePortal();
    publisher = await portal.token(DEMO_PUBLISHER);
    user = await portal.token(DEMO_USER);
    const created = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      {
        createParameters: {
          name: "Cities",
          capabilities: "Query,Editing",
          maxRecordCount: 3,
          spatialReference: { wkid: 102100 },
        },
        outputType: "featureService",
      },
      publisher,
    );
    expect(created.success).toBe(true);
    serviceUrl = created.serviceurl as string;
    itemId = created.itemId as string;
    const adminUrl = serviceUrl.replace("/rest/services/", "/rest/admin/services/");
    const added = await portal.call(
      `${adminUrl}/addToDefinition`,
      {
        addToDefinition: {
          layers: [{ name: "Cities", geometryType: "esriGeometryPoint", fields: CITY_FIELDS }],
        },
      },
      publisher,
    );
    expect(added.success).toBe(true);
    const edits = await portal.call(
      `${serviceUrl}/0/applyEdits`,
      {
        adds: CITIES.map(({ lon, lat, ...attributes }) => ({
          attributes,
          geometry: { x: lon, y: lat, spatialReference: { wkid: 4326 } },
        })),
      },
      publisher,
    );
    expect((edits.addResults as { success: boolean }[]).every((result) => result.success)).toBe(
      true,
    );
  });

  afterAll(async () => {
    await portal.portal.close();
  });

  const query = (params: Record<string, unknown>, token = publisher) =>
    portal.call(`${serviceUrl}/0/query`, params, token);

  it("creates a Feature Service item that points at the service", async () => {
    const item = await portal.call(`/sharing/rest/content/items/${itemId}`, {}, publisher);
    expect(item).toMatchObject({ type: "Feature Service", url: serviceUrl, owner: "publisher" });
    const info = await portal.call(serviceUrl, {}, publisher);
    expect(info).toMatchObject({
      serviceItemId: itemId,
      maxRecordCount: 3,
      layers: [{ id: 0, name: "Cities" }],
    });
    const layer = await portal.call(`${serviceUrl}/0`, {}, publisher);
    expect(layer).toMatchObject({
      type: "Feature Layer",
      objectIdField: "OBJECTID",
      geometryType: "esriGeometryPoint",
    });
    expect((layer.fields as { name: string }[]).map((field) => field.name)).toEqual([
      "OBJECTID",
      "name",
      "country",
      "population",
      "founded",
    ]);
  });

  it("counts, filters with where clauses and object ids", async () => {
    expect(await query({ where: "1=1", returnCountOnly: true })).toEqual({ count: 7 });
    expect(
      await query({ where: "country = 'FR' AND population > 1000000", returnCountOnly: true }),
    ).toEqual({ count: 1 });
    expect(
      await query({ where: "country IN ('DE', 'ES') OR name LIKE 'T%'", returnCountOnly: true }),
    ).toEqual({ count: 4 });
    expect(
      await query({
        where: "founded BETWEEN 0 AND 1200 AND NOT country = 'ES'",
        returnCountOnly: true,
      }),
    ).toEqual({ count: 1 });
    expect(await query({ where: "name = 'O''Fallon'", returnCountOnly: true })).toEqual({
      count: 1,
    });
    expect(
      await query({
        where: "UPPER(name) = 'PARIS' AND population IS NOT NULL",
        returnCountOnly: true,
      }),
    ).toEqual({ count: 1 });
    const ids = await query({ where: "country = 'DE'", returnIdsOnly: true });
    expect(ids).toEqual({ objectIdFieldName: "OBJECTID", objectIds: [3, 4] });
    const byId = await query({ objectIds: "1,6", outFields: "name" });
    expect(
      (byId.features as { attributes: unknown }[]).map((feature) => feature.attributes),
    ).toEqual([{ name: "Paris" }, { name: "Tokyo" }]);
  });

  it("refuses where clauses it cannot parse safely, naming the problem", async () => {
    const injected = await query({ where: "name = 'x'; DROP TABLE features --" });
    expect(injected.error?.code).toBe(400);
    expect(injected.error?.message).toMatch(/where/);
    const unknown = await query({ where: "nosuchfield = 1" });
    expect(unknown.error?.details.join()).toMatch(/nosuchfield/);
    expect(await query({ where: "1=1", returnCountOnly: true })).toEqual({ count: 7 });
  });

  it("returns geometries in the stored and in another spatial reference", async () => {
    const mercator = await query({ where: "name = 'Paris'", outFields: "*" });
    expect(mercator.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
    const [paris] = mercator.features as {
      geometry: { x: number; y: number };
      attributes: Record<string, unknown>;
    }[];
    expect(paris.attributes).toEqual({
      OBJECTID: 1,
      name: "Paris",
      country: "FR",
      population: 2138551,
      founded: -250,
    });
    expect(paris.geometry.x).toBeCloseTo(261_465, -1);
    const wgs = await query({ where: "name = 'Paris'", outSR: 4326 });
    const [again] = wgs.features as { geometry: { x: number; y: number } }[];
    expect(again.geometry.x).toBeCloseTo(2.3488, 5);
    expect(again.geometry.y).toBeCloseTo(48.85341, 5);
    const bare = await query({ where: "name = 'Paris'", returnGeometry: false });
    expect((bare.features as Record<string, unknown>[])[0].geometry).toBeUndefined();
  });

  it("filters by geometry: envelope, polygon intersects, within and contains", async () => {
    const europe = { xmin: -10, ymin: 35, xmax: 20, ymax: 60, spatialReference: { wkid: 4326 } };
    expect(
      await query({
        geometry: europe,
        geometryType: "esriGeometryEnvelope",
        returnCountOnly: true,
      }),
    ).toEqual({ count: 5 });
    const france = {
      rings: [
        [
          [-5, 42],
          [-5, 51],
          [8, 51],
          [8, 42],
          [-5, 42],
        ],
      ],
      spatialReference: { wkid: 4326 },
    };
    const within = await query({
      geometry: france,
      geometryType: "esriGeometryPolygon",
      spatialRel: "esriSpatialRelWithin",
      outFields: "name",
      orderByFields: "name DESC",
    });
    expect(
      (within.features as { attributes: { name: string } }[]).map(
        (feature) => feature.attributes.name,
      ),
    ).toEqual(["Paris", "Lyon"]);
    const contains = await query({
      geometry: france,
      geometryType: "esriGeometryPolygon",
      spatialRel: "esriSpatialRelContains",
      returnCountOnly: true,
    });
    expect(contains).toEqual({ count: 0 });
    const shorthand = await query({ geometry: "-5,42,8,51", inSR: 4326, returnCountOnly: true });
    expect(shorthand).toEqual({ count: 2 });
  });

  it("pages with resultOffset and resultRecordCount, capped at maxRecordCount", async () => {
    const names: string[] = [];
    for (let offset = 0; offset < 10; offset += 3) {
      const page = await query({
        where: "1=1",
        outFields: "name",
        orderByFields: "population DESC",
        resultOffset: offset,
      });
      names.push(
        ...(page.features as { attributes: { name: string } }[]).map(
          (feature) => feature.attributes.name,
        ),
      );
      expect(page.exceededTransferLimit === true).toBe(offset + 3 < 7);
    }
    expect(names).toEqual(["Tokyo", "Berlin", "Madrid", "Paris", "Munich", "Lyon", "O'Fallon"]);
    const two = await query({ where: "1=1", resultRecordCount: 2, resultOffset: 1 });
    expect((two.features as unknown[]).length).toBe(2);
  });

  it("answers extent-only and GeoJSON queries", async () => {
    const extent = await query({ where: "country = 'FR'", returnExtentOnly: true, outSR: 4326 });
    expect(extent.extent).toMatchObject({
      xmin: 2.3488,
      xmax: 4.84671,
      spatialReference: { wkid: 4326 },
    });
    const response = await fetch(
      `${serviceUrl}/0/query?where=country%3D%27JP%27&outFields=*&f=geojson&token=${publisher}`,
    );
    const geojson = (await response.json()) as {
      type: string;
      features: {
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    expect(geojson.type).toBe("FeatureCollection");
    expect(geojson.features[0].geometry.type).toBe("Point");
    expect(geojson.features[0].geometry.coordinates[0]).toBeCloseTo(139.69171, 5);
    expect(geojson.features[0].properties.name).toBe("Tokyo");
  });

  it("applies updates and deletes with per-edit results, rolling back on failure", async () => {
    const edited = await portal.call(
      `${serviceUrl}/0/applyEdits`,
      { updates: [{ attributes: { OBJECTID: 2, population: 500000 } }], deletes: "7" },
      publisher,
    );
    expect(edited.updateResults).toEqual([
      { objectId: 2, uniqueId: 2, globalId: null, success: true },
    ]);
    expect(edited.deleteResults).toEqual([
      { objectId: 7, uniqueId: 7, globalId: null, success: true },
    ]);
    const failing = await portal.call(
      `${serviceUrl}/0/applyEdits`,
      { adds: [{ attributes: { name: "Rome", population: "many" } }], deletes: [1] },
      publisher,
    );
    expect(
      (failing.addResults as { success: boolean; error: { description: string } }[])[0],
    ).toMatchObject({ success: false });
    expect(
      (failing.addResults as { error: { description: string } }[])[0].error.description,
    ).toMatch(/population/);
    expect((failing.deleteResults as { error: { code: number } }[])[0].error.code).toBe(1003);
    expect(await query({ where: "1=1", returnCountOnly: true })).toEqual({ count: 6 });
    const lyon = await query({ objectIds: "2", outFields: "population" });
    expect((lyon.features as { attributes: unknown }[])[0].attributes).toEqual({
      population: 500000,
    });
  });

  it("keeps a private service from other users and edits from non-owners", async () => {
    const denied = await query({ where: "1=1" }, user);
    expect(denied.error?.code).toBe(403);
    const anonymous = await portal.call(`${serviceUrl}/0/query`, { where: "1=1" });
    expect(anonymous.error?.code).toBe(499);
    const shared = await portal.call(
      `/sharing/rest/content/users/publisher/items/${itemId}/share`,
      { everyone: true, org: true },
      publisher,
    );
    expect(shared.error).toBeUndefined();
    expect(await query({ where: "1=1", returnCountOnly: true }, user)).toEqual({ count: 6 });
    const edit = await portal.call(`${serviceUrl}/0/applyEdits`, { deletes: "1" }, user);
    expect(edit.error?.code).toBe(403);
  });

  it("checks service names and refuses duplicates and non-publishers", async () => {
    expect(
      await portal.call(
        "/sharing/rest/portals/self/isServiceNameAvailable",
        { name: "cities", type: "Feature Service" },
        publisher,
      ),
    ).toEqual({ available: false });
    expect(
      await portal.call(
        "/sharing/rest/portals/self/isServiceNameAvailable",
        { name: "Towns", type: "Feature Service" },
        publisher,
      ),
    ).toEqual({ available: true });
    const duplicate = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      { createParameters: { name: "Cities" } },
      publisher,
    );
    expect(duplicate.error?.code).toBe(400);
    const badName = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      { createParameters: { name: "bad name!" } },
      publisher,
    );
    expect(badName.error?.message).toMatch(/createParameters/);
    const notPublisher = await portal.call(
      "/sharing/rest/content/users/user/createService",
      { createParameters: { name: "Mine" } },
      user,
    );
    expect(notPublisher.error?.code).toBe(403);
  });

  it("serves a view that hides fields and rows", async () => {
    const view = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      { createParameters: { name: "Cities_view", capabilities: "Query" }, isView: true },
      publisher,
    );
    expect(view.isView).toBe(true);
    const viewUrl = view.serviceurl as string;
    const viewAdmin = viewUrl.replace("/rest/services/", "/rest/admin/services/");
    const added = await portal.call(
      `${viewAdmin}/addToDefinition`,
      {
        addToDefinition: {
          layers: [
            {
              name: "European cities",
              adminLayerInfo: {
                viewLayerDefinition: {
                  sourceServiceName: "Cities",
                  sourceLayerId: 0,
                  sourceLayerFields: [{ name: "name" }, { name: "country" }],
                },
              },
            },
          ],
        },
      },
      publisher,
    );
    expect(added.success).toBe(true);
    await portal.call(
      `${viewAdmin}/0/updateDefinition`,
      { updateDefinition: { viewDefinitionQuery: "country <> 'JP'" } },
      publisher,
    );
    const layer = await portal.call(`${viewUrl}/0`, {}, publisher);
    expect(layer.isView).toBe(true);
    expect((layer.fields as { name: string }[]).map((field) => field.name)).toEqual([
      "OBJECTID",
      "name",
      "country",
    ]);
    const rows = await portal.call(
      `${viewUrl}/0/query`,
      { where: "1=1", outFields: "*" },
      publisher,
    );
    expect(
      (rows.features as { attributes: Record<string, unknown> }[]).map(
        (feature) => feature.attributes.name,
      ),
    ).toEqual(["Paris", "Lyon", "Berlin", "Munich", "Madrid"]);
    expect(Object.keys((rows.features as { attributes: object }[])[0].attributes)).toEqual([
      "OBJECTID",
      "name",
      "country",
    ]);
    const hidden = await portal.call(`${viewUrl}/0/query`, { where: "population > 1" }, publisher);
    expect(hidden.error?.details.join()).toMatch(/population/);
  });
});
