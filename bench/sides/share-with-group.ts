import { shareItemWithGroup } from "@esri/arcgis-rest-portal";
import type { SidePrepare } from "../lib/case-types";
import { inPool } from "../lib/pool";
import { connectTsgis, signInRestJs, stringField, stringList } from "./sign-in";

/** Concurrent requests allowed to rest-js, the same as tsgis's concurrent search pages. */
export const REST_JS_CONCURRENCY = 8;

/** tsgis: one `gis.content.shareItems(ids, { groups })` call (batches of 100, 4 at a time). */
export const shareTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const itemIds = stringList(input, "itemIds");
  const groupId = stringField(input, "groupId");
  return async () => {
    const { results } = await gis.content.shareItems(itemIds, { groups: [groupId] });
    const shared = results.filter(
      (result) => result.success && (result.notSharedWith ?? []).length === 0,
    );
    return { shared: shared.length };
  };
};

/** rest-js: `shareItemWithGroup` per item (it has no bulk call), 8 at a time. */
export const shareRestJs: SidePrepare = async (input) => {
  const authentication = await signInRestJs(input);
  const itemIds = stringList(input, "itemIds");
  const groupId = stringField(input, "groupId");
  return async () => {
    const results = await inPool(itemIds, REST_JS_CONCURRENCY, (id) =>
      shareItemWithGroup({ id, groupId, authentication }),
    );
    return { shared: results.filter((result) => (result.notSharedWith ?? []).length === 0).length };
  };
};
