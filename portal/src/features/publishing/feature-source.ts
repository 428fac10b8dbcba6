import { invalidParameter } from "../../server/arcgis-error";
import { matchAddress } from "../../geocode/address-matcher";
import { gazetteer } from "../../geocode/gazetteer";
import type { EsriGeometry, GeometryType } from "../esri-geometry";
import { esriTypeOfGeoJson, fromGeoJsonGeometry, type GeoJsonGeometry } from "../geojson";
import { type Table, parseCsv, uniqueNames } from "./csv-table";
import { detectLocation, type LocationFields } from "./location-fields";

/** Rows ready to load into a new layer: its schema, geometry type and features in WGS 84. */
export interface FeatureSource {
  fields: { name: string; type: string; alias: string; length?: number }[];
  geometryType: GeometryType | null;
  features: { attributes: Record<string, unknown>; geometry: EsriGeometry | null }[];
}

export type PublishFileType = "csv" | "geojson" | "shapefile" | "excel";

/** Reads a table (CSV, or Excel already turned into a table) into features. */
export function tableSource(
  table: Table,
  publishParameters: Record<string, unknown>,
): FeatureSource {
  const location = locationOf(table, publishParameters);
  const fields = inferFields(table.columns, table.rows);
  const typed = table.rows.map((row) => typedAttributes(fields, row));
  if (location.locationType === "none")
    return {
      fields,
      geometryType: null,
      features: typed.map((attributes) => ({ attributes, geometry: null })),
    };
  const places = location.locationType === "address" ? gazetteer() : null;
  const features = typed.map((attributes) => {
    if (location.locationType === "coordinates") {
      const x = Number(attributes[location.longitudeFieldName]);
      const y = Number(attributes[location.latitudeFieldName]);
      const valid =
        attributes[location.longitudeFieldName] !== null &&
        Number.isFinite(x) &&
        Number.isFinite(y);
      return { attributes, geometry: valid ? { x, y } : null };
    }
    const address = addressLine(attributes, location.addressFields);
    const [best] = address ? matchAddress(places!, address) : [];
    const geometry = best
      ? best.kind === "place"
        ? { x: best.place.lon, y: best.place.lat }
        : { x: best.country.lon, y: best.country.lat }
      : null;
    return { attributes, geometry };
  });
  return { fields, geometryType: "esriGeometryPoint", features };
}

export function csvSource(text: string, publishParameters: Record<string, unknown>): FeatureSource {
  const delimiter =
    typeof publishParameters.columnDelimiter === "string" &&
    publishParameters.columnDelimiter.length === 1
      ? publishParameters.columnDelimiter
      : ",";
  const table = parseCsv(text, delimiter);
  if (table.columns.length === 0)
    throw invalidParameter("itemId", "names a CSV file without a header row.");
  return tableSource(table, publishParameters);
}

/** Reads a GeoJSON FeatureCollection; every feature must have the same kind of geometry. */
export function geoJsonSource(text: string): FeatureSource {
  let collection: { type?: unknown; features?: unknown };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch {
    throw invalidParameter("itemId", "names a GeoJSON file that is not valid JSON.");
  }
  if (collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw invalidParameter("itemId", "names a GeoJSON file that is not a FeatureCollection.");
  }
  const features = collection.features as {
    geometry?: GeoJsonGeometry | null;
    properties?: Record<string, unknown> | null;
  }[];
  const kinds = new Set(
    features
      .map((feature) => (feature.geometry ? esriTypeOfGeoJson(feature.geometry.type) : undefined))
      .filter(Boolean),
  );
  if (kinds.size > 1)
    throw invalidParameter(
      "itemId",
      "names GeoJSON that mixes geometry types; publish one type per file.",
    );
  const keys = [...new Set(features.flatMap((feature) => Object.keys(feature.properties ?? {})))];
  const names = uniqueNames(keys);
  const rows = features.map((feature) => keys.map((key) => plainValue(feature.properties?.[key])));
  const fields = inferFields(names, rows, { typedSource: true });
  return {
    fields,
    geometryType: ([...kinds][0] as GeometryType | undefined) ?? null,
    features: features.map((feature, index) => ({
      attributes: typedAttributes(fields, rows[index]),
      geometry: fromGeoJsonGeometry(feature.geometry ?? null),
    })),
  };
}

function plainValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return JSON.stringify(value);
}

function locationOf(table: Table, publishParameters: Record<string, unknown>): LocationFields {
  const type = publishParameters.locationType;
  const columnNamed = (value: unknown): string | undefined =>
    typeof value === "string"
      ? table.columns.find((column) => column.toLowerCase() === value.toLowerCase())
      : undefined;
  if (type === "coordinates") {
    const latitude = columnNamed(publishParameters.latitudeFieldName);
    const longitude = columnNamed(publishParameters.longitudeFieldName);
    if (!latitude || !longitude) {
      throw invalidParameter(
        "publishParameters",
        "latitudeFieldName and longitudeFieldName must name columns of the file.",
      );
    }
    return {
      locationType: "coordinates",
      latitudeFieldName: latitude,
      longitudeFieldName: longitude,
    };
  }
  if (type === "address") {
    const given = (publishParameters.addressFields ?? {}) as Record<string, unknown>;
    const addressFields: Record<string, string> = {};
    for (const [role, column] of Object.entries(given)) {
      const found = columnNamed(column);
      if (!found)
        throw invalidParameter(
          "publishParameters",
          `addressFields.${role} names no column of the file.`,
        );
      addressFields[role] = found;
    }
    if (Object.keys(addressFields).length === 0) {
      const detected = detectLocation(table);
      if (detected.locationType !== "address")
        throw invalidParameter("publishParameters", "names no address fields and none were found.");
      return detected;
    }
    return { locationType: "address", addressFields };
  }
  if (type === "none") return { locationType: "none" };
  return detectLocation(table);
}

function addressLine(attributes: Record<string, unknown>, fields: Record<string, string>): string {
  const order = ["SingleLine", "Address", "City", "Region", "Postal", "CountryCode"];
  return order
    .map((role) => fields[role])
    .filter((column): column is string => Boolean(column))
    .map((column) => attributes[column])
    .filter((value) => value !== null && value !== undefined && String(value).trim() !== "")
    .join(", ");
}

const INT32 = 2 ** 31;

/**
 * Column types from the values: ISO 8601 dates, integers, doubles, else strings (long enough
 * for the data).
 * Text that reads as a number counts as one only in untyped sources (CSV, Excel cells read as
 * text), and never with a leading zero ("06", a FIPS or postal code, stays text as ArcGIS Online
 * keeps it); with `typedSource` (GeoJSON, which carries its types) a string is text unless it
 * is an ISO 8601 date.
 */
export function inferFields(
  names: readonly string[],
  rows: readonly (string | number | null)[][],
  options: { typedSource?: boolean } = {},
): FeatureSource["fields"] {
  return names.map((name, column) => {
    const values = rows
      .map((row) => row[column])
      .filter((value): value is string | number => value !== null && value !== "");
    const numbers: number[] = values.map((value) => {
      if (typeof value === "number") return value;
      if (options.typedSource) return NaN;
      return readsAsNumber(value.trim()) ? Number(value) : NaN;
    });
    if (values.length > 0 && values.every((value) => isoDateTime(value) !== null)) {
      return { name, type: "esriFieldTypeDate", alias: name };
    }
    if (values.length > 0 && numbers.every((value) => Number.isFinite(value))) {
      const integers = numbers.every((value) => Number.isInteger(value) && Math.abs(value) < INT32);
      return { name, type: integers ? "esriFieldTypeInteger" : "esriFieldTypeDouble", alias: name };
    }
    const longest = values.reduce<number>((max, value) => Math.max(max, String(value).length), 0);
    return { name, type: "esriFieldTypeString", alias: name, length: Math.max(256, longest) };
  });
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time ("2024-03-01", "2024-03-01T12:30:00Z"),
 * else null. Without an offset the time is UTC, the time reference hosted layers answer in.
 */
export function isoDateTime(value: string | number): number | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = ""] = match;
  const zone = match[8] ?? "Z";
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(
    `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`,
  );
  if (!Number.isFinite(time)) return null;
  // Date.parse rolls 2024-02-31 over to March; such text is not a date.
  const check = new Date(Date.parse(`${year}-${month}-${day}T00:00:00Z`));
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() + 1 !== Number(month)) return null;
  return time;
}

/** A plain decimal number without a leading zero that would be lost ("0.5" is one, "06" not). */
function readsAsNumber(text: string): boolean {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return false;
  return !/^[+-]?0\d/.test(text);
}

function typedAttributes(
  fields: FeatureSource["fields"],
  row: readonly (string | number | null)[],
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  fields.forEach((field, column) => {
    const value = row[column];
    if (value === null || value === "") attributes[field.name] = null;
    else if (field.type === "esriFieldTypeString") attributes[field.name] = String(value);
    else if (field.type === "esriFieldTypeDate") attributes[field.name] = isoDateTime(value);
    else attributes[field.name] = Number(value);
  });
  return attributes;
}
