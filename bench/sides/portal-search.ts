import { searchItems } from "@esri/arcgis-rest-portal";
import type { RunInput, SidePrepare } from "../lib/case-types";
import { bareToken, connectTsgis, credentialsOf, signInRestJs } from "./sign-in";

/** One search of the set each side runs, one page of 100 each. */
export interface SearchSpec {
  q: string;
  sortField: string;
  sortOrder: "asc" | "desc";
}

/**
 * One untimed search before the timed ones, on every side: a fresh process's first request pays
 * for its own start (connection, compiling the client's code), which is not the portal's work.
 */
const WARM_UP_QUERY = "warm-up search";

function searchesOf(input: RunInput): SearchSpec[] {
  const searches = input.searches;
  if (!Array.isArray(searches)) throw new TypeError("input.searches: expected a list of searches");
  return searches as SearchSpec[];
}

/** tsgis: `gis.content.advancedSearch(q, { sortField, sortOrder, asDict: true })`, one by one. */
export const portalSearchTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const searches = searchesOf(input);
  await gis.content.advancedSearch(WARM_UP_QUERY, { asDict: true });
  return async () => {
    const totals: number[] = [];
    const searchMs: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
      const started = performance.now();
      const page = await gis.content.advancedSearch(q, { sortField, sortOrder, asDict: true });
      searchMs.push(performance.now() - started);
      totals.push(page.total);
    }
    return { totals, searchMs };
  };
};

/** rest-js: `searchItems({ q, sortField, sortOrder, num: 100 })`, one by one. */
export const portalSearchRestJs: SidePrepare = async (input) => {
  const authentication = await signInRestJs(input);
  const searches = searchesOf(input);
  await searchItems({ q: WARM_UP_QUERY, num: 100, authentication });
  return async () => {
    const totals: number[] = [];
    const searchMs: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
      const started = performance.now();
      const page = await searchItems({ q, sortField, sortOrder, num: 100, authentication });
      searchMs.push(performance.now() - started);
      totals.push(page.total);
    }
    return { totals, searchMs };
  };
};

/** The floor: the same GET requests with nothing but fetch, no client library at all. */
export const portalSearchFloor: SidePrepare = async (input) => {
  const { url } = credentialsOf(input);
  const token = await bareToken(input);
  const searches = searchesOf(input);
  const search = async (q: string, sortField: string, sortOrder: string): Promise<number> => {
    const query = new URLSearchParams({
      f: "json",
      q,
      sortField,
      sortOrder,
      num: "100",
      start: "1",
    });
    const response = await fetch(`${url}/sharing/rest/search?${query}`, {
      headers: { "X-Esri-Authorization": `Bearer ${token}` },
    });
    return ((await response.json()) as { total: number }).total;
  };
  await search(WARM_UP_QUERY, "title", "asc");
  return async () => {
    const totals: number[] = [];
    const searchMs: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
      const started = performance.now();
      const total = await search(q, sortField, sortOrder);
      searchMs.push(performance.now() - started);
      totals.push(total);
    }
    return { totals, searchMs };
  };
};
