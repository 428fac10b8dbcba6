import type { PortalDatabase } from "../db/open-database";
import { remember } from "../db/remember";
import { readGeneration } from "../db/generation-counter";

const MAX_TOTALS = 256;
/** Orders hold up to one row id per match; a few of them cover the searches being paged now. */
const MAX_ORDERS = 16;
/** A first page holds `num` (at most 100) row ids. */
const MAX_FIRST_PAGES = 256;

interface Memo {
  totals: Map<string, number>;
  orders: Map<string, number[]>;
  firstPages: Map<string, number[]>;
}

const memos = new WeakMap<PortalDatabase, Memo>();

/**
 * What a search computed and the same search, or its later pages, reuse: the number of
 * matches, the first page's row ids, and the matches' row ids in the asked-for order. Keys
 * carry the search generation, which triggers move on every change to items, their sharing,
 * categories, groups and memberships (migration 0012), so such a change makes every entry
 * stale and the next search computes afresh; writes searches do not read (a sign-in, a log
 * line) leave the entries valid.
 */
export class SearchMemo {
  private readonly memo: Memo;

  constructor(private readonly db: PortalDatabase) {
    let memo = memos.get(db);
    if (!memo) {
      memo = { totals: new Map(), orders: new Map(), firstPages: new Map() };
      memos.set(db, memo);
    }
    this.memo = memo;
  }

  /** The number of matches of `query`, counted once while nothing searched changes. */
  total(query: string, count: () => number): number {
    return remember(
      this.memo.totals,
      `${searchGeneration(this.db)}\u0000${query}`,
      MAX_TOTALS,
      count,
    );
  }

  /** The row ids of `query`'s matches in `order`, sorted once while nothing searched changes. */
  order(query: string, order: string, sort: () => number[]): number[] {
    const key = `${searchGeneration(this.db)}\u0000${order}\u0000${query}`;
    return remember(this.memo.orders, key, MAX_ORDERS, sort);
  }

  /** The row ids of `query`'s first `num` matches in `order`, read once while nothing searched changes. */
  firstPage(query: string, order: string, num: number, read: () => number[]): number[] {
    const key = `${searchGeneration(this.db)}\u0000${num}\u0000${order}\u0000${query}`;
    return remember(this.memo.firstPages, key, MAX_FIRST_PAGES, read);
  }
}

function searchGeneration(db: PortalDatabase): number {
  return readGeneration(db, "search_generation");
}
