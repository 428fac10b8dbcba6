// The JSON of feature services and their layers, as the ArcGIS REST API documents the Feature
// Service and Feature Layer resources. Every documented field is declared with its type so that
// `props.drawingInfo.renderer.type` or `props.fields[0].alias` type-check; the index signatures
// keep fields of newer server versions readable.
import type { FieldInfo } from "./feature-set";

/** A spatial reference: a well-known id, or well-known text. */
export interface SpatialReferenceJSON {
  wkid?: number;
  latestWkid?: number;
  vcsWkid?: number;
  latestVcsWkid?: number;
  wkt?: string;
}

/** An envelope in ArcGIS JSON. */
export interface EnvelopeJSON {
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
  zmin?: number;
  zmax?: number;
  mmin?: number;
  mmax?: number;
  spatialReference?: SpatialReferenceJSON;
}

/** A symbol in ArcGIS JSON (`esriSMS`, `esriSLS`, `esriSFS`, `esriPMS`, …). */
export interface SymbolJSON {
  type: string;
  style?: string;
  color?: number[] | null;
  size?: number;
  width?: number;
  angle?: number;
  xoffset?: number;
  yoffset?: number;
  outline?: SymbolJSON | null;
  url?: string;
  imageData?: string;
  contentType?: string;
  height?: number;
  [key: string]: unknown;
}

/** One class of a unique value renderer. */
export interface UniqueValueInfoJSON {
  value: string;
  label?: string;
  description?: string;
  symbol: SymbolJSON;
}

/** One class of a class breaks renderer. */
export interface ClassBreakInfoJSON {
  classMinValue?: number;
  classMaxValue: number;
  label?: string;
  description?: string;
  symbol: SymbolJSON;
}

/** A renderer in ArcGIS JSON: simple, unique value or class breaks (and its visual variables). */
export interface RendererJSON {
  type: "simple" | "uniqueValue" | "classBreaks" | "heatmap" | "dotDensity" | string;
  symbol?: SymbolJSON;
  label?: string;
  description?: string;
  rotationType?: "arithmetic" | "geographic";
  rotationExpression?: string;
  field?: string;
  field1?: string;
  field2?: string;
  field3?: string;
  fieldDelimiter?: string;
  defaultSymbol?: SymbolJSON | null;
  defaultLabel?: string | null;
  uniqueValueInfos?: UniqueValueInfoJSON[];
  classificationMethod?: string;
  normalizationType?: string;
  normalizationField?: string;
  minValue?: number;
  classBreakInfos?: ClassBreakInfoJSON[];
  visualVariables?: Record<string, unknown>[];
  authoringInfo?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A label class of `drawingInfo.labelingInfo`. */
export interface LabelClassJSON {
  labelExpression?: string;
  labelExpressionInfo?: { expression?: string; value?: string };
  labelPlacement?: string;
  useCodedValues?: boolean;
  where?: string | null;
  minScale?: number;
  maxScale?: number;
  symbol?: SymbolJSON;
  [key: string]: unknown;
}

/** How a layer draws: its renderer, transparency and labels. */
export interface DrawingInfoJSON {
  renderer: RendererJSON;
  transparency?: number;
  labelingInfo?: LabelClassJSON[] | null;
  scaleSymbols?: boolean;
  [key: string]: unknown;
}

/** A subtype (feature type) of a layer, with its domains and templates. */
export interface FeatureTypeJSON {
  id: string | number;
  name: string;
  domains?: Record<string, unknown>;
  templates?: FeatureTemplateJSON[];
}

/** A feature template: the prototype feature new features start from. */
export interface FeatureTemplateJSON {
  name: string;
  description?: string;
  drawingTool?: string;
  prototype?: { attributes: Record<string, unknown> };
}

/** A relationship between a layer and another layer or table of the service. */
export interface RelationshipJSON {
  id: number;
  name: string;
  relatedTableId: number;
  cardinality?: string;
  role?: string;
  keyField?: string;
  composite?: boolean;
  [key: string]: unknown;
}

/** An attribute index of a layer. */
export interface IndexJSON {
  name: string;
  fields: string;
  isAscending?: boolean;
  isUnique?: boolean;
  description?: string;
}

/** A layer's time settings. */
export interface TimeInfoJSON {
  startTimeField?: string | null;
  endTimeField?: string | null;
  trackIdField?: string | null;
  timeExtent?: number[] | null;
  timeReference?: Record<string, unknown> | null;
  timeInterval?: number;
  timeIntervalUnits?: string;
  [key: string]: unknown;
}

/**
 * A feature layer or table: the Feature Layer resource of the REST API
 * (`…/FeatureServer/{layerId}`). Python: `FeatureLayer.properties`.
 */
export interface FeatureLayerProperties {
  currentVersion?: number;
  id: number;
  name: string;
  type: "Feature Layer" | "Table" | string;
  parentLayer?: { id: number; name: string } | null;
  subLayers?: { id: number; name: string }[];
  defaultVisibility?: boolean;
  minScale?: number;
  maxScale?: number;
  geometryType?:
    | "esriGeometryPoint"
    | "esriGeometryMultipoint"
    | "esriGeometryPolyline"
    | "esriGeometryPolygon"
    | "esriGeometryEnvelope"
    | null;
  description?: string;
  copyrightText?: string;
  /** Whether a client may change the layer's drawing (renderer, transparency) for its own display. */
  canModifyLayer?: boolean;
  /** Whether the layer's symbols may be scaled with the map. */
  canScaleSymbols?: boolean;
  /** Whether the layer has label classes in its drawing info. */
  hasLabels?: boolean;
  editFieldsInfo?: {
    creationDateField?: string;
    creatorField?: string;
    editDateField?: string;
    editorField?: string;
  } | null;
  ownershipBasedAccessControlForFeatures?: Record<string, unknown> | null;
  syncCanReturnChanges?: boolean;
  relationships?: RelationshipJSON[];
  isDataVersioned?: boolean;
  supportsRollbackOnFailureParameter?: boolean;
  supportsStatistics?: boolean;
  supportsAdvancedQueries?: boolean;
  supportsAttachmentsByUploadId?: boolean;
  supportsApplyEditsWithGlobalIds?: boolean;
  supportsValidateSql?: boolean;
  supportsCoordinatesQuantization?: boolean;
  supportsCalculate?: boolean;
  advancedQueryCapabilities?: Record<string, boolean>;
  extent?: EnvelopeJSON;
  drawingInfo?: DrawingInfoJSON;
  hasM?: boolean;
  hasZ?: boolean;
  enableZDefaults?: boolean;
  zDefault?: number;
  allowGeometryUpdates?: boolean;
  hasAttachments?: boolean;
  htmlPopupType?: string;
  objectIdField?: string;
  globalIdField?: string;
  displayField?: string;
  typeIdField?: string;
  subtypeField?: string;
  fields?: FieldInfo[];
  geometryField?: FieldInfo;
  types?: FeatureTypeJSON[];
  templates?: FeatureTemplateJSON[];
  maxRecordCount?: number;
  standardMaxRecordCount?: number;
  tileMaxRecordCount?: number;
  maxRecordCountFactor?: number;
  supportedQueryFormats?: string;
  capabilities?: string;
  useStandardizedQueries?: boolean;
  timeInfo?: TimeInfoJSON;
  indexes?: IndexJSON[];
  geometryProperties?: {
    shapeAreaFieldName?: string;
    shapeLengthFieldName?: string;
    units?: string;
  };
  hasMetadata?: boolean;
  isDataArchived?: boolean;
  isDataBranchVersioned?: boolean;
  serviceItemId?: string;
  sourceSpatialReference?: SpatialReferenceJSON;
  [key: string]: unknown;
}

/** A layer or table as the service lists it. */
export interface ServiceLayerEntryJSON {
  id: number;
  name: string;
  parentLayerId?: number;
  defaultVisibility?: boolean;
  subLayerIds?: number[] | null;
  minScale?: number;
  maxScale?: number;
  geometryType?: string;
  type?: string;
}

/**
 * A feature service: the Feature Service resource of the REST API (`…/FeatureServer`).
 * Python: `FeatureLayerCollection.properties`.
 */
export interface FeatureServiceProperties {
  currentVersion?: number;
  serviceDescription?: string;
  hasVersionedData?: boolean;
  supportsDisconnectedEditing?: boolean;
  hasStaticData?: boolean;
  hasSharedDomains?: boolean;
  maxRecordCount?: number;
  supportedQueryFormats?: string;
  supportsVCSProjection?: boolean;
  capabilities?: string;
  description?: string;
  copyrightText?: string;
  spatialReference?: SpatialReferenceJSON;
  initialExtent?: EnvelopeJSON;
  fullExtent?: EnvelopeJSON;
  allowGeometryUpdates?: boolean;
  units?: string;
  size?: number;
  syncEnabled?: boolean;
  syncCapabilities?: Record<string, boolean>;
  editorTrackingInfo?: Record<string, boolean>;
  documentInfo?: Record<string, string>;
  layers?: ServiceLayerEntryJSON[];
  tables?: ServiceLayerEntryJSON[];
  relationships?: { id: number; name: string }[];
  enableZDefaults?: boolean;
  zDefault?: number;
  allowUpdateWithoutMValues?: boolean;
  xssPreventionInfo?: Record<string, unknown>;
  serviceItemId?: string;
  [key: string]: unknown;
}

/**
 * The description of any service layer (map, image, feature, …): the fields every layer
 * resource of the REST API shares. Python: `Layer.properties`.
 */
export interface LayerProperties {
  currentVersion?: number;
  id?: number;
  name?: string;
  type?: string;
  description?: string;
  copyrightText?: string;
  extent?: EnvelopeJSON;
  fullExtent?: EnvelopeJSON;
  initialExtent?: EnvelopeJSON;
  spatialReference?: SpatialReferenceJSON;
  minScale?: number;
  maxScale?: number;
  drawingInfo?: DrawingInfoJSON;
  fields?: FieldInfo[];
  capabilities?: string;
  [key: string]: unknown;
}
