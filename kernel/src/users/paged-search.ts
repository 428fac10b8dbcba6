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
const CONCURRENT_PAGES = 4;

/**
 * Collects up to `maxResults` hits (-1 for all) of a paged search. The first page tells the total;
 * the remaining pages are then fetched a few at a time, so large result sets are not one long
 * chain of round trips. Results keep the server's order.
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
  const results = [...first.results];
  const total = Math.min(first.total, wanted);
  if (first.nextStart < 0 || results.length >= total) return results.slice(0, total);

  const starts: number[] = [];
  for (let start = first.nextStart; start <= total; start += PAGE_SIZE) starts.push(start);
  const pages: T[][] = new Array(starts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < starts.length) {
      const index = next++;
      const page = await session.get<SearchPageJSON<T>>(url, {
        ...params,
        start: starts[index],
        num: Math.min(PAGE_SIZE, total - starts[index] + 1),
      });
      pages[index] = page.results;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_PAGES, starts.length) }, worker));
  for (const page of pages) results.push(...page);
  return results.slice(0, total);
}
