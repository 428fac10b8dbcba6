import { searchItems, type IItem, type ISearchResult } from "@esri/arcgis-rest-portal";
import type { SidePrepare } from "../lib/case-types";
import { connectTsgis, signInRestJs, stringField } from "./sign-in";

/** tsgis: `gis.content.search(query, { maxItems: -1 })`, which pages concurrently. */
export const searchRetrievalTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const query = stringField(input, "query");
  return async () => {
    const items = await gis.content.search(query, { maxItems: -1 });
    return { count: items.length, unique: new Set(items.map((item) => item.id)).size };
  };
};

/** rest-js: `searchItems` with 100 a page, following `nextPage()` as its documentation shows. */
export const searchRetrievalRestJs: SidePrepare = async (input) => {
  const authentication = await signInRestJs(input);
  // The same query tsgis sends: the user's query scoped to the organisation, same sort.
  const q = stringField(input, "scopedQuery");
  return async () => {
    let page: ISearchResult<IItem> = await searchItems({
      q,
      num: 100,
      sortField: "avgRating",
      sortOrder: "desc",
      authentication,
    });
    const ids = page.results.map((item) => item.id);
    while (page.nextPage) {
      page = await page.nextPage();
      ids.push(...page.results.map((item) => item.id));
    }
    return { count: ids.length, unique: new Set(ids).size };
  };
};
