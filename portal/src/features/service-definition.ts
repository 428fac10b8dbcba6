import { invalidParameter } from "../server/arcgis-error";
import { GEOMETRY_TYPES, type GeometryType } from "./esri-geometry";
import { findField, readFields, type FieldDefinition } from "./fields";
import { readEditorTrackingInfo } from "./editor-tracking";
import { canonicalWkid } from "./projection";
import type { LayerDefinition, ServiceDefinition, ViewSource } from "./service-store";
import { readTimeInfo } from "./time-info";

const NAME_PATTERN = /^[A-Za-z0-9_]{1,120}$/;
const DEFAULT_CAPABILITIES = "Query";

/** Service names are letters, digits and underscores, as ArcGIS Online requires. */
export function checkServiceName(name: unknown, parameter = "createParameters"): string {
  if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
    throw invalidParameter(parameter, "name must be 1-120 letters, digits or underscores.");
  }
  return name;
}

/** createService's `createParameters`, normalised with the REST API's defaults. */
export function readServiceDefinition(
  createParameters: Record<string, unknown>,
): ServiceDefinition {
  const spatialReference = createParameters.spatialReference as
    { wkid?: unknown; latestWkid?: unknown } | undefined;
  const wkid = spatialReference
    ? canonicalWkid(spatialReference.wkid ?? spatialReference.latestWkid)
    : 3857;
  if (wkid === null) {
    throw invalidParameter("createParameters", "spatialReference must be 4326, 3857 or 102100.");
  }
  const maxRecordCount = createParameters.maxRecordCount ?? 1000;
  if (
    typeof maxRecordCount !== "number" ||
    !Number.isInteger(maxRecordCount) ||
    maxRecordCount < 1
  ) {
    throw invalidParameter("createParameters", "maxRecordCount must be a positive integer.");
  }
  const text = (key: string, fallback = ""): string =>
    typeof createParameters[key] === "string" ? (createParameters[key] as string) : fallback;
  return {
    serviceDescription: text("serviceDescription"),
    description: text("description"),
    copyrightText: text("copyrightText"),
    hasStaticData: createParameters.hasStaticData === true,
    maxRecordCount,
    supportedQueryFormats: text("supportedQueryFormats", "JSON"),
    capabilities: text("capabilities", DEFAULT_CAPABILITIES),
    wkid,
    initialExtent: (createParameters.initialExtent as Record<string, unknown> | undefined) ?? null,
    units: text("units", wkid === 4326 ? "esriDecimalDegrees" : "esriMeters"),
    allowGeometryUpdates: createParameters.allowGeometryUpdates !== false,
    ...optional("editorTrackingInfo", readEditorTrackingInfo(createParameters.editorTrackingInfo)),
  };
}

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

/** minScale / maxScale of a layer: scale denominators, 0 for no limit. */
function checkScales(source: Record<string, unknown>, where: string): void {
  for (const key of ["minScale", "maxScale"]) {
    const value = source[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0))
      throw invalidParameter(where, `${key} must be a scale denominator of 0 or more.`);
  }
}

/** A layer's `relationships`: objects with an integer id, a name and the related table's id. */
function checkRelationships(source: Record<string, unknown>, where: string, index: number): void {
  const list = source.relationships;
  if (list === undefined) return;
  const valid =
    Array.isArray(list) &&
    list.every(
      (entry: Record<string, unknown> | null) =>
        entry !== null &&
        typeof entry === "object" &&
        Number.isInteger(entry.id) &&
        typeof entry.name === "string" &&
        Number.isInteger(entry.relatedTableId),
    );
  if (!valid)
    throw invalidParameter(
      where,
      `layer ${index} has relationships that are not a list of {id, name, relatedTableId}.`,
    );
}

/** A layer or table from addToDefinition for a hosted service. */
export function readLayerDefinition(
  value: unknown,
  index: number,
  fallbackId: number,
): LayerDefinition {
  const where = "addToDefinition";
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalidParameter(where, `layer ${index} is not an object.`);
  }
  const source = value as Record<string, unknown>;
  const id = source.id === undefined ? fallbackId : source.id;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0) {
    throw invalidParameter(where, `layer ${index} has an invalid id.`);
  }
  const isTable = source.type === "Table";
  const geometryType = isTable ? null : ((source.geometryType as GeometryType | undefined) ?? null);
  if (
    !isTable &&
    (!geometryType ||
      !GEOMETRY_TYPES.includes(geometryType) ||
      geometryType === "esriGeometryEnvelope")
  ) {
    throw invalidParameter(
      where,
      `layer ${index} needs a geometryType (point, multipoint, polyline or polygon).`,
    );
  }
  checkScales(source, where);
  checkRelationships(source, where, index);
  const { fields, objectIdField } = readFields(source.fields, where);
  const name = typeof source.name === "string" && source.name.trim() ? source.name : `Layer${id}`;
  const displayField =
    typeof source.displayField === "string" && findField(fields, source.displayField)
      ? source.displayField
      : (fields.find((field) => field.type === "esriFieldTypeString")?.name ?? objectIdField);
  const { adminLayerInfo: _admin, timeInfo, ...rest } = source;
  const time = readTimeInfo(timeInfo, fields, where);
  return {
    ...rest,
    id,
    name,
    type: isTable ? "Table" : "Feature Layer",
    geometryType,
    objectIdField,
    displayField,
    fields,
    ...(time ? { timeInfo: time } : {}),
  };
}

/**
 * A view layer from addToDefinition: `adminLayerInfo.viewLayerDefinition` names the source
 * service and layer, and which of its fields the view shows.
 */
export function readViewLayerDefinition(
  value: Record<string, unknown>,
  index: number,
  fallbackId: number,
  source: { serviceId: string; layer: LayerDefinition },
): LayerDefinition {
  const where = "addToDefinition";
  const viewInfo =
    (value.adminLayerInfo as { viewLayerDefinition?: Record<string, unknown> } | undefined)
      ?.viewLayerDefinition ?? {};
  const shown = viewInfo.sourceLayerFields ?? "*";
  let fields: FieldDefinition[];
  if (shown === "*") fields = source.layer.fields.map((field) => ({ ...field }));
  else if (Array.isArray(shown)) {
    const names = shown.map((entry) =>
      typeof entry === "string" ? entry : (entry as { name?: unknown })?.name,
    );
    fields = source.layer.fields.map((field) => ({
      ...field,
      visible:
        field.name === source.layer.objectIdField ||
        names.some(
          (name) => typeof name === "string" && name.toLowerCase() === field.name.toLowerCase(),
        ),
    }));
  } else
    throw invalidParameter(
      where,
      `layer ${index} has sourceLayerFields that are neither "*" nor a list.`,
    );
  const id = typeof value.id === "number" ? value.id : fallbackId;
  const view: ViewSource = {
    serviceId: source.serviceId,
    layerId: source.layer.id,
    viewDefinitionQuery:
      typeof value.viewDefinitionQuery === "string" ? value.viewDefinitionQuery : "",
  };
  return {
    ...source.layer,
    id,
    name: typeof value.name === "string" ? value.name : source.layer.name,
    fields,
    isView: true,
    view,
  };
}

/**
 * updateDefinition on a layer: field visibility (views), definition query, name, description,
 * and time settings (`timeInfo`, as ArcGIS Online's "enable time" writes them; null turns off).
 */
export function updateLayerDefinition(
  layer: LayerDefinition,
  changes: Record<string, unknown>,
): LayerDefinition {
  const updated: LayerDefinition = {
    ...layer,
    fields: layer.fields.map((field) => ({ ...field })),
  };
  if (Array.isArray(changes.fields)) {
    for (const change of changes.fields as Record<string, unknown>[]) {
      const field =
        typeof change?.name === "string" ? findField(updated.fields, change.name) : undefined;
      if (!field)
        throw invalidParameter(
          "updateDefinition",
          `names an unknown field '${String(change?.name)}'.`,
        );
      if (typeof change.visible === "boolean" && field.name !== layer.objectIdField)
        field.visible = change.visible;
      if (typeof change.alias === "string") field.alias = change.alias;
    }
  }
  if (typeof changes.viewDefinitionQuery === "string") {
    if (!updated.view)
      throw invalidParameter("updateDefinition", "viewDefinitionQuery applies to views only.");
    updated.view = { ...updated.view, viewDefinitionQuery: changes.viewDefinitionQuery };
  }
  checkScales(changes, "updateDefinition");
  if (changes.timeInfo !== undefined) {
    const time = readTimeInfo(changes.timeInfo, updated.fields, "updateDefinition");
    if (time) updated.timeInfo = time;
    else delete updated.timeInfo;
  }
  for (const key of [
    "name",
    "description",
    "displayField",
    "drawingInfo",
    "copyrightText",
    "minScale",
    "maxScale",
  ]) {
    if (changes[key] !== undefined) updated[key] = changes[key];
  }
  return updated;
}
