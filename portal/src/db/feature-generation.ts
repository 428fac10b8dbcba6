import { readGeneration } from "./generation-counter";
import type { PortalDatabase } from "./open-database";

/**
 * The counter that moves on every change to features, feature layers and feature services
 * (migration 0013), by this connection or another. What is remembered about a layer's rows (a
 * count, an extent, where a page starts) stays valid while it is the same.
 */
export function featureGeneration(db: PortalDatabase): number {
  return readGeneration(db, "feature_generation");
}
