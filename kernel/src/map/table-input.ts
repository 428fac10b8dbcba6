// A FeatureSet, or rows in the shape of Python's spatially enabled DataFrame (`FeatureSet.sdf`:
// attributes plus a `SHAPE` geometry), turned into the GeoJSON a map layer draws.
import { FeatureSet } from "../features/feature-set";
import { esriToGeoJsonGeometry } from "../features/geojson-conversion";

type Json = Record<string, unknown>;
type SpatialReference = { wkid?: number; latestWkid?: number } | null | undefined;

const EARTH_RADIUS_M = 6378137;
const WEB_MERCATOR = new Set([3857, 102100, 102113, 900913]);

export function isFeatureSet(value: unknown): value is FeatureSet {
  return value instanceof FeatureSet;
}

/** True for a non-empty array of plain rows, one of which has a `SHAPE` geometry. */
export function isSpatialTable(value: unknown): value is Json[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((row) => typeof row === "object" && row !== null && !Array.isArray(row)) &&
    value.some((row) => typeof (row as Json).SHAPE === "object" && (row as Json).SHAPE !== null)
  );
}

export function featureSetToGeoJson(set: FeatureSet, argument: string): Json {
  return rowsToGeoJson(set.sdf, set.spatialReference, argument);
}

export function rowsToGeoJson(
  rows: Json[],
  tableReference: SpatialReference,
  argument: string,
): Json {
  const features = rows.map((row, index) => {
    const { SHAPE: shape, ...properties } = row;
    if (shape === undefined || shape === null)
      return { type: "Feature", geometry: null, properties };
    if (typeof shape !== "object" || Array.isArray(shape)) {
      throw new TypeError(`${argument}[${index}].SHAPE: expected an ArcGIS JSON geometry`);
    }
    const geometry = shape as Json;
    const reference = (geometry.spatialReference as SpatialReference) ?? tableReference;
    const wgs84 = toWgs84(geometry, reference, `${argument}[${index}].SHAPE`);
    return { type: "Feature", geometry: esriToGeoJsonGeometry(wgs84), properties };
  });
  return { type: "FeatureCollection", features };
}

function toWgs84(geometry: Json, reference: SpatialReference, argument: string): Json {
  const wkid = reference?.latestWkid ?? reference?.wkid ?? 4326;
  if (wkid === 4326) return geometry;
  if (!WEB_MERCATOR.has(wkid)) {
    throw new RangeError(
      `${argument}: spatial reference ${wkid} cannot be drawn as GeoJSON; query with outSr 4326`,
    );
  }
  return mapPositions(geometry, ([x, y]) => [
    (x / EARTH_RADIUS_M) * (180 / Math.PI),
    (Math.atan(Math.sinh(y / EARTH_RADIUS_M)) * 180) / Math.PI,
  ]);
}

function mapPositions(geometry: Json, project: (xy: number[]) => number[]): Json {
  const copy: Json = { ...geometry, spatialReference: { wkid: 4326 } };
  if (typeof geometry.x === "number" && typeof geometry.y === "number") {
    const [x, y] = project([geometry.x, geometry.y]);
    return { ...copy, x, y };
  }
  for (const key of ["points", "paths", "rings"] as const) {
    const value = geometry[key];
    if (!Array.isArray(value)) continue;
    copy[key] =
      key === "points"
        ? (value as number[][]).map(project)
        : (value as number[][][]).map((part) => part.map(project));
  }
  return copy;
}
