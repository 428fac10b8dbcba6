// The features part of the public surface (Python: arcgis.features, arcgis.geometry.filters).
export {
  FeatureLayer,
  type QueryOptions,
  type EditFeaturesOptions,
  type EditFeaturesResult,
  type EditResult,
} from "./feature-layer";
export { FeatureLayerCollection, FeatureLayerCollectionManager } from "./feature-layer-collection";
export {
  FeatureSet,
  type Feature,
  type FeatureSetJSON,
  type FieldInfo,
  type Geometry,
} from "./feature-set";
export { intersects, contains, within, type GeometryFilter } from "./filters";
export {
  type GeoJsonFeature,
  type GeoJsonFeatureCollection,
  type GeoJsonGeometry,
} from "./geojson-conversion";
export { FeatureCollection, type FeatureCollectionJSON } from "./feature-collection";
export type {
  FeatureLayerProperties,
  FeatureServiceProperties,
  LayerProperties,
  DrawingInfoJSON,
  RendererJSON,
  SymbolJSON,
  LabelClassJSON,
  UniqueValueInfoJSON,
  ClassBreakInfoJSON,
  EnvelopeJSON,
  SpatialReferenceJSON,
  FeatureTypeJSON,
  FeatureTemplateJSON,
  RelationshipJSON,
  IndexJSON,
  TimeInfoJSON,
  ServiceLayerEntryJSON,
} from "./service-json";
export { FeatureTable, type FeatureRow } from "./feature-table";
