import { GIS } from "tsgis";
import type { RunDetail, RunInput, SidePrepare } from "../lib/case-types";
import { bareToken, stringField } from "../sides/sign-in";

/** Pages in flight at once, for both the client and the bare-fetch floor. */
const PAGES_IN_FLIGHT = 8;

interface PageOfRows {
  features?: { attributes: Record<string, unknown> }[];
  error?: { message?: string };
}

/** What the parent checks: how many rows came back, and the sum of their values. */
function describeRows(values: Iterable<unknown>): { rows: number; valueSum: number } {
  let rows = 0;
  let valueSum = 0;
  for (const value of values) {
    rows += 1;
    valueSum += Number(value);
  }
  return { rows, valueSum };
}

/**
 * The client of the publishing case: adds the CSV as an item, publishes it (waiting for the
 * job) and reads every row back with one `layer.query()`, which pages concurrently within the
 * layer's maxRecordCount. Signing in is not timed.
 */
export const publishTsgis: SidePrepare = async (input: RunInput) => {
  const gis = await GIS.connect({
    url: String(input.url),
    username: String(input.username),
    password: String(input.password),
    setActive: false,
  });
  return async () => {
    const started = process.hrtime.bigint();
    const csv = await gis.content.add(
      { title: "Bench rows", type: "CSV", fileName: "bench-rows.csv" },
      { data: String(input.filePath) },
    );
    const layerItem = await csv.publish();
    const publishMs = Number(process.hrtime.bigint() - started) / 1e6;
    const [layer] = await layerItem.getLayers();
    const set = await layer.query({ where: "1=1", outFields: "id,value", returnGeometry: true });
    gis.close();
    const read = describeRows(set.features.map((feature) => feature.attributes.value));
    const detail: RunDetail = {
      publishMs,
      ...read,
      pages: Math.ceil(read.rows / Number(input.pageSize)),
      layerUrl: layer.url,
    };
    return detail;
  };
};

/**
 * The paging floor: the same pages of the same layer with nothing but fetch, as many in flight
 * as the client allows itself, with no library, no shaping and no ordering work.
 */
export const publishPagingFloor: SidePrepare = async (input: RunInput) => {
  const token = await bareToken(input);
  const queryUrl = `${stringField(input, "layerUrl")}/query`;
  const pageSize = Number(input.pageSize);
  const pageCount = Math.ceil(Number(input.rows) / pageSize);
  const fetchPage = async (page: number): Promise<unknown[]> => {
    const response = await fetch(queryUrl, {
      method: "POST",
      body: new URLSearchParams({
        f: "json",
        where: "1=1",
        outFields: "id,value",
        returnGeometry: "true",
        resultOffset: String(page * pageSize),
        resultRecordCount: String(pageSize),
        token,
      }),
    });
    const body = (await response.json()) as PageOfRows;
    if (!body.features) throw new Error(body.error?.message ?? "query failed");
    return body.features.map((feature) => feature.attributes.value);
  };
  return async () => {
    const values: unknown[][] = new Array<unknown[]>(pageCount);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let page = next++; page < pageCount; page = next++) values[page] = await fetchPage(page);
    };
    await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, worker));
    return { ...describeRows(values.flat()), pages: pageCount };
  };
};
