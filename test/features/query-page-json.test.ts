import { DEMO_PUBLISHER, type FeaturePortal, startFeaturePortal } from "./service-fixture";

/**
 * A query page is written from the stored JSON texts (portal/src/features/query-page-json.ts);
 * these cases make it take every branch and check that the answer is what building it as
 * objects gave: fields in the asked order, null for unset ones, geometry projected when asked.
 */
describe("query pages written from the stored JSON", () => {
  let portal: FeaturePortal;
  let token: string;
  let layerUrl: string;
  const tricky = 'quote " backslash \\ "rank":7, é ✓ \u2028';

  beforeAll(async () => {
    portal = await startFeaturePortal();
    token = await portal.token(DEMO_PUBLISHER);
    const created = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      {
        createParameters: { name: "PageJson", capabilities: "Query,Editing" },
        outputType: "featureService",
      },
      token,
    );
    const serviceUrl = created.serviceurl as string;
    await portal.call(
      `${serviceUrl.replace("/rest/services/", "/rest/admin/services/")}/addToDefinition`,
      {
        addToDefinition: {
          layers: [
            {
              name: "Points",
              geometryType: "esriGeometryPoint",
              fields: [
                { name: "rank", type: "esriFieldTypeInteger" },
                { name: "label", type: "esriFieldTypeString" },
              ],
            },
          ],
        },
      },
      token,
    );
    layerUrl = `${serviceUrl}/0`;
    const point = { x: 10, y: 20, spatialReference: { wkid: 4326 } };
    const adds = [
      // Stored keys in field order: copied as stored.
      { attributes: { rank: 1, label: "one" }, geometry: point },
      // Stored in another order: rebuilt in field order.
      { attributes: { label: "two", rank: 2 }, geometry: point },
      // A field left out: stored as its default (null).
      { attributes: { rank: 3 }, geometry: point },
      // No geometry, and a string that looks like JSON keys.
      { attributes: { rank: 4, label: tricky } },
    ];
    const edits = await portal.call(`${layerUrl}/applyEdits`, { adds }, token);
    expect((edits.addResults as { success: boolean }[]).every((r) => r.success)).toBe(true);
  });

  afterAll(async () => {
    await portal.portal.close();
  });

  const query = async (
    params: Record<string, string>,
  ): Promise<{ text: string; type: string | null }> => {
    const body = new URLSearchParams({ f: "json", where: "1=1", token, ...params });
    const response = await fetch(`${layerUrl}/query`, { method: "POST", body });
    return { text: await response.text(), type: response.headers.get("content-type") };
  };
  type Page = {
    fields: { name: string }[];
    features: { attributes: Record<string, unknown>; geometry?: { x: number; y: number } }[];
  };

  it("answers every field in field order, null where unset, geometry as stored", async () => {
    const { text, type } = await query({ outFields: "*" });
    expect(type).toBe("application/json; charset=utf-8");
    const page = JSON.parse(text) as Page;
    expect(page.fields.map((field) => field.name)).toEqual(["OBJECTID", "rank", "label"]);
    expect(page.features.map((feature) => Object.keys(feature.attributes))).toEqual(
      Array(4).fill(["OBJECTID", "rank", "label"]),
    );
    expect(page.features.map((feature) => feature.attributes.label)).toEqual([
      "one",
      "two",
      null,
      tricky,
    ]);
    expect(page.features.map((feature) => feature.attributes.rank)).toEqual([1, 2, 3, 4]);
    expect(page.features.map((feature) => "geometry" in feature)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // Stored in Web Mercator, the service's spatial reference.
    expect(page.features[0].geometry!.x).toBeCloseTo(1113194.9, 0);
  });

  it("answers a subset of fields in the asked order, the object id last", async () => {
    const page = JSON.parse((await query({ outFields: "label,OBJECTID" })).text) as Page;
    expect(page.features.map((feature) => Object.keys(feature.attributes))).toEqual(
      Array(4).fill(["label", "OBJECTID"]),
    );
    expect(page.features[1].attributes).toEqual({ label: "two", OBJECTID: 2 });
  });

  it("answers the object id alone when no outFields are given", async () => {
    const page = JSON.parse((await query({})).text) as Page;
    expect(page.features.map((feature) => feature.attributes)).toEqual([
      { OBJECTID: 1 },
      { OBJECTID: 2 },
      { OBJECTID: 3 },
      { OBJECTID: 4 },
    ]);
  });

  it("projects geometry for outSR and leaves it out for returnGeometry=false", async () => {
    const projected = JSON.parse((await query({ outFields: "rank", outSR: "4326" })).text) as Page;
    expect(projected.features[0].geometry).toEqual({ x: 10, y: 20 });
    const bare = JSON.parse(
      (await query({ outFields: "rank", returnGeometry: "false" })).text,
    ) as Page;
    expect(bare.features.some((feature) => "geometry" in feature)).toBe(false);
  });

  it("answers f=pjson with the same value, indented", async () => {
    const json = await query({ outFields: "*" });
    const pjson = await query({ outFields: "*", f: "pjson" });
    expect(pjson.text).toContain('\n  "objectIdFieldName"');
    expect(JSON.parse(pjson.text)).toEqual(JSON.parse(json.text));
  });
});
