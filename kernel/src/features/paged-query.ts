import { mapConcurrent } from "../content/concurrency";
import {
  parseQueryText,
  queryFeatureCount,
  queryFeaturesText,
  type LayerQueryParams,
} from "../rest/feature-service";
import type { Session } from "../session/session";
import { PageParser } from "./page-parser";

/** Pages asked for at once: enough to hide latency, few enough not to crowd a shared service. */
export const CONCURRENT_QUERY_PAGES = 8;

/** How to read one page of a query answer (Esri JSON and GeoJSON keep the flag apart). */
export interface PageShape<P, F> {
  /** The `f` the pages are asked for in. */
  format: "json" | "geojson";
  features(page: P): readonly F[];
  exceeded(page: P): boolean;
}

/** What a paged query collected: the first page (for its metadata) and every feature, in order. */
export interface PagedQueryResult<P, F> {
  first: P;
  features: F[];
  /** True only when the service still reported more rows after the last page read. */
  exceeded: boolean;
}

/**
 * Reads every row of a layer query. The first page, the count of matches and the layer's
 * `maxRecordCount` are asked for together; the remaining pages then go out by result offset,
 * up to {@link CONCURRENT_QUERY_PAGES} at a time, each no larger than what the first page and
 * `maxRecordCount` allow, and are put back in offset order (without a count, one at a time). A
 * page that has come is parsed after the next one is asked for ({@link PageParser}). The first
 * failure, of a request or of a parse, aborts the pages in flight, starts no more, and is
 * thrown. Rows added while paging are caught by continuing one page at a time while the last
 * page still reports `exceededTransferLimit`.
 */
export async function pagedQuery<P, F>(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
  shape: PageShape<P, F>,
  maxRecordCount: Promise<number | undefined>,
): Promise<PagedQueryResult<P, F>> {
  const start = typeof params.resultOffset === "number" ? params.resultOffset : 0;
  const cancel = new AbortController();
  const parser = new PageParser((text) => parseQueryText<P>(layerUrl, text));
  const pageText = (offset: number, size?: number): Promise<string> =>
    queryFeaturesText(
      session,
      layerUrl,
      { ...params, resultOffset: offset, resultRecordCount: size },
      { signal: cancel.signal, format: shape.format },
    );
  const page = async (offset: number, size?: number): Promise<P> =>
    parser.later(await pageText(offset, size));
  try {
    const countParams: LayerQueryParams = {
      ...params,
      resultOffset: undefined,
      resultRecordCount: undefined,
      orderByFields: undefined,
    };
    // The count and the properties only plan the pages: a service that refuses either (a
    // statistics query cannot be counted) is still read, one page after another.
    const [first, total, limit] = await Promise.all([
      page(start),
      queryFeatureCount(session, layerUrl, countParams, { signal: cancel.signal }).then(
        (answer) => (typeof answer.count === "number" ? answer.count : undefined),
        () => undefined,
      ),
      maxRecordCount.catch(() => undefined),
    ]);
    const firstRows = shape.features(first);
    const pages: (readonly F[])[] = [firstRows];
    if (!shape.exceeded(first) || firstRows.length === 0) {
      return { first, features: [...firstRows], exceeded: false };
    }
    // The service's own page length, never above the layer's stated maximum.
    const size = Math.max(1, Math.min(firstRows.length, limit ?? Infinity));
    const offsets: number[] = [];
    for (let offset = start + firstRows.length; offset < (total ?? 0); offset += size) {
      offsets.push(offset);
    }
    const parsing: Promise<P>[] = [];
    let parseFailure: { error: unknown } | undefined;
    try {
      await mapConcurrent(offsets, CONCURRENT_QUERY_PAGES, async (offset, index) => {
        const parsed = parser.later(await pageText(offset, size));
        parsed.catch((error: unknown) => {
          parseFailure ??= { error };
          cancel.abort();
        });
        parsing[index] = parsed;
      });
    } catch (error) {
      // A failed parse aborted the requests in flight: its error is the one that tells.
      throw parseFailure ? parseFailure.error : error;
    }
    const rest = await Promise.all(parsing);
    let last: P = first;
    let next = start + firstRows.length;
    for (const answer of rest) {
      pages.push(shape.features(answer));
      next += shape.features(answer).length;
      last = answer;
    }
    let exceeded = shape.exceeded(last) && shape.features(last).length > 0;
    while (exceeded) {
      const answer = await page(next, size);
      const rows = shape.features(answer);
      pages.push(rows);
      next += rows.length;
      exceeded = shape.exceeded(answer) && rows.length > 0;
    }
    // concat copies each page's array whole; flat() went element by element (20 ms a 100,000).
    return { first, features: ([] as F[]).concat(...pages), exceeded: false };
  } finally {
    // After a failure: the pages still in flight or waiting to be parsed are of no use.
    cancel.abort();
    parser.abandon();
  }
}
