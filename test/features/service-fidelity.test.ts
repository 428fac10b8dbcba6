import {
  CITIES,
  CITY_FIELDS,
  DEMO_PUBLISHER,
  DEMO_USER,
  type FeaturePortal,
  startFeaturePortal,
} from "./service-fixture";

type Feature = { attributes: Record<string, unknown> };

// The behaviour behind keys of the service and layer JSON: editor tracking filled in by
// applyEdits and calculate, the calculate operation, related tables, scale limits.
describe("hosted feature service behaviours behind the layer's keys", () => {
  let portal: FeaturePortal;
  let publisher: string;
  let user: string;
  let serviceUrl: string;

  beforeAll(async () => {
    portal = await startFeaturePortal();
    publisher = await portal.token(DEMO_PUBLISHER);
    user = await portal.token(DEMO_USER);
    const created = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      {
        createParameters: {
          name: "TrackedCities",
          capabilities: "Query,Editing",
          editorTrackingInfo: { enableEditorTracking: true, enableOwnershipAccessControl: false },
        },
        outputType: "featureService",
      },
      publisher,
    );
    serviceUrl = created.serviceurl as string;
    const added = await portal.call(
      `${serviceUrl.replace("/rest/services/", "/rest/admin/services/")}/addToDefinition`,
      {
        addToDefinition: {
          layers: [
            {
              id: 0,
              name: "Cities",
              geometryType: "esriGeometryPoint",
              fields: CITY_FIELDS,
              minScale: 50000000,
              maxScale: 5000,
              relationships: [
                {
                  id: 0,
                  name: "Visits",
                  relatedTableId: 1,
                  cardinality: "esriRelCardinalityOneToMany",
                  role: "esriRelRoleOrigin",
                  keyField: "name",
                  composite: false,
                },
              ],
            },
          ],
          tables: [
            {
              id: 1,
              name: "Visits",
              fields: [{ name: "city", type: "esriFieldTypeString", alias: "City", length: 100 }],
              relationships: [
                {
                  id: 0,
                  name: "Cities",
                  relatedTableId: 0,
                  cardinality: "esriRelCardinalityOneToMany",
                  role: "esriRelRoleDestination",
                  keyField: "city",
                  composite: false,
                },
              ],
            },
          ],
        },
      },
      publisher,
    );
    expect(added.success).toBe(true);
  });

  afterAll(async () => {
    await portal?.portal.close();
  });

  const features = async (where = "1=1"): Promise<Feature[]> => {
    const answer = await portal.call(
      `${serviceUrl}/0/query`,
      { where, outFields: "*", orderByFields: "name" },
      publisher,
    );
    return answer.features as Feature[];
  };

  it("describes editor tracking: the service's info, the layer's edit fields", async () => {
    const service = await portal.call(serviceUrl, {}, publisher);
    expect(service.editorTrackingInfo).toMatchObject({ enableEditorTracking: true });
    const layer = await portal.call(`${serviceUrl}/0`, {}, publisher);
    expect(layer.editFieldsInfo).toEqual({
      creationDateField: "CreationDate",
      creatorField: "Creator",
      editDateField: "EditDate",
      editorField: "Editor",
    });
    const fields = layer.fields as { name: string; type: string; editable: boolean }[];
    expect(fields.filter((field) => ["CreationDate", "EditDate"].includes(field.name))).toEqual([
      expect.objectContaining({ type: "esriFieldTypeDate", editable: false }),
      expect.objectContaining({ type: "esriFieldTypeDate", editable: false }),
    ]);
    const bad = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      {
        createParameters: { name: "BadTracking", editorTrackingInfo: { enableEditorTracking: 1 } },
        outputType: "featureService",
      },
      publisher,
    );
    expect(bad.error).toMatchObject({
      code: 400,
      message: "Invalid parameter 'createParameters'.",
    });
  });

  it("records who created and edited a feature, and when", async () => {
    const before = Date.now();
    const { lon, lat, ...attributes } = CITIES[0];
    const added = await portal.call(
      `${serviceUrl}/0/applyEdits`,
      { adds: [{ attributes, geometry: { x: lon, y: lat, spatialReference: { wkid: 4326 } } }] },
      publisher,
    );
    const objectId = (added.addResults as { objectId: number }[])[0].objectId;
    const [created] = await features(`name = '${CITIES[0].name}'`);
    expect(created.attributes).toMatchObject({ Creator: "publisher", Editor: "publisher" });
    expect(created.attributes.CreationDate).toBe(created.attributes.EditDate);
    expect(created.attributes.CreationDate as number).toBeGreaterThanOrEqual(before);

    const admin = await portal.token({ username: "admin", password: "tsgis-admin-1" });
    await portal.call(
      `${serviceUrl}/0/applyEdits`,
      { updates: [{ attributes: { OBJECTID: objectId, population: 1 } }] },
      admin,
    );
    const [updated] = await features(`name = '${CITIES[0].name}'`);
    expect(updated.attributes).toMatchObject({ Creator: "publisher", Editor: "admin" });
    expect(updated.attributes.CreationDate).toBe(created.attributes.CreationDate);
    expect(updated.attributes.EditDate as number).toBeGreaterThanOrEqual(
      created.attributes.EditDate as number,
    );
  });

  it("refuses edits of the edit fields themselves", async () => {
    const answer = await portal.call(
      `${serviceUrl}/0/applyEdits`,
      { adds: [{ attributes: { name: "Forged", Creator: "someone-else" } }] },
      publisher,
    );
    expect((answer.addResults as { success: boolean }[])[0].success).toBe(false);
  });

  it("calculates a field for the features a where clause selects", async () => {
    const adds = CITIES.slice(1).map(({ lon, lat, ...attributes }) => ({
      attributes,
      geometry: { x: lon, y: lat, spatialReference: { wkid: 4326 } },
    }));
    await portal.call(`${serviceUrl}/0/applyEdits`, { adds }, publisher);
    const layer = await portal.call(`${serviceUrl}/0`, {}, publisher);
    expect(layer.supportsCalculate).toBe(true);

    const answer = await portal.call(
      `${serviceUrl}/0/calculate`,
      { where: "country = 'FR'", calcExpression: [{ field: "founded", value: 0 }] },
      publisher,
    );
    expect(answer).toEqual({ success: true, updatedFeatureCount: 2 });
    const all = await features();
    const french = all.filter((feature) => feature.attributes.country === "FR");
    expect(french.map((feature) => feature.attributes.founded)).toEqual([0, 0]);
    expect(all.filter((feature) => feature.attributes.founded === 0)).toHaveLength(2);
    expect(french.every((feature) => feature.attributes.Editor === "publisher")).toBe(true);
  });

  it("answers bad calculate requests with errors naming the parameter", async () => {
    const call = (params: Record<string, unknown>, token = publisher) =>
      portal.call(`${serviceUrl}/0/calculate`, params, token);
    expect((await call({ calcExpression: [{ field: "founded", value: 1 }] })).error).toMatchObject({
      code: 400,
      message: "Invalid parameter 'where'.",
    });
    expect(
      (await call({ where: "1=1", calcExpression: [{ field: "nope", value: 1 }] })).error,
    ).toMatchObject({ code: 400, message: "Invalid parameter 'calcExpression'." });
    expect(
      (await call({ where: "1=1", calcExpression: [{ field: "founded", value: "old" }] })).error,
    ).toMatchObject({ code: 400, message: "Invalid parameter 'calcExpression'." });
    expect(
      (await call({ where: "1=1", calcExpression: [{ field: "Editor", value: "x" }] })).error,
    ).toMatchObject({ code: 400, message: "Invalid parameter 'calcExpression'." });
    expect(
      (await call({ where: "1=1", calcExpression: [{ field: "founded", value: 1 }] }, user)).error,
    ).toMatchObject({ code: 403 });
  });

  it("lists the relationships of related tables on the layers and the service", async () => {
    const layer = await portal.call(`${serviceUrl}/0`, {}, publisher);
    expect(layer.relationships).toEqual([
      expect.objectContaining({ id: 0, name: "Visits", relatedTableId: 1 }),
    ]);
    const table = await portal.call(`${serviceUrl}/1`, {}, publisher);
    expect(table.relationships).toEqual([
      expect.objectContaining({ id: 0, name: "Cities", relatedTableId: 0 }),
    ]);
    const service = await portal.call(serviceUrl, {}, publisher);
    expect(service.relationships).toEqual([{ id: 0, name: "Visits" }]);
    const bad = await portal.call(
      `${serviceUrl.replace("/rest/services/", "/rest/admin/services/")}/addToDefinition`,
      { addToDefinition: { tables: [{ name: "Odd", relationships: [{ id: "first" }] }] } },
      publisher,
    );
    expect(bad.error).toMatchObject({ code: 400, message: "Invalid parameter 'addToDefinition'." });
  });

  it("keeps the layer's scale range and lets updateDefinition change it", async () => {
    const layer = await portal.call(`${serviceUrl}/0`, {}, publisher);
    expect(layer).toMatchObject({ minScale: 50000000, maxScale: 5000 });
    const service = await portal.call(serviceUrl, {}, publisher);
    expect((service.layers as Record<string, unknown>[])[0]).toMatchObject({
      minScale: 50000000,
      maxScale: 5000,
    });
    const admin = serviceUrl.replace("/rest/services/", "/rest/admin/services/");
    await portal.call(
      `${admin}/0/updateDefinition`,
      { updateDefinition: { maxScale: 0 } },
      publisher,
    );
    expect(await portal.call(`${serviceUrl}/0`, {}, publisher)).toMatchObject({ maxScale: 0 });
    const bad = await portal.call(
      `${admin}/0/updateDefinition`,
      { updateDefinition: { minScale: "far" } },
      publisher,
    );
    expect(bad.error).toMatchObject({
      code: 400,
      message: "Invalid parameter 'updateDefinition'.",
    });
  });

  it("answers a private layer asked for without a token as ArcGIS Server does", async () => {
    const answer = await portal.call(`${serviceUrl}/0`);
    expect(answer.error).toEqual({
      code: 499,
      messageCode: "GWM_0003",
      message: "Token Required",
      details: ["Token Required"],
    });
  });
});
