import { invalidParameter } from "../server/arcgis-error";
import { canonicalWkid, projectPoint, type SupportedWkid } from "./projection";

export type GeometryType =
  | "esriGeometryPoint"
  | "esriGeometryMultipoint"
  | "esriGeometryPolyline"
  | "esriGeometryPolygon"
  | "esriGeometryEnvelope";

export const GEOMETRY_TYPES: readonly GeometryType[] = [
  "esriGeometryPoint",
  "esriGeometryMultipoint",
  "esriGeometryPolyline",
  "esriGeometryPolygon",
  "esriGeometryEnvelope",
];

export type Position = [number, number];

/** A geometry in ArcGIS JSON, reduced to what the portal stores: x/y without z or m. */
export type EsriGeometry =
  | { x: number; y: number }
  | { points: Position[] }
  | { paths: Position[][] }
  | { rings: Position[][] }
  | { xmin: number; ymin: number; xmax: number; ymax: number };

export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

export function geometryTypeOf(geometry: EsriGeometry): GeometryType {
  if ("x" in geometry) return "esriGeometryPoint";
  if ("points" in geometry) return "esriGeometryMultipoint";
  if ("paths" in geometry) return "esriGeometryPolyline";
  if ("rings" in geometry) return "esriGeometryPolygon";
  return "esriGeometryEnvelope";
}

/** Every vertex of a geometry, in order. */
export function positionsOf(geometry: EsriGeometry): Position[] {
  if ("x" in geometry) return [[geometry.x, geometry.y]];
  if ("points" in geometry) return geometry.points;
  if ("paths" in geometry) return geometry.paths.flat();
  if ("rings" in geometry) return geometry.rings.flat();
  return [
    [geometry.xmin, geometry.ymin],
    [geometry.xmax, geometry.ymax],
  ];
}

export function boxOf(geometry: EsriGeometry): Box | null {
  const positions = positionsOf(geometry);
  if (positions.length === 0) return null;
  const box = { xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity };
  for (const [x, y] of positions) {
    box.xmin = Math.min(box.xmin, x);
    box.ymin = Math.min(box.ymin, y);
    box.xmax = Math.max(box.xmax, x);
    box.ymax = Math.max(box.ymax, y);
  }
  return box;
}

export function unionBox(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return {
    xmin: Math.min(a.xmin, b.xmin),
    ymin: Math.min(a.ymin, b.ymin),
    xmax: Math.max(a.xmax, b.xmax),
    ymax: Math.max(a.ymax, b.ymax),
  };
}

/** The same geometry in another spatial reference. Envelopes become projected envelopes. */
export function projectGeometry(
  geometry: EsriGeometry,
  from: SupportedWkid,
  to: SupportedWkid,
): EsriGeometry {
  if (from === to) return geometry;
  const move = ([x, y]: Position): Position => projectPoint(x, y, from, to);
  if ("x" in geometry) {
    const [x, y] = move([geometry.x, geometry.y]);
    return { x, y };
  }
  if ("points" in geometry) return { points: geometry.points.map(move) };
  if ("paths" in geometry) return { paths: geometry.paths.map((path) => path.map(move)) };
  if ("rings" in geometry) return { rings: geometry.rings.map((ring) => ring.map(move)) };
  const [xmin, ymin] = move([geometry.xmin, geometry.ymin]);
  const [xmax, ymax] = move([geometry.xmax, geometry.ymax]);
  return { xmin, ymin, xmax, ymax };
}

/** An envelope as a polygon, so the spatial tests need only one code path for areas. */
export function envelopeAsPolygon(box: Box): { rings: Position[][] } {
  return {
    rings: [
      [
        [box.xmin, box.ymin],
        [box.xmin, box.ymax],
        [box.xmax, box.ymax],
        [box.xmax, box.ymin],
        [box.xmin, box.ymin],
      ],
    ],
  };
}

/**
 * Reads and checks a geometry from JSON. `name` names the parameter or field in the error;
 * the spatial reference the geometry carries, if any, is returned beside it.
 */
export function readGeometry(
  value: unknown,
  name: string,
): { geometry: EsriGeometry; wkid: SupportedWkid | null } {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalidParameter(name, "must be a geometry object.");
  }
  const source = value as Record<string, unknown>;
  const wkid = readSpatialReference(source.spatialReference, name);
  const isNumber = (key: string): boolean =>
    typeof source[key] === "number" && Number.isFinite(source[key]);
  if (isNumber("x") && isNumber("y")) {
    return { geometry: { x: source.x as number, y: source.y as number }, wkid };
  }
  if (Array.isArray(source.points)) {
    return { geometry: { points: readPositions(source.points, name) }, wkid };
  }
  if (Array.isArray(source.paths)) {
    return { geometry: { paths: readParts(source.paths, name, 2) }, wkid };
  }
  if (Array.isArray(source.rings)) {
    return { geometry: { rings: readParts(source.rings, name, 4) }, wkid };
  }
  if (["xmin", "ymin", "xmax", "ymax"].every(isNumber)) {
    const { xmin, ymin, xmax, ymax } = source as Record<string, number>;
    if (xmin > xmax || ymin > ymax) throw invalidParameter(name, "has xmin > xmax or ymin > ymax.");
    return { geometry: { xmin, ymin, xmax, ymax }, wkid };
  }
  throw invalidParameter(name, "is not a point, multipoint, polyline, polygon or envelope.");
}

export function readSpatialReference(value: unknown, name: string): SupportedWkid | null {
  if (value === undefined || value === null) return null;
  const wkid =
    (value as { wkid?: unknown; latestWkid?: unknown }).wkid ??
    (value as { latestWkid?: unknown }).latestWkid;
  const canonical = canonicalWkid(wkid);
  if (canonical === null) {
    throw invalidParameter(name, "must be in spatial reference 4326, 3857 or 102100.");
  }
  return canonical;
}

function readPositions(value: unknown[], name: string): Position[] {
  return value.map((position) => {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      !Number.isFinite(position[0]) ||
      !Number.isFinite(position[1])
    ) {
      throw invalidParameter(name, "has a coordinate that is not [x, y].");
    }
    return [position[0] as number, position[1] as number];
  });
}

function readParts(value: unknown[], name: string, minimum: number): Position[][] {
  return value.map((part) => {
    if (!Array.isArray(part)) throw invalidParameter(name, "has a part that is not an array.");
    const positions = readPositions(part, name);
    if (positions.length < minimum) {
      throw invalidParameter(name, `has a part with fewer than ${minimum} coordinates.`);
    }
    return positions;
  });
}
