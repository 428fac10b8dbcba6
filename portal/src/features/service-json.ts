import { CURRENT_VERSION } from "../version";
import { boxOf, projectGeometry, unionBox, type Box } from "./esri-geometry";
import type { LayerSource } from "./layer-source";
import { spatialReferenceJson } from "./projection";
import type {
  FeatureServiceStore,
  LayerDefinition,
  LayerRecord,
  ServiceRecord,
} from "./service-store";

const VERSION = Number(CURRENT_VERSION);

/** Capabilities as the layer JSON lists them; "Editing" stands for Create, Update and Delete. */
export function editPermissions(capabilities: string): {
  create: boolean;
  update: boolean;
  delete: boolean;
} {
  const list = capabilities.split(",").map((entry) => entry.trim().toLowerCase());
  const editing = list.includes("editing");
  return {
    create: editing || list.includes("create"),
    update: editing || list.includes("update"),
    delete: editing || list.includes("delete"),
  };
}

/** The FeatureServer's JSON (`.../FeatureServer?f=json`). */
export function serviceJson(
  service: ServiceRecord,
  layers: readonly LayerRecord[],
  extent: Box | null,
): Record<string, unknown> {
  const { definition } = service;
  const spatialReference = spatialReferenceJson(definition.wkid);
  const fullExtent = extent ? { ...extent, spatialReference } : (definition.initialExtent ?? null);
  const summary = (layer: LayerRecord): Record<string, unknown> => ({
    id: layer.layerId,
    name: layer.definition.name,
    parentLayerId: -1,
    defaultVisibility: true,
    subLayerIds: null,
    minScale: scaleOf(layer.definition.minScale),
    maxScale: scaleOf(layer.definition.maxScale),
    geometryType: layer.definition.geometryType ?? undefined,
  });
  return {
    currentVersion: VERSION,
    serviceItemId: service.itemId,
    isView: service.isView,
    serviceDescription: definition.serviceDescription,
    hasVersionedData: false,
    supportsDisconnectedEditing: false,
    hasStaticData: definition.hasStaticData,
    maxRecordCount: definition.maxRecordCount,
    supportedQueryFormats: "JSON, geoJSON",
    capabilities: definition.capabilities,
    description: definition.description,
    copyrightText: definition.copyrightText,
    spatialReference,
    initialExtent: definition.initialExtent ?? fullExtent,
    fullExtent,
    allowGeometryUpdates: definition.allowGeometryUpdates !== false,
    units: definition.units,
    syncEnabled: false,
    supportsApplyEditsWithGlobalIds: false,
    supportsReturnDeleteResults: true,
    supportsRelationshipsResource: false,
    advancedEditingCapabilities: {
      supportsSplit: false,
      supportsReturnServiceEditsInSourceSR: false,
      supportsAsyncApplyEdits: false,
    },
    validationSystemLayers: {},
    // No sync and no extractChanges here: every capability they describe is false.
    extractChangesCapabilities: {
      supportsReturnIdsOnly: false,
      supportsReturnExtentOnly: false,
      supportsReturnAttachments: false,
      supportsLayerQueries: false,
      supportsGeometry: false,
      supportsFeatureReturn: false,
      supportsReturnHasGeometryUpdates: false,
      supportsFieldsToCompare: false,
      supportsServerGens: false,
    },
    syncCapabilities: {
      supportsAsync: false,
      supportsRegisteringExistingData: false,
      supportsSyncDirectionControl: false,
      supportsPerLayerSync: false,
      supportsPerReplicaSync: false,
      supportsSyncModelNone: false,
      supportsRollbackOnFailure: false,
      supportsAttachmentsSyncDirection: false,
      supportsBiDirectionalSyncForServer: false,
    },
    editorTrackingInfo: editorTrackingInfo(definition),
    isLocationTrackingService: false,
    isLocationTrackingView: false,
    xssPreventionInfo: {
      xssPreventionEnabled: true,
      xssPreventionRule: "InputOnly",
      xssInputRule: "rejectInvalid",
    },
    layers: layers.filter((layer) => layer.definition.type !== "Table").map(summary),
    tables: layers.filter((layer) => layer.definition.type === "Table").map(summary),
    relationships: serviceRelationships(layers),
  };
}

/** The relationships of all layers, once each, as the service lists them: id and name. */
function serviceRelationships(layers: readonly LayerRecord[]): { id: number; name: string }[] {
  const byId = new Map<number, string>();
  for (const layer of layers) {
    for (const relationship of layerRelationships(layer.definition)) {
      if (!byId.has(relationship.id)) byId.set(relationship.id, relationship.name);
    }
  }
  return [...byId].sort(([a], [b]) => a - b).map(([id, name]) => ({ id, name }));
}

/** The extent of a layer's features, in its service's spatial reference. */
export function layerExtent(store: FeatureServiceStore, source: LayerSource): Box | null {
  const row = store.selectRememberedValue(
    `SELECT json_array(MIN(xmin), MIN(ymin), MAX(xmax), MAX(ymax)) FROM features WHERE service_id = ? AND layer_id = ?`,
    [source.storageServiceId, source.storageLayerId],
  );
  const [xmin, ymin, xmax, ymax] = JSON.parse(String(row)) as (number | null)[];
  if (xmin === null || ymin === null || xmax === null || ymax === null) return null;
  const box = { xmin, ymin, xmax, ymax };
  return boxOf(projectGeometry(box, source.storageWkid, source.service.definition.wkid)) ?? box;
}

export function unionExtents(boxes: readonly (Box | null)[]): Box | null {
  return boxes.reduce<Box | null>((all, box) => unionBox(all, box), null);
}

/**
 * A layer's or table's JSON (`.../FeatureServer/0?f=json`); `timeInfo` (with its current time
 * extent) only for a time-aware layer.
 */
export function layerJson(
  source: LayerSource,
  extent: Box | null,
  timeInfo: Record<string, unknown> | null = null,
): Record<string, unknown> {
  const { layer, service } = source;
  const { view: _view, fields: _fields, timeInfo: _time, ...described } = layer;
  const spatialReference = spatialReferenceJson(service.definition.wkid);
  const capabilities = service.definition.capabilities;
  const json: Record<string, unknown> = {
    currentVersion: VERSION,
    ...described,
    serviceItemId: service.itemId,
    isView: Boolean(layer.view),
    isUpdatableView: Boolean(layer.view),
    sourceSpatialReference: spatialReference,
    description: layer.description ?? "",
    copyrightText: layer.copyrightText ?? "",
    defaultVisibility: true,
    parentLayerId: -1,
    minScale: scaleOf(layer.minScale),
    maxScale: scaleOf(layer.maxScale),
    editingInfo: { lastEditDate: service.modified },
    editFieldsInfo: layer.editFieldsInfo ?? null,
    ownershipBasedAccessControlForFeatures: null,
    relationships: layerRelationships(layer),
    syncCanReturnChanges: false,
    archivingInfo: { supportsQueryWithHistoricMoment: false, startArchivingMoment: -1 },
    supportsCalculate: editPermissions(capabilities).update,
    allowTrueCurvesUpdates: false,
    onlyAllowTrueCurveUpdatesByTrueCurveClients: false,
    supportsAttachmentsByUploadId: false,
    supportsApplyEditsWithGlobalIds: false,
    subtypeField: "",
    // Dates are stored and answered in UTC.
    dateFieldsTimeReference: { timeZone: "UTC", respectsDaylightSaving: false },
    isDataVersioned: false,
    supportsRollbackOnFailureParameter: true,
    supportsStatistics: false,
    supportsAdvancedQueries: true,
    supportsValidateSQL: false,
    supportsCoordinatesQuantization: false,
    supportedQueryFormats: "JSON, geoJSON",
    hasGeometryProperties: false,
    advancedQueryCapabilities: {
      supportsPagination: true,
      supportsQueryWithDistance: false,
      supportsReturningQueryExtent: true,
      supportsStatistics: false,
      supportsOrderBy: true,
      supportsDistinct: false,
      supportsQueryWithResultType: false,
      supportsSqlExpression: false,
      supportsPaginationOnAggregatedQueries: false,
      supportsQueryWithDatumTransformation: false,
    },
    useStandardizedQueries: true,
    hasZ: false,
    hasM: false,
    allowGeometryUpdates: service.definition.allowGeometryUpdates !== false,
    hasAttachments: false,
    htmlPopupType: "esriServerHTMLPopupTypeAsHTMLText",
    objectIdField: layer.objectIdField,
    uniqueIdField: { name: layer.objectIdField, isSystemMaintained: true },
    globalIdField: "",
    typeIdField: "",
    fields: source.fields.map(({ visible: _visible, ...field }) => field),
    types: [],
    templates: [],
    indexes: [],
    maxRecordCount: service.definition.maxRecordCount,
    standardMaxRecordCount: service.definition.maxRecordCount,
    capabilities,
  };
  if (timeInfo) json.timeInfo = timeInfo;
  if (layer.geometryType) {
    json.extent = extent ? { ...extent, spatialReference } : null;
    json.drawingInfo = layer.drawingInfo ?? defaultDrawingInfo(layer.geometryType);
  }
  return json;
}

/** A scale of the layer definition; 0 (no limit) when unset. */
function scaleOf(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
}

function layerRelationships(layer: LayerDefinition): { id: number; name: string }[] {
  return Array.isArray(layer.relationships)
    ? (layer.relationships as { id: number; name: string }[])
    : [];
}

/** The service's editor tracking, or ArcGIS Online's answer for a service without it. */
function editorTrackingInfo(definition: ServiceRecord["definition"]): Record<string, unknown> {
  const given =
    definition.editorTrackingInfo && typeof definition.editorTrackingInfo === "object"
      ? (definition.editorTrackingInfo as Record<string, unknown>)
      : {};
  return {
    enableEditorTracking: false,
    enableOwnershipAccessControl: false,
    allowOthersToQuery: true,
    allowOthersToUpdate: true,
    allowOthersToDelete: true,
    allowAnonymousToQuery: true,
    allowAnonymousToUpdate: true,
    allowAnonymousToDelete: true,
    ...given,
  };
}

function defaultDrawingInfo(geometryType: string): Record<string, unknown> {
  const color = [0, 121, 193, 255];
  const outline = {
    type: "esriSLS",
    style: "esriSLSSolid",
    color: [255, 255, 255, 255],
    width: 0.75,
  };
  const symbol =
    geometryType === "esriGeometryPolyline"
      ? { type: "esriSLS", style: "esriSLSSolid", color, width: 1.5 }
      : geometryType === "esriGeometryPolygon"
        ? { type: "esriSFS", style: "esriSFSSolid", color: [0, 121, 193, 128], outline }
        : {
            type: "esriSMS",
            style: "esriSMSCircle",
            color,
            size: 6,
            angle: 0,
            xoffset: 0,
            yoffset: 0,
            outline,
          };
  return { renderer: { type: "simple", symbol }, transparency: 0, labelingInfo: null };
}
