import type { PortalDatabase } from "../db/open-database";
import { featureGeneration } from "../db/feature-generation";

const MAX_CURSORS = 512;
const cursors = new WeakMap<PortalDatabase, Map<string, number>>();

/**
 * Where the next page of a query starts: after a page at resultOffset N with a page length L,
 * the object id of row N + L is remembered, so the request for offset N + L seeks to it in the
 * primary key instead of stepping over N + L rows again. The key carries the
 * {@link featureGeneration}, so any change to features, layers or services (by this connection
 * or another) makes every start stale.
 */
export class PageCursors {
  private readonly map: Map<string, number>;

  constructor(private readonly db: PortalDatabase) {
    let map = cursors.get(db);
    if (!map) {
      map = new Map();
      cursors.set(db, map);
    }
    this.map = map;
  }

  /** The object id the page of `query` at `offset` starts with, if an earlier page said so. */
  get(query: string, offset: number): number | undefined {
    const key = this.key(query, offset);
    const found = this.map.get(key);
    if (found !== undefined) {
      // Least recently used goes first when full.
      this.map.delete(key);
      this.map.set(key, found);
    }
    return found;
  }

  set(query: string, offset: number, objectId: number): void {
    this.map.set(this.key(query, offset), objectId);
    if (this.map.size > MAX_CURSORS) this.map.delete(this.map.keys().next().value as string);
  }

  private key(query: string, offset: number): string {
    return `${featureGeneration(this.db)}:${offset}:${query}`;
  }
}
