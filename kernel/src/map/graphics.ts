// What MapView.draw accepts (ArcGIS JSON geometries, GeoJSON geometries, features or
// collections, or arrays of them) turned into graphics in ArcGIS JSON.
import { toFeatureCollection } from "./geojson";
import type { GraphicSpec } from "./contract";
import { describe } from "../arguments";

type Json = Record<string, unknown>;

const WGS84 = { wkid: 4326 };

/** How `MapView.draw` styles what it draws. */
export interface DrawOptions {
  /** An ArcGIS JSON symbol, e.g. `{ type: "esriSMS", color: [255, 0, 0, 255], size: 10 }`. */
  symbol?: Record<string, unknown> | null;
  /** A popup: `{ title, content }` (ArcGIS JSON popup template; `{field}` placeholders allowed). */
  popup?: Record<string, unknown> | null;
  /** Attributes given to every graphic drawn (merged over a feature's own). */
  attributes?: Record<string, unknown> | null;
}

/**
 * The draw options, checked. A symbol alone (an object with a `type`) is accepted as the
 * second argument too, as `draw(shape, symbol)` was written before the options existed.
 */
export function checkDrawOptions(options: unknown): DrawOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `options: expected { symbol, popup, attributes }, got ${describe(options)}`,
    );
  }
  const record = options as Json;
  if (typeof record.type === "string") return { symbol: checkSymbol(record, "symbol") };
  for (const key of Object.keys(record)) {
    if (!["symbol", "popup", "attributes"].includes(key)) {
      throw new TypeError(`options.${key}: not a draw option (symbol, popup, attributes)`);
    }
  }
  return {
    symbol: checkSymbol(record.symbol, "options.symbol"),
    popup: checkPlainJson(record.popup, "options.popup"),
    attributes: checkPlainJson(record.attributes, "options.attributes"),
  };
}

export function toGraphicSpecs(input: unknown, style: DrawOptions = {}): GraphicSpec[] {
  const items = Array.isArray(input) ? input : [input];
  if (items.length === 0) throw new TypeError("shape: nothing to draw (an empty array)");
  return items.flatMap((item, index) =>
    toGraphics(item, Array.isArray(input) ? `shape[${index}]` : "shape").map((graphic) => ({
      ...graphic,
      attributes: { ...graphic.attributes, ...(style.attributes ?? {}) },
      symbol: style.symbol ?? null,
      popupTemplate: style.popup ?? null,
    })),
  );
}

function toGraphics(
  item: unknown,
  argument: string,
): Pick<GraphicSpec, "geometry" | "attributes">[] {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    throw new TypeError(
      `${argument}: expected a geometry, feature or collection, got ${describe(item)}`,
    );
  }
  const record = item as Json;
  if (typeof record.type === "string") {
    const collection = toFeatureCollection(record, argument);
    return (collection.features as Json[])
      .filter((feature) => feature.geometry)
      .map((feature) => ({
        geometry: geoJsonToArcGis(feature.geometry as Json),
        attributes: { ...((feature.properties as Json | null) ?? {}) },
      }));
  }
  if (isArcGisGeometry(record)) {
    return [{ geometry: withSpatialReference(record), attributes: {} }];
  }
  if (
    record.geometry &&
    typeof record.geometry === "object" &&
    isArcGisGeometry(record.geometry as Json)
  ) {
    return [
      {
        geometry: withSpatialReference(record.geometry as Json),
        attributes: { ...((record.attributes as Json | undefined) ?? {}) },
      },
    ];
  }
  throw new TypeError(
    `${argument}: expected ArcGIS JSON ({ x, y } / { paths } / { rings } / { points }) or GeoJSON`,
  );
}

function isArcGisGeometry(record: Json): boolean {
  if (typeof record.x === "number" && typeof record.y === "number") return true;
  return ["paths", "rings", "points"].some((key) => Array.isArray(record[key]));
}

function withSpatialReference(geometry: Json): Json {
  const copy = JSON.parse(JSON.stringify(geometry)) as Json;
  if (!copy.spatialReference) copy.spatialReference = WGS84;
  return copy;
}

/** GeoJSON is always WGS84 longitude/latitude; ArcGIS JSON says so with wkid 4326. */
export function geoJsonToArcGis(geometry: Json): Json {
  const coordinates = geometry.coordinates as unknown;
  switch (geometry.type) {
    case "Point": {
      const [x, y] = coordinates as number[];
      return { x, y, spatialReference: WGS84 };
    }
    case "MultiPoint":
      return { points: coordinates, spatialReference: WGS84 };
    case "LineString":
      return { paths: [coordinates], spatialReference: WGS84 };
    case "MultiLineString":
      return { paths: coordinates, spatialReference: WGS84 };
    case "Polygon":
      return { rings: coordinates, spatialReference: WGS84 };
    case "MultiPolygon":
      return { rings: (coordinates as unknown[][]).flat(), spatialReference: WGS84 };
    default:
      throw new TypeError(`shape: GeoJSON ${String(geometry.type)} cannot be drawn as one graphic`);
  }
}

function checkSymbol(symbol: unknown, argument: string): Json | null {
  if (symbol === undefined || symbol === null) return null;
  if (
    typeof symbol !== "object" ||
    Array.isArray(symbol) ||
    typeof (symbol as Json).type !== "string"
  ) {
    throw new TypeError(
      `${argument}: expected an ArcGIS JSON symbol such as { type: "esriSMS", ... }`,
    );
  }
  return JSON.parse(JSON.stringify(symbol)) as Json;
}

function checkPlainJson(value: unknown, argument: string): Json | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${argument}: expected an object, got ${describe(value)}`);
  }
  return JSON.parse(JSON.stringify(value)) as Json;
}
