import { FeatureLayer } from "tsgis";
import type { RunDetail, SidePrepare } from "../lib/case-types";
import { bareToken, connectTsgis, stringField } from "./sign-in";

/** What the parent checks: all features, each once, in object id order. */
function describe(ids: readonly number[]): RunDetail {
  let ordered = true;
  for (let i = 1; i < ids.length; i++) if (ids[i] <= ids[i - 1]) ordered = false;
  return { count: ids.length, unique: new Set(ids).size, ordered };
}

/** tsgis: `layer.query({ where: "1=1" })`, which pages concurrently. */
export const queryAllTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const layer = new FeatureLayer(stringField(input, "layerUrl"), gis);
  return async () => {
    const set = await layer.query({ where: "1=1" });
    const idField = set.objectIdFieldName ?? "OBJECTID";
    return describe(set.features.map((feature) => Number(feature.attributes[idField])));
  };
};

/** The anchor: one page after another with fetch, following exceededTransferLimit. */
export const queryAllFetchLoop: SidePrepare = async (input) => {
  const token = await bareToken(input);
  const url = `${stringField(input, "layerUrl")}/query`;
  return async () => {
    const ids: number[] = [];
    for (;;) {
      const response = await fetch(url, {
        method: "POST",
        body: new URLSearchParams({
          f: "json",
          where: "1=1",
          outFields: "*",
          resultOffset: String(ids.length),
          token,
        }),
      });
      const page = (await response.json()) as {
        objectIdFieldName?: string;
        features?: { attributes: Record<string, unknown> }[];
        exceededTransferLimit?: boolean;
        error?: { message?: string };
      };
      if (!page.features) throw new Error(page.error?.message ?? "query failed");
      const idField = page.objectIdFieldName ?? "OBJECTID";
      for (const feature of page.features) ids.push(Number(feature.attributes[idField]));
      if (!page.exceededTransferLimit || page.features.length === 0) break;
    }
    return describe(ids);
  };
};
