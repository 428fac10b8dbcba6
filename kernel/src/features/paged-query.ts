import { mapConcurrent } from "../content/concurrency";
import {
  queryFeatureCount,
  type LayerQueryParams,
  type QueryRequestOptions,
} from "../rest/feature-service";
import type { Session } from "../session/session";

/** Pages asked for at once: enough to hide latency, few enough not to crowd a shared service. */
export const CONCURRENT_QUERY_PAGES = 8;

/** How to read one page of a query answer (Esri JSON and GeoJSON keep the flag apart). */
export interface PageShape<P, F> {
  features(page: P): readonly F[];
  exceeded(page: P): boolean;
  /** Asks for one page: the `rest/` query function of the format. */
  read(
    session: Session,
    layerUrl: string,
    params: LayerQueryParams,
    options: QueryRequestOptions,
  ): Promise<P>;
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
 * `maxRecordCount` allow, and are put back in offset order (without a count, one at a time). The first failure aborts the pages
 * in flight, starts no more, and is thrown. Rows added while paging are caught by continuing
 * one page at a time while the last page still reports `exceededTransferLimit`.
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
  const page = (offset: number, size?: number): Promise<P> =>
    shape.read(
      session,
      layerUrl,
      { ...params, resultOffset: offset, resultRecordCount: size },
      { signal: cancel.signal },
    );
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
    const rest = await mapConcurrent(offsets, CONCURRENT_QUERY_PAGES, (offset) =>
      page(offset, size),
    );
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
    return { first, features: pages.flat() as F[], exceeded: false };
  } finally {
    // After a failure: the pages still in flight are of no use.
    cancel.abort();
  }
}
