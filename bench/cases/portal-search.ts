import type { ComparedCase, RunSample } from "../lib/case-types";
import { BENCH_ADMIN, startSeededPortal } from "../lib/bench-portal";
import type { ItemRecipe } from "../lib/seed-items";
import type { BenchSettings } from "../lib/settings";
import type { SearchSpec } from "../sides/portal-search";

const ITEMS = 100_000;
const TYPES = ["CSV", "Web Map", "Feature Service", "Web Mapping Application", "PDF"];
const TOPICS = ["water", "roads", "parks", "schools", "transit", "forests", "housing", "zoning"];
const PLACES = ["Helsinki", "Oulu", "Tampere", "Lyon", "Porto", "Dakar", "Quito", "Perth"];
const ACCESS = ["private", "org", "public"] as const;

/** A varied catalogue: titles, tags, types and access spread over the 100,000 items. */
const recipe: ItemRecipe = (index) => {
  const topic = TOPICS[index % TOPICS.length];
  const place = PLACES[Math.floor(index / TOPICS.length) % PLACES.length];
  return {
    title: `${place} ${topic} ${index}`,
    type: TYPES[index % TYPES.length],
    tags: [topic, place.toLowerCase(), `batch${index % 100}`],
    snippet: `The ${topic} of ${place}, record ${index}`,
    access: ACCESS[index % ACCESS.length],
  };
};

/** The searches each run makes, each one page of 100. */
export const SEARCHES: SearchSpec[] = [
  { q: "water", sortField: "title", sortOrder: "asc" },
  { q: 'tags:roads AND type:"Feature Service"', sortField: "modified", sortOrder: "desc" },
  { q: "title:park*", sortField: "title", sortOrder: "asc" },
  { q: `owner:${BENCH_ADMIN.username} AND type:CSV`, sortField: "created", sortOrder: "desc" },
  { q: "(tags:water OR tags:transit) AND NOT type:PDF", sortField: "numViews", sortOrder: "desc" },
  { q: 'type:"Web Map" AND tags:helsinki', sortField: "avgRating", sortOrder: "desc" },
  { q: "snippet:forests AND tags:batch7", sortField: "title", sortOrder: "desc" },
  { q: "lyon OR porto", sortField: "created", sortOrder: "asc" },
];

/** The 95th percentile of the single searches' times of every run of one side. */
function searchP95(samples: readonly RunSample[]): number {
  const times = samples
    .flatMap((sample) => (Array.isArray(sample.detail.searchMs) ? sample.detail.searchMs : []))
    .filter((ms): ms is number => typeof ms === "number")
    .sort((a, b) => a - b);
  return times.length === 0
    ? NaN
    : times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
}

/** Search over a 100,000-item portal: the server's query work dominates; the floor is bare fetch. */
export function portalSearchCase(settings: BenchSettings): ComparedCase {
  let expectedTotals: string | undefined;
  return {
    kind: "compared",
    id: "portal-search-100k",
    title: `Portal search over ${ITEMS.toLocaleString("en")} items (${SEARCHES.length} searches, no added latency)`,
    runs: settings.runs,
    warmUp: true,
    async setUp() {
      const seedStarted = Date.now();
      const seeded = await startSeededPortal({ items: ITEMS, recipe });
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      return {
        sides: ["tsgis", "rest-js", "floor"],
        inputFor: async () => ({ url: seeded.portal.url, ...BENCH_ADMIN, searches: SEARCHES }),
        check: async (side, sample) => {
          // Every side must see the same totals: the same searches, answered the same way.
          const totals = JSON.stringify(sample.detail.totals);
          expectedTotals ??= totals;
          if (totals !== expectedTotals)
            throw new Error(`${side} saw totals ${totals}, another side ${expectedTotals}`);
        },
        limit: async (samples) => {
          const floor = samples.get("floor") ?? [];
          const sorted = floor.map((sample) => sample.ms).sort((a, b) => a - b);
          const perSearch = (["tsgis", "rest-js", "floor"] as const)
            .map((side) => `${side} ${searchP95(samples.get(side) ?? []).toFixed(1)} ms`)
            .join(", ");
          return {
            ms: sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : null,
            formula: `the same requests with bare fetch and no client library (median). One search's p95 over every timed run: ${perSearch}`,
          };
        },
        notes: [
          `${ITEMS.toLocaleString("en")} items (5 types, 8 topics, 8 places, a third each private, org and public) inserted in one transaction through the portal's ItemStore; its triggers fill the full-text index. Seeding took ${seedSeconds.toFixed(1)} s.`,
          `Each run makes the same ${SEARCHES.length} searches as the bench administrator, one page of 100 each: ${SEARCHES.map((search) => `\`${search.q}\``).join(", ")}.`,
          "tsgis: gis.content.advancedSearch(q, { sortField, sortOrder, asDict: true }); rest-js: searchItems({ q, sortField, sortOrder, num: 100 }); floor: fetch of /sharing/rest/search.",
        ],
        tearDown: () => seeded.close(),
      };
    },
  };
}
