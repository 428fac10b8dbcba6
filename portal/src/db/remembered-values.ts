import { featureGeneration } from "./feature-generation";
import type { PortalDatabase } from "./open-database";
import { remember } from "./remember";
import { cachedStatement } from "./statement-cache";

const MAX_VALUES = 256;
const values = new WeakMap<PortalDatabase, Map<string, unknown>>();

/**
 * The first column of a read's first row, remembered until the database changes. For the
 * aggregates a paged read asks for again and again while nothing is written (a layer's count
 * for a where clause, its extent): counting 100,000 features costs tens of milliseconds, which
 * every client reading the layer would otherwise wait for. Keys carry the
 * {@link featureGeneration}, so any change to features, layers or services (by this connection
 * or another) makes every remembered value stale; a sign-in does not.
 */
export function rememberedValue(
  db: PortalDatabase,
  sql: string,
  params: readonly unknown[],
): unknown {
  let map = values.get(db);
  if (!map) {
    map = new Map();
    values.set(db, map);
  }
  const key = `${featureGeneration(db)}\u0000${sql}\u0000${JSON.stringify(params)}`;
  return remember(map, key, MAX_VALUES, () => {
    const row = cachedStatement(db, sql).get(...params) as Record<string, unknown> | undefined;
    return row === undefined ? undefined : Object.values(row)[0];
  });
}
