import { createGenerationCounter } from "../generation-counter";
import type { Migration } from "../migration";

/** The tables whose rows decide what a layer query answers. */
const FEATURE_TABLES = ["features", "feature_layers", "feature_services"];

/**
 * A counter that every change to features, layers or services moves forward. A layer's
 * remembered count and extent and its page starts are kept under it (db/feature-generation.ts);
 * before, they were kept under the database's count of changed rows, so each sign-in (a token
 * written) made a client reading 100,000 features count them all again.
 */
export const featureGeneration: Migration = {
  version: 13,
  name: "a generation counter for feature queries",
  up(db) {
    createGenerationCounter(db, "feature_generation", FEATURE_TABLES);
  },
};
