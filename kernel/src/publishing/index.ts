// The publishing part of the public surface: option and result types of the members on
// ContentManager and Item that publish, export and import.
export { type CreateServiceOptions } from "./create-service";
export { type AnalyzeOptions, type ImportDataOptions } from "./content-publishing";
export { type ExportOptions, type PublishOptions } from "./item-publishing";
export { type JobStatus, type WaitOptions } from "./job-wait";
export { type CopyFeatureLayerCollectionOptions } from "./copy-feature-layer-collection";
export { type ReplaceServiceOptions } from "./replace-service";
export { type CreateTileServiceOptions } from "./tile-service";
