import { FeatureLayerCollection, GIS } from "tsgis";
import type { ComparedCase } from "../lib/case-types";
import { BENCH_ADMIN, startSeededPortal } from "../lib/bench-portal";
import type { BenchSettings } from "../lib/settings";

const FEATURES = 100_000;
const LATENCY_MS = 50;
/** ArcGIS Online's default for a hosted layer. */
const MAX_RECORD_COUNT = 2000;
const TSGIS_CONCURRENT_PAGES = 8;
const ADD_BATCH = 5000;
const NO_ITEMS = (): never => {
  throw new Error("this case seeds no items");
};

/** Reading every feature of a 100,000-point hosted layer through a portal 50 ms away. */
export function queryAllFeaturesCase(settings: BenchSettings): ComparedCase {
  return {
    kind: "compared",
    id: "query-all-100k",
    title: `Query all ${FEATURES.toLocaleString("en")} features (${LATENCY_MS} ms latency)`,
    runs: settings.runs,
    warmUp: true,
    async setUp() {
      const seeded = await startSeededPortal({ items: 0, recipe: NO_ITEMS, latency: 0 });
      try {
        const layerUrl = await seedLayer(seeded.portal.url);
        seeded.portal.setFaults({ latency: LATENCY_MS });
        const pages = Math.ceil(FEATURES / MAX_RECORD_COUNT);
        return {
          sides: ["tsgis", "rest-js"],
          inputFor: async () => ({ url: seeded.portal.url, ...BENCH_ADMIN, layerUrl }),
          check: async (side, sample) => {
            const { count, unique, ordered } = sample.detail;
            if (count !== FEATURES || unique !== FEATURES || ordered !== true) {
              throw new Error(
                `${side} read ${String(count)} features (${String(unique)} distinct, ordered: ${String(ordered)}), not ${FEATURES} in order`,
              );
            }
          },
          limit: async () => ({
            ms: LATENCY_MS * Math.ceil(pages / TSGIS_CONCURRENT_PAGES),
            formula: `${pages} pages of ${MAX_RECORD_COUNT} (maxRecordCount) ÷ ${TSGIS_CONCURRENT_PAGES} concurrent, rounded up, × ${LATENCY_MS} ms`,
          }),
          notes: [
            `One hosted point layer (maxRecordCount ${MAX_RECORD_COUNT}) with ${FEATURES} features added through applyEdits before the latency of ${LATENCY_MS} ms was switched on.`,
            `tsgis: layer.query({ where: "1=1" }) — first page, count and layer properties together, then ${TSGIS_CONCURRENT_PAGES} pages at a time by resultOffset.`,
            "anchor (rest-js column): @esri/arcgis-rest-feature-service is not a dependency, so a plain sequential loop with fetch: query with resultOffset until exceededTransferLimit is gone, as the REST API documents paging.",
          ],
          tearDown: () => seeded.close(),
        };
      } catch (error) {
        await seeded.close();
        throw error;
      }
    },
  };
}

/** Creates the hosted layer and adds the features in batches; returns the layer's URL. */
async function seedLayer(url: string): Promise<string> {
  const gis = await GIS.connect({ url, ...BENCH_ADMIN, setActive: false });
  try {
    const item = await gis.content.createService("Bench_points", {
      capabilities: "Query,Editing",
      maxRecordCount: MAX_RECORD_COUNT,
    });
    await FeatureLayerCollection.fromItem(item).manager.addToDefinition({
      layers: [
        {
          name: "Points",
          geometryType: "esriGeometryPoint",
          fields: [
            { name: "rank", type: "esriFieldTypeInteger" },
            { name: "label", type: "esriFieldTypeString", length: 40 },
          ],
        },
      ],
    });
    const [layer] = await item.getLayers();
    for (let start = 0; start < FEATURES; start += ADD_BATCH) {
      const adds = Array.from({ length: Math.min(ADD_BATCH, FEATURES - start) }, (_, i) => {
        const rank = start + i;
        return {
          attributes: { rank, label: `Point ${rank}` },
          geometry: {
            x: -180 + (rank % 3600) / 10,
            y: -80 + Math.floor(rank / 3600) / 2,
            spatialReference: { wkid: 4326 },
          },
        };
      });
      const result = await layer.editFeatures({ adds });
      if (!result.addResults.every((entry) => entry.success))
        throw new Error("seeding the bench layer: an add failed");
    }
    return layer.url;
  } finally {
    gis.close();
  }
}
