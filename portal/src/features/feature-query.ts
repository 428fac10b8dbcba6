import { invalidParameter } from "../server/arcgis-error";
import {
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalString,
} from "../server/param-readers";
import {
  boxOf,
  type Box,
  type EsriGeometry,
  GEOMETRY_TYPES,
  projectGeometry,
  readGeometry,
  unionBox,
} from "./esri-geometry";
import { findField, type FieldDefinition } from "./fields";
import { toGeoJsonGeometry } from "./geojson";
import type { JsonBytes } from "../server/json-bytes";
import type { LayerSource } from "./layer-source";
import { canonicalWkid, spatialReferenceJson, type SupportedWkid } from "./projection";
import { outputAttributes, queryPageJson } from "./query-page-json";
import {
  featureFromRow,
  type FeatureRow,
  type FeatureServiceStore,
  type StoredFeature,
} from "./service-store";
import { relates, SPATIAL_RELATIONS, type SpatialRelation } from "./spatial-relations";
import { readTimeParameter, timeClause } from "./time-info";
import { parseWhere } from "./where-parser";
import { type FieldResolver, whereToSql } from "./where-sql";

interface QueryRequest {
  where: string;
  objectIds: number[] | undefined;
  geometry: EsriGeometry | undefined;
  spatialRel: SpatialRelation;
  outFields: FieldDefinition[];
  returnGeometry: boolean;
  outWkid: SupportedWkid;
  orderBy: { field: FieldDefinition; descending: boolean }[];
  offset: number;
  count: number;
  countOnly: boolean;
  idsOnly: boolean;
  extentOnly: boolean;
  time: { start: number | null; end: number | null } | undefined;
  format: "json" | "geojson";
}

/**
 * Runs a layer `query` request and answers in the REST API's JSON or GeoJSON shape; a page of
 * features in Esri JSON comes as bytes already (query-page-json.ts).
 */
export function runQuery(
  store: FeatureServiceStore,
  source: LayerSource,
  params: Record<string, string>,
  format: "json" | "geojson",
): Record<string, unknown> | JsonBytes {
  const request = readQuery(source, params, format);
  const { sql, args } = buildSelect(source, request);
  const exact = request.geometry && request.spatialRel !== "esriSpatialRelEnvelopeIntersects";
  const order = orderClause(source, request, args);

  if (request.countOnly && !request.extentOnly && !exact) {
    const count = Number(
      store.selectRememberedValue(`SELECT COUNT(*) FROM features WHERE ${sql}`, args),
    );
    return { count };
  }

  // Rows keep their JSON as stored text: each answer parses only what it uses.
  let features: FeatureRow[];
  let exceeded = false;
  const pageAll = request.countOnly || request.idsOnly || request.extentOnly;
  if (exact) {
    const queryGeometry = request.geometry!;
    features = store
      .selectFeatureRows(
        `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${sql} ${order.sql}`,
        [...args, ...order.args],
      )
      .filter((row) => {
        const geometry = geometryOf(row);
        return geometry !== null && relates(geometry, queryGeometry, request.spatialRel);
      });
    if (!pageAll) {
      exceeded = features.length > request.offset + request.count;
      features = features.slice(request.offset, request.offset + request.count);
    }
  } else if (pageAll) {
    features = store.selectFeatureRows(
      `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${sql} ${order.sql}`,
      [...args, ...order.args],
    );
  } else if (request.orderBy.length === 0) {
    ({ features, exceeded } = keysetPage(store, sql, args, request));
  } else {
    features = store.selectFeatureRows(
      `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${sql} ${order.sql} LIMIT ? OFFSET ?`,
      [...args, ...order.args, request.count + 1, request.offset],
    );
    exceeded = features.length > request.count;
    features = features.slice(0, request.count);
  }

  if (request.extentOnly) {
    let box: Box | null = null;
    for (const row of features) {
      const geometry = geometryOf(row);
      if (geometry) {
        box = unionBox(box, boxOf(projectGeometry(geometry, source.storageWkid, request.outWkid)));
      }
    }
    const extent = box
      ? { ...box, spatialReference: spatialReferenceJson(request.outWkid) }
      : {
          xmin: "NaN",
          ymin: "NaN",
          xmax: "NaN",
          ymax: "NaN",
          spatialReference: spatialReferenceJson(request.outWkid),
        };
    return request.countOnly ? { count: features.length, extent } : { extent };
  }
  if (request.countOnly) return { count: features.length };
  if (request.idsOnly) {
    return {
      objectIdFieldName: source.objectIdField,
      objectIds: features.map((row) => row.objectId),
    };
  }
  return request.format === "geojson"
    ? geoJsonResponse(source, request, features.map(featureFromRow), exceeded)
    : queryPageJson(source, request, features, exceeded);
}

function geometryOf(row: FeatureRow): EsriGeometry | null {
  return row.geometryJson === null ? null : (JSON.parse(row.geometryJson) as EsriGeometry);
}

/**
 * A page in object id order by keyset: the page starts at the object id found at resultOffset,
 * remembered from the page before it or else looked up in the primary key alone (no feature
 * is read or parsed on the way), and reads forward from there. One row more than the page tells
 * whether the transfer limit was exceeded and where the next page starts.
 */
function keysetPage(
  store: FeatureServiceStore,
  sql: string,
  args: unknown[],
  request: QueryRequest,
): { features: FeatureRow[]; exceeded: boolean } {
  const query = `${sql}\u0000${JSON.stringify(args)}`;
  let from: number | undefined;
  if (request.offset > 0) {
    from =
      store.pageCursors.get(query, request.offset) ??
      (store.selectValue(
        `SELECT object_id FROM features WHERE ${sql} ORDER BY object_id LIMIT 1 OFFSET ?`,
        [...args, request.offset],
      ) as number | undefined);
    if (from === undefined) return { features: [], exceeded: false };
  }
  const rows = store.selectFeatureRows(
    `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${sql} AND object_id >= ? ORDER BY object_id LIMIT ?`,
    [...args, from ?? Number.MIN_SAFE_INTEGER, request.count + 1],
  );
  const exceeded = rows.length > request.count;
  if (exceeded)
    store.pageCursors.set(query, request.offset + request.count, rows[request.count].objectId);
  return { features: exceeded ? rows.slice(0, request.count) : rows, exceeded };
}

function readQuery(
  source: LayerSource,
  params: Record<string, string>,
  format: "json" | "geojson",
): QueryRequest {
  const maxRecordCount = source.service.definition.maxRecordCount;
  const geometry = readQueryGeometry(params, source.storageWkid);
  const outFields = readOutFields(source, params);
  const outSRText = optionalString(params, "outSR");
  let outWkid: SupportedWkid = format === "geojson" ? 4326 : source.storageWkid;
  if (outSRText !== undefined) {
    const wkid = canonicalWkid(
      outSRText.trim().startsWith("{") ? parseJson(outSRText, "outSR").wkid : outSRText,
    );
    if (wkid === null) throw invalidParameter("outSR", "must be 4326, 3857 or 102100.");
    outWkid = wkid;
  }
  return {
    where: optionalString(params, "where") ?? "1=1",
    objectIds: readObjectIds(params),
    geometry,
    spatialRel:
      optionalChoice(params, "spatialRel", SPATIAL_RELATIONS) ?? "esriSpatialRelIntersects",
    outFields,
    returnGeometry: optionalBoolean(params, "returnGeometry") ?? true,
    outWkid,
    orderBy: readOrderBy(source, params),
    offset: optionalInteger(params, "resultOffset", { min: 0 }) ?? 0,
    count: Math.min(
      optionalInteger(params, "resultRecordCount", { min: 1 }) ?? maxRecordCount,
      maxRecordCount,
    ),
    countOnly: optionalBoolean(params, "returnCountOnly") ?? false,
    idsOnly: optionalBoolean(params, "returnIdsOnly") ?? false,
    extentOnly: optionalBoolean(params, "returnExtentOnly") ?? false,
    time: readTimeParameter(params),
    format,
  };
}

function parseJson(text: string, name: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object") return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalidParameter(name, "is not valid JSON.");
}

function readObjectIds(params: Record<string, string>): number[] | undefined {
  const text = optionalString(params, "objectIds");
  if (text === undefined) return undefined;
  return text.split(",").map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value))
      throw invalidParameter("objectIds", `has a non-integer id '${part.trim()}'.`);
    return value;
  });
}

/** The query geometry in the storage spatial reference (inSR, or the geometry's own). */
function readQueryGeometry(
  params: Record<string, string>,
  storageWkid: SupportedWkid,
): EsriGeometry | undefined {
  const text = optionalString(params, "geometry");
  if (text === undefined) return undefined;
  // The JSON itself says what kind of geometry it is; geometryType is only checked.
  optionalChoice(params, "geometryType", GEOMETRY_TYPES);
  let value: unknown;
  if (text.trim().startsWith("{")) {
    value = parseJson(text, "geometry");
  } else {
    const numbers = text.split(",").map((part) => Number(part.trim()));
    if (numbers.some((number) => !Number.isFinite(number))) {
      throw invalidParameter("geometry", "must be JSON, 'x,y' or 'xmin,ymin,xmax,ymax'.");
    }
    if (numbers.length === 2) value = { x: numbers[0], y: numbers[1] };
    else if (numbers.length === 4) {
      value = { xmin: numbers[0], ymin: numbers[1], xmax: numbers[2], ymax: numbers[3] };
    } else throw invalidParameter("geometry", "must be JSON, 'x,y' or 'xmin,ymin,xmax,ymax'.");
  }
  const { geometry, wkid } = readGeometry(value, "geometry");
  const inSRText = optionalString(params, "inSR");
  let inWkid = wkid;
  if (inSRText !== undefined) {
    inWkid = canonicalWkid(
      inSRText.trim().startsWith("{") ? parseJson(inSRText, "inSR").wkid : inSRText,
    );
    if (inWkid === null) throw invalidParameter("inSR", "must be 4326, 3857 or 102100.");
  }
  return projectGeometry(geometry, inWkid ?? storageWkid, storageWkid);
}

function readOutFields(source: LayerSource, params: Record<string, string>): FieldDefinition[] {
  const text = optionalString(params, "outFields");
  if (text === undefined)
    return source.fields.filter((field) => field.name === source.objectIdField);
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes("*")) return source.fields;
  return names.map((name) => {
    const field = findField(source.fields, name);
    if (!field) throw invalidParameter("outFields", `names an unknown field '${name}'.`);
    return field;
  });
}

function readOrderBy(source: LayerSource, params: Record<string, string>): QueryRequest["orderBy"] {
  const text = optionalString(params, "orderByFields");
  if (text === undefined) return [];
  return text.split(",").map((part) => {
    const match = /^\s*("?)([A-Za-z_][A-Za-z0-9_]*)\1(?:\s+(ASC|DESC))?\s*$/i.exec(part);
    const field = match ? findField(source.fields, match[2]) : undefined;
    if (!match || !field)
      throw invalidParameter("orderByFields", `cannot order by '${part.trim()}'.`);
    return { field, descending: (match[3] ?? "ASC").toUpperCase() === "DESC" };
  });
}

/** Reads a field of the layer from the features table: the id column or the attributes JSON. */
export function fieldResolver(source: LayerSource): FieldResolver {
  return (name) => {
    const field = findField(source.fields, name);
    if (!field) return undefined;
    if (field.name === source.objectIdField) return { sql: "object_id", params: [] };
    return { sql: "json_extract(attributes_json, ?)", params: [`$.${field.name}`] };
  };
}

function buildSelect(source: LayerSource, request: QueryRequest): { sql: string; args: unknown[] } {
  const clauses = ["service_id = ?", "layer_id = ?"];
  const args: unknown[] = [source.storageServiceId, source.storageLayerId];
  const resolve = fieldResolver(source);
  for (const text of [request.where, source.definitionQuery]) {
    const tree = parseWhere(text);
    if (!tree) continue;
    const fragment = whereToSql(tree, resolve);
    clauses.push(fragment.sql);
    args.push(...fragment.params);
  }
  const time = request.time && timeClause(source, request.time, resolve);
  if (time) {
    clauses.push(time.sql);
    args.push(...time.params);
  }
  if (request.objectIds) {
    if (request.objectIds.length === 0) clauses.push("0");
    else {
      clauses.push(`object_id IN (${request.objectIds.map(() => "?").join(", ")})`);
      args.push(...request.objectIds);
    }
  }
  if (request.geometry) {
    const box = boxOf(request.geometry);
    if (box) {
      clauses.push("xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?");
      args.push(box.xmax, box.xmin, box.ymax, box.ymin);
    }
  }
  return { sql: clauses.join(" AND "), args };
}

function orderClause(
  source: LayerSource,
  request: QueryRequest,
  _args: unknown[],
): { sql: string; args: unknown[] } {
  if (request.orderBy.length === 0) return { sql: "ORDER BY object_id", args: [] };
  const resolve = fieldResolver(source);
  const args: unknown[] = [];
  const parts = request.orderBy.map(({ field, descending }) => {
    const resolved = resolve(field.name)!;
    args.push(...resolved.params);
    return `${resolved.sql} ${descending ? "DESC" : "ASC"}`;
  });
  return { sql: `ORDER BY ${parts.join(", ")}, object_id`, args };
}

function geoJsonResponse(
  source: LayerSource,
  request: QueryRequest,
  features: StoredFeature[],
  exceeded: boolean,
): Record<string, unknown> {
  const collection: Record<string, unknown> = {
    type: "FeatureCollection",
    features: features.map((feature) => {
      const properties = outputAttributes(
        source,
        request.outFields,
        feature.objectId,
        feature.attributes,
      );
      const geometry =
        request.returnGeometry && feature.geometry
          ? toGeoJsonGeometry(
              projectGeometry(feature.geometry, source.storageWkid, request.outWkid),
            )
          : null;
      return { type: "Feature", id: feature.objectId, geometry, properties };
    }),
  };
  if (request.outWkid !== 4326) {
    collection.crs = { type: "name", properties: { name: `EPSG:${request.outWkid}` } };
  }
  if (exceeded) collection.properties = { exceededTransferLimit: true };
  return collection;
}
