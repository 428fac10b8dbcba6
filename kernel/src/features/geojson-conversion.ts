import type { Geometry } from "./feature-set";

type Position = [number, number];

/** A GeoJSON geometry of the kinds feature layers hold. */
export interface GeoJsonGeometry {
  type: "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon";
  coordinates: unknown;
}

/** A GeoJSON feature (RFC 7946). */
export interface GeoJsonFeature {
  type: "Feature";
  id?: number | string;
  geometry: GeoJsonGeometry | null;
  properties: Record<string, unknown> | null;
}

/** A GeoJSON FeatureCollection: what `layer.query({ asGeoJSON: true })` resolves to. */
export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: GeoJsonFeature[];
  [key: string]: unknown;
}

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
  }
  return sum;
}

const orient = (ring: Position[], counterClockwise: boolean): Position[] =>
  signedArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();

/** ArcGIS JSON → GeoJSON; ArcGIS outer rings are clockwise, GeoJSON's counter-clockwise. */
export function esriToGeoJsonGeometry(geometry: Geometry): GeoJsonGeometry | null {
  if (typeof geometry.x === "number" && typeof geometry.y === "number") {
    return { type: "Point", coordinates: [geometry.x, geometry.y] };
  }
  if (Array.isArray(geometry.points)) return { type: "MultiPoint", coordinates: geometry.points };
  if (Array.isArray(geometry.paths)) {
    const paths = geometry.paths as Position[][];
    return paths.length === 1
      ? { type: "LineString", coordinates: paths[0] }
      : { type: "MultiLineString", coordinates: paths };
  }
  if (Array.isArray(geometry.rings)) {
    const polygons: Position[][][] = [];
    for (const ring of geometry.rings as Position[][]) {
      if (signedArea(ring) > 0 && polygons.length > 0)
        polygons[polygons.length - 1].push(orient(ring, false));
      else polygons.push([orient(ring, true)]);
    }
    return polygons.length === 1
      ? { type: "Polygon", coordinates: polygons[0] }
      : { type: "MultiPolygon", coordinates: polygons };
  }
  return null;
}

/** GeoJSON → ArcGIS JSON in WGS 84. */
export function geoJsonToEsriGeometry(geometry: GeoJsonGeometry | null): Geometry | null {
  if (!geometry) return null;
  const spatialReference = { wkid: 4326 };
  const coordinates = geometry.coordinates as never;
  switch (geometry.type) {
    case "Point": {
      const [x, y] = coordinates as Position;
      return { x, y, spatialReference };
    }
    case "MultiPoint":
      return { points: coordinates, spatialReference };
    case "LineString":
      return { paths: [coordinates], spatialReference };
    case "MultiLineString":
      return { paths: coordinates, spatialReference };
    case "Polygon":
      return { rings: polygonRings(coordinates), spatialReference };
    case "MultiPolygon":
      return { rings: (coordinates as Position[][][]).flatMap(polygonRings), spatialReference };
  }
}

function polygonRings(polygon: Position[][]): Position[][] {
  return polygon.map((ring, index) => orient(ring, index !== 0));
}

/** The ArcGIS geometry type for a GeoJSON geometry type. */
export function esriGeometryTypeOf(type: string): string | undefined {
  return {
    Point: "esriGeometryPoint",
    MultiPoint: "esriGeometryMultipoint",
    LineString: "esriGeometryPolyline",
    MultiLineString: "esriGeometryPolyline",
    Polygon: "esriGeometryPolygon",
    MultiPolygon: "esriGeometryPolygon",
  }[type];
}
