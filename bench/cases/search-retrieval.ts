import type { ComparedCase } from "../lib/case-types";
import { BENCH_ADMIN, restCall, startSeededPortal } from "../lib/bench-portal";
import type { BenchSettings } from "../lib/settings";

const ITEMS = 5000;
const LATENCY_MS = 50;
const PAGE_SIZE = 100;
const TSGIS_CONCURRENT_PAGES = 8;

/** Retrieving all 5,000 items of a search through a portal 50 ms away. */
export function searchRetrievalCase(settings: BenchSettings): ComparedCase {
  return {
    kind: "compared",
    id: "search-5000",
    title: `Search retrieval of ${ITEMS.toLocaleString("en")} items (${LATENCY_MS} ms latency)`,
    runs: settings.runs,
    warmUp: true,
    async setUp() {
      const seeded = await startSeededPortal({
        items: ITEMS,
        latency: LATENCY_MS,
        recipe: (index) => ({
          title: `Retrieval item ${index}`,
          type: "CSV",
          tags: ["bench", `b${index % 10}`],
        }),
      });
      const orgId = String((await restCall(seeded.portal, "portals/self", {})).id);
      // tags:bench leaves out the "Offline basemap" Web Map the portal gives every new user.
      const query = `owner:${BENCH_ADMIN.username} AND tags:bench`;
      const pages = Math.ceil(ITEMS / PAGE_SIZE);
      return {
        sides: ["tsgis", "rest-js"],
        inputFor: async () => ({
          url: seeded.portal.url,
          ...BENCH_ADMIN,
          query,
          scopedQuery: `(${query}) AND orgid:${orgId}`,
        }),
        check: async (side, sample) => {
          if (sample.detail.count !== ITEMS || sample.detail.unique !== ITEMS) {
            throw new Error(
              `${side} retrieved ${String(sample.detail.count)} items (${String(sample.detail.unique)} distinct), not ${ITEMS}`,
            );
          }
        },
        limit: async () => ({
          ms: LATENCY_MS * (1 + Math.ceil((pages - 1) / TSGIS_CONCURRENT_PAGES)),
          formula: `first page (for the total), then ${pages - 1} pages ÷ ${TSGIS_CONCURRENT_PAGES} concurrent, × ${LATENCY_MS} ms`,
        }),
        notes: [
          `${ITEMS} items seeded through the portal's item store; portal latency ${LATENCY_MS} ms per request.`,
          `tsgis: gis.content.search("${query}", { maxItems: -1 }) — first page, then ${TSGIS_CONCURRENT_PAGES} pages at a time.`,
          "rest-js: searchItems({ q, num: 100 }) then nextPage() until there is none (its documented paging), the same query scoped to the organisation as tsgis sends it.",
        ],
        tearDown: () => seeded.close(),
      };
    },
  };
}
