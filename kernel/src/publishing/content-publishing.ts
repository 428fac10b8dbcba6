import type { Item } from "../content/item";
import { FeatureCollection } from "../features/feature-collection";
import type { FieldInfo } from "../features/feature-set";
import { type GeoJsonFeatureCollection } from "../features/geojson-conversion";
import { batchGeocode } from "../geocoding/batch-geocode";
import type { GIS } from "../gis";
import { analyze as analyzeData } from "../rest/items";
import { publishItem, type PublishOptions } from "./item-publishing";

/** Options of `gis.content.analyze`. */
export interface AnalyzeOptions {
  url?: string;
  item?: Item | string;
  filePath?: string;
  text?: string;
  fileType?: string;
  sourceLocale?: string;
  geocodingService?: string;
  locationType?: string;
  sourceCountry?: string;
  countryHint?: string;
}

/** The logic of `ContentManager.analyze`. */
export async function analyze(
  gis: GIS,
  options: AnalyzeOptions = {},
): Promise<Record<string, unknown>> {
  const sources = [options.url, options.item, options.filePath, options.text].filter(
    (value) => value !== undefined,
  );
  if (sources.length !== 1)
    throw new TypeError("options: give exactly one of url, item, filePath or text");
  const itemId = typeof options.item === "string" ? options.item : options.item?.id;
  const fileType =
    options.fileType ?? guessFileType(options.filePath ?? options.url ?? "") ?? "csv";
  const analyzeParameters = {
    sourcelocale: options.sourceLocale ?? "en",
    geocodeServiceUrl: options.geocodingService,
    sourcecountry: options.sourceCountry ?? "world",
    sourcecountryhint: options.countryHint,
    locationType: options.locationType,
  };
  return analyzeData(
    gis.session,
    { itemId, text: options.text, sourceUrl: options.url, filetype: fileType, analyzeParameters },
    options.filePath ? { path: options.filePath } : undefined,
  );
}

function guessFileType(name: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)(?:\?.*)?$/.exec(name)?.[1]?.toLowerCase();
  return {
    csv: "csv",
    xlsx: "excel",
    xls: "excel",
    geojson: "geojson",
    json: "geojson",
    zip: "shapefile",
  }[extension ?? ""];
}

/** Options of `gis.content.importData`. */
export interface ImportDataOptions extends Omit<PublishOptions, "addressFields"> {
  addressFields?: Record<string, string>;
  folder?: string;
  title?: string;
  tags?: string | string[];
  locationType?: "coordinates" | "address" | "none";
  latitudeField?: string;
  longitudeField?: string;
}

const RECORD_LIMIT = 1000;

/**
 * The logic of `ContentManager.importData`: a GeoJSON FeatureCollection (the spatial
 * DataFrame's stand-in) is published as a hosted feature layer and its Item returned; an array
 * of records (a plain DataFrame) becomes an in-memory FeatureCollection, located by its
 * coordinate fields or by geocoding its address fields.
 */
export async function importData(
  gis: GIS,
  df: Record<string, unknown>[] | GeoJsonFeatureCollection,
  options: ImportDataOptions = {},
): Promise<Item | FeatureCollection> {
  if (isFeatureCollection(df)) {
    const title = options.title ?? `Imported_${Date.now()}`;
    const dataItem = await gis.content.add(
      {
        title,
        type: "GeoJson",
        tags: options.tags ?? "GeoJSON",
        fileName: `${title.replace(/[^A-Za-z0-9_-]+/g, "_")}.geojson`,
      },
      { data: Buffer.from(JSON.stringify(df)), folder: options.folder },
    );
    return publishItem(dataItem, {
      ...options,
      fileType: "geojson",
      publishParameters: { name: title.replace(/[^A-Za-z0-9_]+/g, "_") },
    });
  }
  if (
    !Array.isArray(df) ||
    df.some((row) => !row || typeof row !== "object" || Array.isArray(row))
  ) {
    throw new TypeError("df: expected an array of records or a GeoJSON FeatureCollection");
  }
  if (df.length > RECORD_LIMIT) {
    throw new RangeError(
      `df: ${df.length} records; records are imported in memory up to ${RECORD_LIMIT} (publish a CSV for more)`,
    );
  }
  const columns = [...new Set(df.flatMap((row) => Object.keys(row)))];
  const fields = inferFields(columns, df);
  const geometries = await locate(gis, df, columns, options);
  const features = df.map((row, index) => ({
    attributes: { ObjectID: index + 1, ...row },
    ...(geometries[index] ? { geometry: geometries[index]! } : {}),
  }));
  return new FeatureCollection({
    layerDefinition: {
      name: options.title ?? "Imported records",
      geometryType: "esriGeometryPoint",
      objectIdField: "ObjectID",
      fields: [{ name: "ObjectID", type: "esriFieldTypeOID", alias: "ObjectID" }, ...fields],
    },
    featureSet: { geometryType: "esriGeometryPoint", spatialReference: { wkid: 4326 }, features },
  });
}

function isFeatureCollection(value: unknown): value is GeoJsonFeatureCollection {
  return (
    !!value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    (value as { type?: unknown }).type === "FeatureCollection"
  );
}

const LATITUDE = ["latitude", "lat", "y"];
const LONGITUDE = ["longitude", "lon", "long", "lng", "x"];

async function locate(
  gis: GIS,
  rows: Record<string, unknown>[],
  columns: string[],
  options: ImportDataOptions,
): Promise<({ x: number; y: number; spatialReference: { wkid: number } } | null)[]> {
  const pick = (given: string | undefined, names: string[]): string | undefined =>
    given ?? columns.find((column) => names.includes(column.toLowerCase()));
  const latitude = pick(options.latitudeField, LATITUDE);
  const longitude = pick(options.longitudeField, LONGITUDE);
  const useCoordinates =
    options.locationType === "coordinates" || (!options.addressFields && latitude && longitude);
  if (useCoordinates) {
    if (!latitude || !longitude) throw new TypeError("latitudeField: name the coordinate columns");
    return rows.map((row) => {
      const x = Number(row[longitude]);
      const y = Number(row[latitude]);
      return Number.isFinite(x) && Number.isFinite(y) && row[longitude] !== null
        ? { x, y, spatialReference: { wkid: 4326 } }
        : null;
    });
  }
  const addressFields = options.addressFields;
  if (
    !addressFields ||
    typeof addressFields !== "object" ||
    Object.keys(addressFields).length === 0
  ) {
    throw new TypeError(
      "addressFields: records need address fields (or latitude/longitude columns) to be located",
    );
  }
  for (const column of Object.values(addressFields)) {
    if (!columns.includes(column))
      throw new RangeError(`addressFields: no column named "${column}"`);
  }
  const addresses = rows.map((row) => {
    const address: Record<string, string> = {};
    for (const [role, column] of Object.entries(addressFields)) {
      if (row[column] !== null && row[column] !== undefined) address[role] = String(row[column]);
    }
    return address;
  });
  const results = await batchGeocode(addresses, { gis });
  return results.map((result) =>
    result && result.score > 0 && typeof result.location.x === "number"
      ? { x: result.location.x, y: result.location.y, spatialReference: { wkid: 4326 } }
      : null,
  );
}

function inferFields(columns: string[], rows: Record<string, unknown>[]): FieldInfo[] {
  return columns.map((name) => {
    const values = rows
      .map((row) => row[name])
      .filter((value) => value !== null && value !== undefined);
    if (values.length > 0 && values.every((value) => typeof value === "number")) {
      const integers = values.every((value) => Number.isInteger(value));
      return { name, type: integers ? "esriFieldTypeInteger" : "esriFieldTypeDouble", alias: name };
    }
    return { name, type: "esriFieldTypeString", alias: name, length: 256 };
  });
}
