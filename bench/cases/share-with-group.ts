import type { ComparedCase } from "../lib/case-types";
import { adminToken, BENCH_ADMIN, restCall, startSeededPortal } from "../lib/bench-portal";
import type { BenchSettings } from "../lib/settings";
import { REST_JS_CONCURRENCY } from "../sides/share-with-group";

const ITEMS = 1000;
const LATENCY_MS = 50;
const BATCH = 100;
const TSGIS_CONCURRENT_BATCHES = 4;

/** Sharing 1,000 items with a group through a portal 50 ms away; each run shares with a new group. */
export function shareWithGroupCase(settings: BenchSettings): ComparedCase {
  return {
    kind: "compared",
    id: "share-1000",
    title: `Sharing ${ITEMS.toLocaleString("en")} items with a group (${LATENCY_MS} ms latency)`,
    runs: settings.runs,
    warmUp: true,
    async setUp() {
      const seeded = await startSeededPortal({
        items: ITEMS,
        latency: LATENCY_MS,
        recipe: (index) => ({ title: `Shared item ${index}`, type: "CSV", tags: ["bench"] }),
      });
      const token = await adminToken(seeded.portal);
      return {
        sides: ["tsgis", "rest-js"],
        inputFor: async (side, run) => {
          const created = await restCall(seeded.portal, "community/createGroup", {
            token,
            title: `Bench share ${side} ${run} ${Date.now()}`,
            tags: "bench",
            access: "org",
          });
          const groupId = (created.group as { id: string }).id;
          return { url: seeded.portal.url, ...BENCH_ADMIN, itemIds: seeded.itemIds, groupId };
        },
        check: async (side, sample) => {
          if (sample.detail.shared !== ITEMS)
            throw new Error(
              `${side} reported ${String(sample.detail.shared)} items shared, not ${ITEMS}`,
            );
        },
        afterRun: async (side, _sample, input) => {
          // Read back: the group must hold exactly the 1,000 items, whatever the client reported.
          const page = await restCall(seeded.portal, "search", {
            token,
            q: `group:${String(input.groupId)}`,
            num: "1",
          });
          if (page.total !== ITEMS)
            throw new Error(
              `after ${side}'s run the group holds ${String(page.total)} items, not ${ITEMS}`,
            );
        },
        limit: async () => ({
          ms: LATENCY_MS * Math.ceil(ITEMS / BATCH / TSGIS_CONCURRENT_BATCHES),
          formula: `${ITEMS} items ÷ ${BATCH} per shareItems request ÷ ${TSGIS_CONCURRENT_BATCHES} concurrent, × ${LATENCY_MS} ms`,
        }),
        notes: [
          `${ITEMS} items seeded through the portal's item store; a new group (created outside the timing) for every run.`,
          `tsgis: gis.content.shareItems(ids, { groups: [group] }) — shareItems requests of ${BATCH} items, ${TSGIS_CONCURRENT_BATCHES} at a time.`,
          `rest-js: shareItemWithGroup({ id, groupId }) for each item (it has no bulk share), ${REST_JS_CONCURRENCY} at a time; each call also checks membership and current sharing first, as the library does.`,
          "After every run the group's content is read back: exactly 1,000 items.",
        ],
        tearDown: () => seeded.close(),
      };
    },
  };
}
