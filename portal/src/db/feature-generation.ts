import type { PortalDatabase } from "./open-database";
import { cachedStatement } from "./statement-cache";

/**
 * The counter that triggers move on every change to features, feature layers and feature
 * services (migration 0013), by this connection or another. What is remembered about a layer's
 * rows (a count, an extent, where a page starts) stays valid while it is the same; writes
 * elsewhere (tokens, items, logs) leave it alone.
 */
export function featureGeneration(db: PortalDatabase): number {
  const row = cachedStatement(
    db,
    "SELECT generation FROM feature_generation WHERE id = 1",
  ).get() as {
    generation: number;
  };
  return row.generation;
}
