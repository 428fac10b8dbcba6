// What addLayer accepts (a portal item, a layer object, a service URL, GeoJSON) turned into
// the LayerSpec the browser draws. Only URLs and ids go in: never a token.
import { randomUUID } from "crypto";
import { inspect } from "node:util";
import type { RendererJSON } from "../features/service-json";
import {
  CLASSIFICATION_METHODS,
  SMART_RENDERERS,
  type ClassificationMethod,
  type MapLayerProperties,
  type LayerSpec,
  type SmartRendererName,
  type SmartRendererSpec,
} from "./contract";
import { toFeatureCollection } from "./geojson";
import { featureSetToGeoJson, isFeatureSet, isSpatialTable, rowsToGeoJson } from "./table-input";
import { describe, numberInRange } from "../arguments";

/** Options of `MapView.addLayer`. */
export interface AddLayerOptions {
  title?: string;
  opacity?: number;
  visible?: boolean;
  /**
   * An ArcGIS JSON renderer (`{ type: "simple", symbol: {...} }`, as a layer's
   * `drawingInfo.renderer`), or a smart-mapping renderer by Python's name
   * ("ClassedColorRenderer", "ClassedSizeRenderer", "UniqueValueRenderer", "HeatmapRenderer")
   * that the browser computes from `fieldName`'s values.
   */
  renderer?: RendererJSON | SmartRendererName;
  /** The field a smart-mapping renderer classifies (Python: `field_name`). */
  fieldName?: string;
  /** Smart mapping: "natural-breaks" (default), "equal-interval", "quantile", "standard-deviation". */
  classificationMethod?: ClassificationMethod;
  /** Smart mapping: how many classes (default 5). */
  numClasses?: number;
  /** An ArcGIS JSON popup template: `{ title, content, fieldInfos, … }`. */
  popupTemplate?: PopupTemplateJSON;
  definitionExpression?: string;
}

/** A popup template in ArcGIS JSON (the web map specification's popupInfo). */
export interface PopupTemplateJSON {
  title?: string;
  content?: string | Record<string, unknown>[];
  fieldInfos?: {
    fieldName: string;
    label?: string;
    visible?: boolean;
    format?: Record<string, unknown>;
  }[];
  expressionInfos?: Record<string, unknown>[];
  outFields?: string[];
  [key: string]: unknown;
}

/** A portal item as the map needs it (tsgis `Item` has these fields). */
export interface ItemLike {
  id: string;
  type: string;
  title?: string | null;
  url?: string | null;
}

/** A service layer object (FeatureLayer, MapImageLayer …): anything with a service URL. */
export interface LayerLike {
  url: string;
  properties?: { name?: unknown } | null;
}

/** Also a FeatureSet, or rows with a `SHAPE` geometry (Python's spatially enabled DataFrame). */
export type MapLayerInput =
  ItemLike | LayerLike | string | Record<string, unknown> | Record<string, unknown>[];

const OPTION_KEYS = new Set([
  "title",
  "fieldName",
  "classificationMethod",
  "numClasses",
  "opacity",
  "visible",
  "renderer",
  "popupTemplate",
  "definitionExpression",
]);

export function toLayerSpec(
  input: unknown,
  options: AddLayerOptions | undefined,
  portalUrl: string | null,
): LayerSpec {
  return withShortRepr(specOf(input, options, portalUrl));
}

/**
 * Gives the spec a one-line repr (`<LayerSpec kind:item title:"Parks" itemId:…>`) for notebooks.
 * The repr is a non-enumerable symbol, so the synced widget state stays plain JSON.
 */
export function withShortRepr(spec: LayerSpec): LayerSpec {
  const shortRepr = (): string => {
    const parts = [`kind:${spec.kind}`];
    if (spec.title !== null) parts.push(`title:${JSON.stringify(spec.title)}`);
    if (spec.itemId !== null) parts.push(`itemId:${spec.itemId}`);
    if (spec.url !== null) parts.push(`url:"${spec.url}"`);
    return `<LayerSpec ${parts.join(" ")}>`;
  };
  Object.defineProperty(spec, inspect.custom, { value: shortRepr, enumerable: false });
  return spec;
}

function specOf(
  input: unknown,
  options: AddLayerOptions | undefined,
  portalUrl: string | null,
): LayerSpec {
  const checked = checkLayerOptions(options);
  const title = checked.title ?? null;
  const base = {
    id: randomUUID(),
    title,
    url: null,
    itemId: null,
    portalUrl: null,
    geojson: null,
    smartRenderer: checked.smartRenderer,
  };
  if (typeof input === "string") {
    return { ...base, kind: "url", url: checkServiceUrl(input, "layer"), options: checked.rest };
  }
  if (isFeatureSet(input) || isSpatialTable(input)) {
    return {
      ...base,
      kind: "geojson",
      title: title ?? "Features",
      geojson: isFeatureSet(input)
        ? featureSetToGeoJson(input, "layer")
        : rowsToGeoJson(input, null, "layer"),
      options: checked.rest,
    };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new TypeError(
      `layer: expected an Item, a layer, a service URL or GeoJSON, got ${describe(input)}`,
    );
  }
  const record = input as Record<string, unknown>;
  if (typeof record.type === "string" && isGeoJsonType(record.type)) {
    return {
      ...base,
      kind: "geojson",
      title: title ?? "GeoJSON",
      geojson: toFeatureCollection(record, "layer"),
      options: checked.rest,
    };
  }
  if (typeof record.id === "string" && typeof record.type === "string") {
    if (!portalUrl) throw new TypeError("layer: an item needs a map connected to a GIS");
    const url = typeof record.url === "string" && record.url !== "" ? record.url : null;
    return {
      ...base,
      kind: "item",
      title: title ?? (typeof record.title === "string" ? record.title : null),
      itemId: record.id,
      portalUrl,
      url: url === null ? null : checkServiceUrl(url, "layer.url"),
      options: checked.rest,
    };
  }
  if (typeof record.url === "string") {
    const properties = record.properties as { name?: unknown } | null | undefined;
    const name = typeof properties?.name === "string" ? properties.name : null;
    return {
      ...base,
      kind: "url",
      title: title ?? name,
      url: checkServiceUrl(record.url, "layer.url"),
      options: checked.rest,
    };
  }
  throw new TypeError(
    "layer: expected an Item ({ id, type }), a layer ({ url }), a service URL or GeoJSON",
  );
}

const GEOJSON_TYPES = new Set([
  "FeatureCollection",
  "Feature",
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
]);

function isGeoJsonType(type: string): boolean {
  return GEOJSON_TYPES.has(type);
}

export function checkServiceUrl(value: string, argument: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new TypeError(`${argument}: "${value}" is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`${argument}: expected an http(s) URL, got ${parsed.protocol}`);
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (name.toLowerCase() === "token") {
      throw new TypeError(
        `${argument}: the URL carries a token; pass the bare URL (the map adds credentials itself)`,
      );
    }
  }
  return parsed.toString().replace(/\/+$/, "");
}

/** Checks addLayer's (or updateLayer's, `method`) options, naming the option that is wrong. */
export function checkLayerOptions(
  options: AddLayerOptions | undefined,
  method = "addLayer",
): {
  title?: string;
  rest: MapLayerProperties;
  smartRenderer: SmartRendererSpec | null;
} {
  if (options === undefined) return { rest: {}, smartRenderer: null };
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`options: expected an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`options.${key}: not an ${method} option`);
  }
  const { title, fieldName, classificationMethod, numClasses, ...rest } = options;
  const smartRenderer = checkSmartRenderer(
    rest.renderer,
    fieldName,
    classificationMethod,
    numClasses,
  );
  if (smartRenderer) delete rest.renderer;
  if (title !== undefined && typeof title !== "string") {
    throw new TypeError("options.title: expected a string");
  }
  if (rest.opacity !== undefined) numberInRange(rest.opacity, "options.opacity", 0, 1);
  if (rest.visible !== undefined && typeof rest.visible !== "boolean") {
    throw new TypeError("options.visible: expected a boolean");
  }
  for (const key of smartRenderer
    ? (["popupTemplate"] as const)
    : (["renderer", "popupTemplate"] as const)) {
    const value = rest[key];
    if (value !== undefined && (typeof value !== "object" || value === null)) {
      throw new TypeError(`options.${key}: expected an object (ArcGIS JSON)`);
    }
  }
  if (rest.definitionExpression !== undefined && typeof rest.definitionExpression !== "string") {
    throw new TypeError("options.definitionExpression: expected a string");
  }
  return { title, rest: { ...(rest as MapLayerProperties) }, smartRenderer };
}

function checkSmartRenderer(
  renderer: unknown,
  fieldName: unknown,
  classificationMethod: unknown,
  numClasses: unknown,
): SmartRendererSpec | null {
  if (typeof renderer !== "string") {
    for (const [key, value] of Object.entries({ fieldName, classificationMethod, numClasses })) {
      if (value !== undefined) {
        throw new TypeError(
          `options.${key}: only used with a smart-mapping renderer name in options.renderer`,
        );
      }
    }
    return null;
  }
  if (!Object.hasOwn(SMART_RENDERERS, renderer)) {
    throw new RangeError(
      `options.renderer: "${renderer}" is not a smart-mapping renderer (${Object.keys(SMART_RENDERERS).join(", ")}); pass an ArcGIS JSON renderer object otherwise`,
    );
  }
  const type = renderer as SmartRendererName;
  if (fieldName !== undefined && (typeof fieldName !== "string" || fieldName === "")) {
    throw new TypeError("options.fieldName: expected a field name");
  }
  if (SMART_RENDERERS[type] && fieldName === undefined) {
    throw new TypeError(`options.fieldName: ${type} needs the field whose values it shows`);
  }
  if (
    classificationMethod !== undefined &&
    !CLASSIFICATION_METHODS.includes(classificationMethod as ClassificationMethod)
  ) {
    throw new RangeError(
      `options.classificationMethod: expected one of ${CLASSIFICATION_METHODS.join(", ")}`,
    );
  }
  if (numClasses !== undefined) numberInRange(numClasses, "options.numClasses", 1, 10);
  if (numClasses !== undefined && !Number.isInteger(numClasses)) {
    throw new RangeError("options.numClasses: expected a whole number");
  }
  return {
    type,
    field: (fieldName as string | undefined) ?? null,
    options: {
      ...(classificationMethod !== undefined
        ? { classificationMethod: classificationMethod as ClassificationMethod }
        : {}),
      ...(numClasses !== undefined ? { numClasses: numClasses as number } : {}),
    },
  };
}
