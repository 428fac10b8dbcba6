import type { Session } from "../session/session";
import type { RequestParams } from "../session/params";

/** The page shape of every Sharing API search (`community/users`, `community/groups`, …). */
export interface SearchPageJSON<T> {
  total: number;
  start: number;
  num: number;
  nextStart: number;
  results: T[];
}

const PAGE_SIZE = 100;
// Eight in flight: all 5,000 hits of a search in seven round trips after the first page.
const CONCURRENT_PAGES = 8;

/**
 * Collects up to `maxResults` hits (-1 for all) of a paged search, following each page's
 * `nextStart` as the REST API asks ("Paging" in the Sharing API reference): a server may answer
 * fewer rows than `num`, and the next page then starts earlier than `start + num`.
 *
 * So that large result sets are not one long chain of round trips, up to eight pages are asked
 * for ahead, at the starts that full pages would give. A page is used only when it starts where
 * the previous one said the next would; when a short page moves the next start, the pages asked
 * for ahead are dropped and asked for again from there. The first failure cancels every page in
 * flight and is thrown. Results keep the server's order.
 */
export async function pagedSearch<T>(
  session: Session,
  url: string,
  params: RequestParams,
  maxResults: number,
): Promise<T[]> {
  if (maxResults === 0) return [];
  const wanted = maxResults < 0 ? Infinity : maxResults;
  const first = await session.get<SearchPageJSON<T>>(url, {
    ...params,
    start: 1,
    num: Math.min(PAGE_SIZE, wanted),
  });
  const results = first.results.slice(0, wanted);
  // The total only guides how far ahead to ask; the pages' nextStart decides where they begin.
  const total = Number.isFinite(first.total) ? first.total : Infinity;
  let nextStart = first.nextStart;

  let ahead: PendingPage<T>[] = [];
  const askFor = (start: number, rowsBefore: number): PendingPage<T> => {
    const cancel = new AbortController();
    const page = session.get<SearchPageJSON<T>>(
      url,
      { ...params, start, num: Math.min(PAGE_SIZE, wanted - rowsBefore) },
      { signal: cancel.signal },
    );
    // A page dropped or cancelled is never awaited; its failure must not go unhandled.
    page.catch(() => undefined);
    return { start, page, cancel };
  };
  const fillAhead = (): void => {
    let start = ahead.length > 0 ? ahead[ahead.length - 1].start + PAGE_SIZE : nextStart;
    while (ahead.length < CONCURRENT_PAGES) {
      const rowsBefore = results.length + (start - nextStart);
      if (rowsBefore >= wanted || (ahead.length > 0 && start > total)) break;
      ahead.push(askFor(start, rowsBefore));
      start += PAGE_SIZE;
    }
  };

  try {
    while (nextStart > 0 && results.length < wanted) {
      fillAhead();
      const pending = ahead.shift();
      if (!pending) break;
      const page = await pending.page;
      results.push(...page.results.slice(0, wanted - results.length));
      const expectedNext = pending.start + PAGE_SIZE;
      nextStart = page.nextStart;
      if (nextStart !== expectedNext || page.results.length === 0) {
        // A short or final page: what was asked for ahead started at the wrong place.
        cancelPages(ahead);
        ahead = [];
        if (page.results.length === 0) break;
      }
    }
  } finally {
    // After a failure, or when the last page came before pages asked for ahead.
    cancelPages(ahead);
  }
  return results;
}

interface PendingPage<T> {
  start: number;
  page: Promise<SearchPageJSON<T>>;
  cancel: AbortController;
}

function cancelPages(pages: readonly PendingPage<unknown>[]): void {
  for (const pending of pages) pending.cancel.abort();
}
