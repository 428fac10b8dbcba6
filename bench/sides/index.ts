import type { Side, SidePrepare } from "../lib/case-types";
import { loadTsgis } from "./load";
import { queryAllFetchLoop, queryAllTsgis } from "./query-all-features";
import { portalSearchFloor, portalSearchRestJs, portalSearchTsgis } from "./portal-search";
import { searchRetrievalRestJs, searchRetrievalTsgis } from "./search-retrieval";
import { shareRestJs, shareTsgis } from "./share-with-group";
import { uploadRestJs, uploadTsgis } from "./upload";
import { publishPagingFloor, publishTsgis } from "../publishing/publish-side";

/** Every case's sides by case id, for the worker process to look up. */
export const sidePreparers: Record<string, Partial<Record<Side, SidePrepare>>> = {
  "search-5000": { tsgis: searchRetrievalTsgis, "rest-js": searchRetrievalRestJs },
  "share-1000": { tsgis: shareTsgis, "rest-js": shareRestJs },
  "upload-1gb": { tsgis: uploadTsgis, "rest-js": uploadRestJs },
  "portal-search-100k": {
    tsgis: portalSearchTsgis,
    "rest-js": portalSearchRestJs,
    floor: portalSearchFloor,
  },
  "query-all-100k": { tsgis: queryAllTsgis, "rest-js": queryAllFetchLoop },
  load: { tsgis: loadTsgis },
  "publish-100k-rows": { tsgis: publishTsgis, floor: publishPagingFloor },
};
