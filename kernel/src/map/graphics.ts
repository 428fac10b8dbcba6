// What MapView.draw accepts (ArcGIS JSON geometries, GeoJSON geometries, features or
// collections, or arrays of them) turned into graphics in ArcGIS JSON.
import { toFeatureCollection } from "./geojson";
import { describe } from "./map-arguments";
import type { GraphicSpec } from "./map-state";

type Json = Record<string, unknown>;

const WGS84 = { wkid: 4326 };

export function toGraphicSpecs(input: unknown, symbol: unknown): GraphicSpec[] {
  const checkedSymbol = checkSymbol(symbol);
  const items = Array.isArray(input) ? input : [input];
  if (items.length === 0) throw new TypeError("shape: nothing to draw (an empty array)");
  return items.flatMap((item, index) =>
    toGraphics(item, Array.isArray(input) ? `shape[${index}]` : "shape").map((graphic) => ({
      ...graphic,
      symbol: checkedSymbol,
    })),
  );
}

function toGraphics(item: unknown, argument: string): Omit<GraphicSpec, "symbol">[] {
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

function checkSymbol(symbol: unknown): Json | null {
  if (symbol === undefined || symbol === null) return null;
  if (
    typeof symbol !== "object" ||
    Array.isArray(symbol) ||
    typeof (symbol as Json).type !== "string"
  ) {
    throw new TypeError('symbol: expected an ArcGIS JSON symbol such as { type: "esriSMS", ... }');
  }
  return JSON.parse(JSON.stringify(symbol)) as Json;
}
