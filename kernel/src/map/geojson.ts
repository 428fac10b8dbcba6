// GeoJSON checks and the few geometry facts the kernel needs (bounding boxes for zoomToLayer).
import type { Extent } from "./contract";

type Position = number[];

export function toFeatureCollection(
  value: Record<string, unknown>,
  argument: string,
): Record<string, unknown> {
  if (value.type === "FeatureCollection") {
    if (!Array.isArray(value.features)) {
      throw new TypeError(`${argument}.features: expected an array of GeoJSON features`);
    }
    value.features.forEach((feature, index) =>
      checkFeature(feature, `${argument}.features[${index}]`),
    );
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  }
  if (value.type === "Feature") {
    checkFeature(value, argument);
    return { type: "FeatureCollection", features: [JSON.parse(JSON.stringify(value))] };
  }
  checkGeometry(value, argument);
  return {
    type: "FeatureCollection",
    features: [{ type: "Feature", geometry: JSON.parse(JSON.stringify(value)), properties: {} }],
  };
}

function checkFeature(feature: unknown, argument: string): void {
  if (
    typeof feature !== "object" ||
    feature === null ||
    (feature as { type?: unknown }).type !== "Feature"
  ) {
    throw new TypeError(`${argument}: expected a GeoJSON Feature`);
  }
  const geometry = (feature as { geometry?: unknown }).geometry;
  if (geometry !== null) checkGeometry(geometry, `${argument}.geometry`);
}

function checkGeometry(geometry: unknown, argument: string): void {
  if (typeof geometry !== "object" || geometry === null) {
    throw new TypeError(`${argument}: expected a GeoJSON geometry`);
  }
  const { type, coordinates, geometries } = geometry as Record<string, unknown>;
  if (type === "GeometryCollection") {
    if (!Array.isArray(geometries))
      throw new TypeError(`${argument}.geometries: expected an array`);
    geometries.forEach((part, index) => checkGeometry(part, `${argument}.geometries[${index}]`));
    return;
  }
  const depth = COORDINATE_DEPTH[String(type)];
  if (depth === undefined)
    throw new TypeError(`${argument}.type: "${String(type)}" is not a GeoJSON type`);
  if (!positionsAtDepth(coordinates, depth)) {
    throw new TypeError(`${argument}.coordinates: not valid ${String(type)} coordinates`);
  }
}

const COORDINATE_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function positionsAtDepth(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) {
    return value.length >= 2 && value.every((n) => typeof n === "number" && Number.isFinite(n));
  }
  return value.every((part) => positionsAtDepth(part, depth - 1));
}

/** The WGS84 bounding box of a FeatureCollection, or null when it has no coordinates. */
export function featureCollectionExtent(collection: Record<string, unknown>): Extent | null {
  const box = { xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity };
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number") {
      const [x, y] = value as Position;
      box.xmin = Math.min(box.xmin, x);
      box.xmax = Math.max(box.xmax, x);
      box.ymin = Math.min(box.ymin, y);
      box.ymax = Math.max(box.ymax, y);
      return;
    }
    value.forEach(visit);
  };
  const visitGeometry = (geometry: unknown): void => {
    if (!geometry || typeof geometry !== "object") return;
    const { coordinates, geometries } = geometry as Record<string, unknown>;
    if (Array.isArray(geometries)) geometries.forEach(visitGeometry);
    visit(coordinates);
  };
  const features = Array.isArray(collection.features) ? collection.features : [];
  for (const feature of features) visitGeometry((feature as { geometry?: unknown }).geometry);
  if (!Number.isFinite(box.xmin)) return null;
  return { ...box, spatialReference: { wkid: 4326 } };
}
