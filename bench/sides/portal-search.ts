import { searchItems } from "@esri/arcgis-rest-portal";
import type { RunInput, SidePrepare } from "../lib/case-types";
import { bareToken, connectTsgis, credentialsOf, signInRestJs } from "./sign-in";

/** One search of the set each side runs, one page of 100 each. */
export interface SearchSpec {
  q: string;
  sortField: string;
  sortOrder: "asc" | "desc";
}

function searchesOf(input: RunInput): SearchSpec[] {
  const searches = input.searches;
  if (!Array.isArray(searches)) throw new TypeError("input.searches: expected a list of searches");
  return searches as SearchSpec[];
}

/** tsgis: `gis.content.advancedSearch(q, { sortField, sortOrder, asDict: true })`, one by one. */
export const portalSearchTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const searches = searchesOf(input);
  return async () => {
    const totals: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
      const page = await gis.content.advancedSearch(q, { sortField, sortOrder, asDict: true });
      totals.push(page.total);
    }
    return { totals };
  };
};

/** rest-js: `searchItems({ q, sortField, sortOrder, num: 100 })`, one by one. */
export const portalSearchRestJs: SidePrepare = async (input) => {
  const authentication = await signInRestJs(input);
  const searches = searchesOf(input);
  return async () => {
    const totals: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
      const page = await searchItems({ q, sortField, sortOrder, num: 100, authentication });
      totals.push(page.total);
    }
    return { totals };
  };
};

/** The floor: the same GET requests with nothing but fetch, no client library at all. */
export const portalSearchFloor: SidePrepare = async (input) => {
  const { url } = credentialsOf(input);
  const token = await bareToken(input);
  const searches = searchesOf(input);
  return async () => {
    const totals: number[] = [];
    for (const { q, sortField, sortOrder } of searches) {
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
      const page = (await response.json()) as { total: number };
      totals.push(page.total);
    }
    return { totals };
  };
};
