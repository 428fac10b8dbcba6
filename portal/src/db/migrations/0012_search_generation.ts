import { createGenerationCounter } from "../generation-counter";
import type { Migration } from "../migration";

/** The tables whose rows decide what a search finds and who may see it. */
const SEARCHED_TABLES = ["items", "item_groups", "group_members", "item_categories", "groups"];

/**
 * A counter that every change to what searches read moves forward. Search remembers a query's
 * total and order under it (search/search-memo.ts); before, it used the database's count of
 * changed rows, so each sign-in (a token written) made every remembered total stale.
 */
export const searchGeneration: Migration = {
  version: 12,
  name: "a generation counter for search results",
  up(db) {
    createGenerationCounter(db, "search_generation", SEARCHED_TABLES);
  },
};
