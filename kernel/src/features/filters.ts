import type { Geometry } from "./feature-set";

/** A spatial filter for `FeatureLayer.query({ geometryFilter })`. */
export interface GeometryFilter {
  geometry: Geometry;
  geometryType: string;
  spatialRel: string;
  inSR?: number | { wkid: number };
}

function geometryTypeOf(geometry: Geometry): string {
  if (!geometry || typeof geometry !== "object")
    throw new TypeError("geometry: expected an ArcGIS JSON geometry");
  if ("x" in geometry) return "esriGeometryPoint";
  if ("points" in geometry) return "esriGeometryMultipoint";
  if ("paths" in geometry) return "esriGeometryPolyline";
  if ("rings" in geometry) return "esriGeometryPolygon";
  if ("xmin" in geometry) return "esriGeometryEnvelope";
  throw new TypeError("geometry: not a point, multipoint, polyline, polygon or envelope");
}

function filter(
  geometry: Geometry,
  spatialRel: string,
  sr?: number | { wkid: number },
): GeometryFilter {
  const inSR = sr ?? geometry.spatialReference?.wkid;
  return {
    geometry,
    geometryType: geometryTypeOf(geometry),
    spatialRel,
    ...(inSR !== undefined ? { inSR } : {}),
  };
}

/**
 * Features that intersect the geometry. Python: `arcgis.geometry.filters.intersects`.
 * @example
 * await layer.query({ geometryFilter: intersects({ xmin: 0, ymin: 40, xmax: 10, ymax: 50, spatialReference: { wkid: 4326 } }) });
 */
export function intersects(geometry: Geometry, sr?: number | { wkid: number }): GeometryFilter {
  return filter(geometry, "esriSpatialRelIntersects", sr);
}

/**
 * Features that contain the geometry. Python: `arcgis.geometry.filters.contains`.
 * @example
 * await layer.query({ geometryFilter: contains({ x: 2.35, y: 48.85, spatialReference: { wkid: 4326 } }) });
 */
export function contains(geometry: Geometry, sr?: number | { wkid: number }): GeometryFilter {
  return filter(geometry, "esriSpatialRelContains", sr);
}

/**
 * Features that lie within the geometry. Python: `arcgis.geometry.filters.within`.
 * @example
 * await layer.query({ geometryFilter: within(franceOutline) });
 */
export function within(geometry: Geometry, sr?: number | { wkid: number }): GeometryFilter {
  return filter(geometry, "esriSpatialRelWithin", sr);
}
