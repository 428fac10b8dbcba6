import { FeatureLayer, FeatureLayerCollection, GIS } from "tsgis";
import { startFlakyFront, type FlakyFront, type RecordedRequest } from "../support/http-servers";
import { DEMO_PUBLISHER, type FeaturePortal, startFeaturePortal } from "./service-fixture";

const FEATURES = 41;
const MAX_RECORDS = 2;

/** The query parameters of a recorded layer query (GETs carry them in the URL). */
function queryOf(request: RecordedRequest): URLSearchParams | undefined {
  const url = new URL(request.url, "http://front");
  if (!url.pathname.endsWith("/0/query")) return undefined;
  return request.method === "GET" ? url.searchParams : new URLSearchParams(request.body.toString());
}

function pageRequests(front: FlakyFront): URLSearchParams[] {
  return front.requests
    .map(queryOf)
    .filter((params): params is URLSearchParams => params !== undefined)
    .filter((params) => params.get("returnCountOnly") !== "true");
}

describe("FeatureLayer.query pages every record concurrently, in order", () => {
  let portal: FeaturePortal;
  let gis: GIS;
  let layer: FeatureLayer;
  let layerPath: string;

  beforeAll(async () => {
    portal = await startFeaturePortal();
    gis = await GIS.connect({ url: portal.portal.url, ...DEMO_PUBLISHER, setActive: false });
    const item = await gis.content.createService("Paged_points", {
      capabilities: "Query,Editing",
      maxRecordCount: MAX_RECORDS,
    });
    await FeatureLayerCollection.fromItem(item).manager.addToDefinition({
      layers: [
        {
          name: "Points",
          geometryType: "esriGeometryPoint",
          fields: [{ name: "rank", type: "esriFieldTypeInteger" }],
        },
      ],
    });
    [layer] = await item.getLayers();
    layerPath = new URL(layer.url).pathname;
    const adds = Array.from({ length: FEATURES }, (_, index) => ({
      attributes: { rank: index + 1 },
      geometry: { x: index, y: -index, spatialReference: { wkid: 4326 } },
    }));
    const result = await layer.editFeatures({ adds });
    expect(result.addResults.every((entry) => entry.success)).toBe(true);
  });

  afterAll(async () => {
    gis.close();
    await portal.portal.close();
  });

  const ranks = (features: { attributes: Record<string, unknown> }[]): unknown[] =>
    features.map((feature) => feature.attributes.rank);
  const oneTo = (count: number, from = 1): number[] =>
    Array.from({ length: count }, (_, index) => from + index);

  it("returns every feature once, in the service's order, across maxRecordCount pages", async () => {
    const set = await layer.query({ outFields: "rank" });
    expect(ranks(set.features)).toEqual(oneTo(FEATURES));
    expect(set.exceededTransferLimit).toBe(false);
    expect(set.fields.map((field) => field.name)).toContain("rank");
  });

  it("keeps orderByFields, where and resultOffset across the pages", async () => {
    const descending = await layer.query({ outFields: "rank", orderByFields: "rank DESC" });
    expect(ranks(descending.features)).toEqual(oneTo(FEATURES).reverse());
    const filtered = await layer.query({ where: "rank > 30", outFields: "rank" });
    expect(ranks(filtered.features)).toEqual(oneTo(FEATURES - 30, 31));
    const offset = await layer.query({ outFields: "rank", resultOffset: 5 });
    expect(ranks(offset.features)).toEqual(oneTo(FEATURES - 5, 6));
  });

  it("pages GeoJSON and the table (asDf) the same way", async () => {
    const geojson = await layer.query({ outFields: "rank", asGeoJSON: true });
    expect(geojson.features.map((feature) => feature.properties?.rank)).toEqual(oneTo(FEATURES));
    expect(geojson.properties).toBeUndefined();
    const table = await layer.query({ outFields: "rank", asDf: true });
    expect(table.map((row) => row.rank)).toEqual(oneTo(FEATURES));
  });

  it("reads one page only when asked to", async () => {
    const page = await layer.query({ outFields: "rank", returnAllRecords: false });
    expect(ranks(page.features)).toEqual([1, 2]);
    expect(page.exceededTransferLimit).toBe(true);
    const sized = await layer.query({ outFields: "rank", resultOffset: 3, resultRecordCount: 1 });
    expect(ranks(sized.features)).toEqual([4]);
  });

  it("asks for no page larger than the layer's maxRecordCount, each offset once", async () => {
    const front = await startFlakyFront(portal.portal.url);
    const viaFront = await GIS.connect({ url: front.url, ...DEMO_PUBLISHER, setActive: false });
    try {
      const frontLayer = new FeatureLayer(`${front.url}${layerPath}`, viaFront);
      const set = await frontLayer.query({ outFields: "rank" });
      expect(ranks(set.features)).toEqual(oneTo(FEATURES));
      const pages = pageRequests(front);
      const offsets = pages.map((params) => Number(params.get("resultOffset") ?? 0));
      expect([...offsets].sort((a, b) => a - b)).toEqual(
        Array.from({ length: Math.ceil(FEATURES / MAX_RECORDS) }, (_, i) => i * MAX_RECORDS),
      );
      for (const params of pages.slice(1)) {
        expect(Number(params.get("resultRecordCount"))).toBe(MAX_RECORDS);
      }
    } finally {
      viaFront.close();
      await front.close();
    }
  });

  it("still reads every page, one after another, when the service refuses to count", async () => {
    const front = await startFlakyFront(portal.portal.url, async (request, res) => {
      if (queryOf(request)?.get("returnCountOnly") !== "true") return false;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ error: { code: 400, message: "Cannot count.", details: [] } }));
      return true;
    });
    const viaFront = await GIS.connect({ url: front.url, ...DEMO_PUBLISHER, setActive: false });
    try {
      const frontLayer = new FeatureLayer(`${front.url}${layerPath}`, viaFront);
      const set = await frontLayer.query({ outFields: "rank", orderByFields: "rank DESC" });
      expect(ranks(set.features)).toEqual(oneTo(FEATURES).reverse());
      expect(set.exceededTransferLimit).toBe(false);
    } finally {
      viaFront.close();
      await front.close();
    }
  });

  /**
   * Queries the layer through a front whose page at the third offset answers `body` while the
   * other pages answer late (so the failure is seen while they are in flight); resolves with the
   * pages asked for, counted once a pager that went on would have asked for the next batch.
   */
  async function pagesAskedWhenOnePageAnswers(body: string, thrown: RegExp): Promise<number> {
    const failingOffset = String(2 * MAX_RECORDS);
    const front = await startFlakyFront(portal.portal.url, async (request, res) => {
      const params = queryOf(request);
      if (!params || params.get("returnCountOnly") === "true") return false;
      if (params.get("resultOffset") === failingOffset) {
        res.setHeader("Content-Type", "application/json");
        res.end(body);
        return true;
      }
      if (params.get("resultOffset") !== null && params.get("resultOffset") !== "0") {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return false;
    });
    const viaFront = await GIS.connect({ url: front.url, ...DEMO_PUBLISHER, setActive: false });
    try {
      const frontLayer = new FeatureLayer(`${front.url}${layerPath}`, viaFront);
      await expect(frontLayer.query({ outFields: "rank" })).rejects.toThrow(thrown);
      await new Promise((resolve) => setTimeout(resolve, 700));
      return pageRequests(front).length;
    } finally {
      viaFront.close();
      await front.close();
    }
  }

  it("stops at the first failed page: its error is thrown and no further page is asked for", async () => {
    const asked = await pagesAskedWhenOnePageAnswers(
      JSON.stringify({
        error: { code: 400, message: "Unable to complete operation.", details: [] },
      }),
      /Unable to complete operation/,
    );
    // The first page plus the one concurrent batch in flight; 21 pages would be needed in all.
    expect(asked).toBeLessThanOrEqual(1 + 8);
  });

  it.each([
    [
      "an error that is not its first member",
      '{"features":[],"error":{"code":500,"message":"Late error."}}',
      /Late error/,
    ],
    ["not JSON", "<html>Gateway Timeout</html>", /Expected JSON from .*\/0\/query/],
  ])(
    "stops at a page that is %s: parsing it fails, and the pages in flight are abandoned",
    async (_kind, body, message) => {
      const asked = await pagesAskedWhenOnePageAnswers(body, message);
      // The first page, the batch in flight, and the one page its slot asked for before the
      // failing page was parsed; 21 pages would be needed in all.
      expect(asked).toBeLessThanOrEqual(1 + 8 + 1);
    },
  );
});
