// Time-aware layers: the layer definition's `timeInfo` (which date fields hold each feature's
// time), its time extent computed from the features when the layer is read (so it is current
// after every edit without bookkeeping), and the query's `time` filter.
import { invalidParameter } from "../server/arcgis-error";
import { optionalString } from "../server/param-readers";
import { findField, type FieldDefinition } from "./fields";
import type { LayerSource } from "./layer-source";
import type { FeatureServiceStore, LayerDefinition } from "./service-store";
import { parseWhere } from "./where-parser";
import { type FieldResolver, type SqlFragment, whereToSql } from "./where-sql";

/** The time settings a layer definition keeps; the extent is never stored. */
export interface StoredTimeInfo {
  startTimeField: string;
  endTimeField: string | null;
  trackIdField: string | null;
  timeInterval: number | null;
  timeIntervalUnits: string | null;
  timeReference: Record<string, unknown> | null;
}

const TIME_UNITS = [
  "esriTimeUnitsMilliseconds",
  "esriTimeUnitsSeconds",
  "esriTimeUnitsMinutes",
  "esriTimeUnitsHours",
  "esriTimeUnitsDays",
  "esriTimeUnitsWeeks",
  "esriTimeUnitsMonths",
  "esriTimeUnitsYears",
  "esriTimeUnitsDecades",
  "esriTimeUnitsCenturies",
  "esriTimeUnitsUnknown",
];

/**
 * A layer's `timeInfo` as given to publish, addToDefinition or updateDefinition: the start (and
 * optional end) field must be date fields of the layer. `null` or `{}` turns time off.
 */
export function readTimeInfo(
  value: unknown,
  fields: readonly FieldDefinition[],
  where: string,
): StoredTimeInfo | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidParameter(where, "timeInfo must be an object.");
  const given = value as Record<string, unknown>;
  if (Object.keys(given).length === 0 || !given.startTimeField) return null;
  const dateField = (key: string): string | null => {
    const name = given[key];
    if (name === undefined || name === null || name === "") return null;
    const field = typeof name === "string" ? findField(fields, name) : undefined;
    if (!field || field.type !== "esriFieldTypeDate")
      throw invalidParameter(where, `timeInfo.${key} must name a date field of the layer.`);
    return field.name;
  };
  const startTimeField = dateField("startTimeField")!;
  const endTimeField = dateField("endTimeField");
  let trackIdField: string | null = null;
  if (
    given.trackIdField !== undefined &&
    given.trackIdField !== null &&
    given.trackIdField !== ""
  ) {
    const field =
      typeof given.trackIdField === "string" ? findField(fields, given.trackIdField) : undefined;
    if (!field)
      throw invalidParameter(where, "timeInfo.trackIdField must name a field of the layer.");
    trackIdField = field.name;
  }
  const interval = given.timeInterval ?? null;
  if (interval !== null && (typeof interval !== "number" || !(interval > 0)))
    throw invalidParameter(where, "timeInfo.timeInterval must be a positive number.");
  const units = given.timeIntervalUnits ?? null;
  if (units !== null && (typeof units !== "string" || !TIME_UNITS.includes(units)))
    throw invalidParameter(
      where,
      `timeInfo.timeIntervalUnits must be one of ${TIME_UNITS.join(", ")}.`,
    );
  const reference = given.timeReference ?? null;
  if (reference !== null && (typeof reference !== "object" || Array.isArray(reference)))
    throw invalidParameter(where, "timeInfo.timeReference must be an object.");
  return {
    startTimeField,
    endTimeField,
    trackIdField,
    timeInterval: interval,
    timeIntervalUnits: units,
    timeReference: reference as Record<string, unknown> | null,
  };
}

/** The stored settings of a layer definition, if it is time-aware. */
export function storedTimeInfo(layer: LayerDefinition): StoredTimeInfo | null {
  const info = layer.timeInfo as StoredTimeInfo | null | undefined;
  return info && typeof info.startTimeField === "string" ? info : null;
}

/** The layer resource's `timeInfo`, with the time extent of the features it shows now. */
export function timeInfoJson(
  store: FeatureServiceStore,
  source: LayerSource,
  resolve: FieldResolver,
): Record<string, unknown> | null {
  const info = storedTimeInfo(source.layer);
  if (!info) return null;
  const start = resolve(info.startTimeField);
  if (!start) return null;
  const end = (info.endTimeField && resolve(info.endTimeField)) || start;
  const filter = sourceFilter(source, resolve);
  const row = store.selectValue(
    `SELECT json_array(MIN(${start.sql}), MAX(COALESCE(${end.sql}, ${start.sql}))) FROM features WHERE ${filter.sql}`,
    [...start.params, ...end.params, ...start.params, ...filter.params],
  );
  const [first, last] = JSON.parse(String(row)) as (number | null)[];
  return {
    startTimeField: info.startTimeField,
    endTimeField: info.endTimeField,
    trackIdField: info.trackIdField,
    timeExtent: first === null || last === null ? null : [first, last],
    // Dates are stored in UTC, as dateFieldsTimeReference says.
    timeReference: info.timeReference ?? { timeZone: "UTC", respectsDaylightSaving: false },
    timeRelation: "esriTimeRelationOverlaps",
    timeInterval: info.timeInterval,
    timeIntervalUnits: info.timeIntervalUnits,
    exportOptions: {
      useTime: true,
      timeDataCumulative: false,
      timeOffset: null,
      timeOffsetUnits: null,
    },
    hasLiveData: false,
  };
}

/** The features of the layer (its storage ids and, for a view, its definition query). */
function sourceFilter(source: LayerSource, resolve: FieldResolver): SqlFragment {
  const parts = ["service_id = ?", "layer_id = ?"];
  const params: unknown[] = [source.storageServiceId, source.storageLayerId];
  const tree = parseWhere(source.definitionQuery);
  if (tree) {
    const fragment = whereToSql(tree, resolve);
    parts.push(fragment.sql);
    params.push(...fragment.params);
  }
  return { sql: parts.join(" AND "), params };
}

/** A query's `time`: an instant `t`, or `t1,t2` in epoch ms where `null` leaves an end open. */
export function readTimeParameter(
  params: Record<string, string>,
): { start: number | null; end: number | null } | undefined {
  const text = optionalString(params, "time");
  if (text === undefined || text.trim() === "") return undefined;
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length > 2)
    throw invalidParameter("time", "must be an instant or 'start,end' in epoch milliseconds.");
  const values = parts.map((part) => {
    if (part.toLowerCase() === "null") return null;
    if (!/^-?\d+(\.\d+)?$/.test(part))
      throw invalidParameter(
        "time",
        `has '${part}', which is neither epoch milliseconds nor null.`,
      );
    return Number(part);
  });
  const [start, end] = values.length === 1 ? [values[0], values[0]] : values;
  if (start !== null && end !== null && end < start)
    throw invalidParameter("time", "ends before it starts.");
  return { start, end };
}

/**
 * The features whose time overlaps [start, end]: an instant inside it, or a span from the
 * start field to the end field (the start alone when the end is empty) that meets it. Features
 * without a start time have no time and never match. Null for a layer that is not time-aware,
 * where ArcGIS ignores `time`.
 */
export function timeClause(
  source: LayerSource,
  window: { start: number | null; end: number | null },
  resolve: FieldResolver,
): SqlFragment | null {
  const info = storedTimeInfo(source.layer);
  const start = info ? resolve(info.startTimeField) : undefined;
  if (!info || !start) return null;
  const end = (info.endTimeField && resolve(info.endTimeField)) || null;
  const parts = [`${start.sql} IS NOT NULL`];
  const params: unknown[] = [...start.params];
  if (window.end !== null) {
    parts.push(`${start.sql} <= ?`);
    params.push(...start.params, window.end);
  }
  if (window.start !== null) {
    if (end) {
      parts.push(`COALESCE(${end.sql}, ${start.sql}) >= ?`);
      params.push(...end.params, ...start.params, window.start);
    } else {
      parts.push(`${start.sql} >= ?`);
      params.push(...start.params, window.start);
    }
  }
  return { sql: `(${parts.join(" AND ")})`, params };
}
