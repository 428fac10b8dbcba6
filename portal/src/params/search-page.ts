import { optionalChoice, optionalInteger } from "../server/param-readers";

/** One page of a search answer, shaped like the Sharing API's search responses. */
export interface SearchPage<T> {
  query: string;
  total: number;
  start: number;
  num: number;
  nextStart: number;
  results: T[];
}

const MAX_PAGE = 100;

/**
 * Sorts and pages search hits by the request's `start` (1-based), `num` (at most 100),
 * `sortField` and `sortOrder`. `nextStart` is -1 on the last page, as in the real API.
 */
export function searchPage<T>(
  hits: readonly T[],
  params: Record<string, string>,
  sortKeys: Readonly<Record<string, (hit: T) => string | number>>,
  defaultSort: string,
): SearchPage<T> {
  const start = optionalInteger(params, "start", { min: 1 }) ?? 1;
  const num = optionalInteger(params, "num", { min: 0, max: MAX_PAGE }) ?? 10;
  const fields = Object.keys(sortKeys);
  const sortField = optionalChoice(params, "sortField", fields) ?? defaultSort;
  const descending = optionalChoice(params, "sortOrder", ["asc", "desc"]) === "desc";
  const key = sortKeys[sortField];
  const sorted = [...hits].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    const order =
      typeof left === "number" && typeof right === "number"
        ? left - right
        : String(left).toLowerCase().localeCompare(String(right).toLowerCase());
    return descending ? -order : order;
  });
  const results = sorted.slice(start - 1, start - 1 + num);
  const end = start - 1 + results.length;
  return {
    query: params.q ?? "",
    total: hits.length,
    start,
    num,
    nextStart: end < hits.length && results.length > 0 ? end + 1 : -1,
    results,
  };
}
