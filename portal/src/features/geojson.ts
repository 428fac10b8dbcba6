import type { EsriGeometry, Position } from "./esri-geometry";

/** A GeoJSON geometry (RFC 7946), the kinds a feature layer can hold. */
export type GeoJsonGeometry =
  | { type: "Point"; coordinates: Position }
  | { type: "MultiPoint"; coordinates: Position[] }
  | { type: "LineString"; coordinates: Position[] }
  | { type: "MultiLineString"; coordinates: Position[][] }
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

/** Twice the signed area: positive for counter-clockwise rings. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
  }
  return sum;
}

const clockwise = (ring: Position[]): Position[] =>
  signedArea(ring) > 0 ? [...ring].reverse() : ring;
const counterClockwise = (ring: Position[]): Position[] =>
  signedArea(ring) < 0 ? [...ring].reverse() : ring;

/**
 * ArcGIS JSON → GeoJSON. ArcGIS polygons list outer rings clockwise and holes counter-clockwise;
 * each outer ring starts a GeoJSON polygon and the holes after it join that polygon.
 */
export function toGeoJsonGeometry(geometry: EsriGeometry): GeoJsonGeometry {
  if ("x" in geometry) return { type: "Point", coordinates: [geometry.x, geometry.y] };
  if ("points" in geometry) return { type: "MultiPoint", coordinates: geometry.points };
  if ("paths" in geometry) {
    return geometry.paths.length === 1
      ? { type: "LineString", coordinates: geometry.paths[0] }
      : { type: "MultiLineString", coordinates: geometry.paths };
  }
  const rings = "rings" in geometry ? geometry.rings : envelopeRings(geometry);
  const polygons: Position[][][] = [];
  for (const ring of rings) {
    const isHole = signedArea(ring) > 0;
    if (isHole && polygons.length > 0) polygons[polygons.length - 1].push(clockwise(ring));
    else polygons.push([counterClockwise(ring)]);
  }
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
}

function envelopeRings(box: {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}): Position[][] {
  return [
    [
      [box.xmin, box.ymin],
      [box.xmin, box.ymax],
      [box.xmax, box.ymax],
      [box.xmax, box.ymin],
      [box.xmin, box.ymin],
    ],
  ];
}

/** GeoJSON → ArcGIS JSON, with rings turned to ArcGIS orientation. Returns null for null input. */
export function fromGeoJsonGeometry(geometry: GeoJsonGeometry | null): EsriGeometry | null {
  if (!geometry) return null;
  switch (geometry.type) {
    case "Point":
      return { x: geometry.coordinates[0], y: geometry.coordinates[1] };
    case "MultiPoint":
      return { points: geometry.coordinates.map(([x, y]) => [x, y]) };
    case "LineString":
      return { paths: [geometry.coordinates.map(([x, y]) => [x, y])] };
    case "MultiLineString":
      return { paths: geometry.coordinates.map((line) => line.map(([x, y]) => [x, y])) };
    case "Polygon":
      return { rings: polygonRings(geometry.coordinates) };
    case "MultiPolygon":
      return { rings: geometry.coordinates.flatMap(polygonRings) };
  }
}

function polygonRings(polygon: Position[][]): Position[][] {
  return polygon.map((ring, index) => {
    const flat = ring.map(([x, y]) => [x, y] as Position);
    return index === 0 ? clockwise(flat) : counterClockwise(flat);
  });
}

/** The ArcGIS geometry type a GeoJSON geometry type maps to. */
export function esriTypeOfGeoJson(type: string): string | undefined {
  return {
    Point: "esriGeometryPoint",
    MultiPoint: "esriGeometryMultipoint",
    LineString: "esriGeometryPolyline",
    MultiLineString: "esriGeometryPolyline",
    Polygon: "esriGeometryPolygon",
    MultiPolygon: "esriGeometryPolygon",
  }[type];
}
