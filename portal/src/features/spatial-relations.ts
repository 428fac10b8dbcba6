import {
  boxOf,
  envelopeAsPolygon,
  type EsriGeometry,
  type Position,
  positionsOf,
} from "./esri-geometry";

export type SpatialRelation =
  | "esriSpatialRelIntersects"
  | "esriSpatialRelContains"
  | "esriSpatialRelWithin"
  | "esriSpatialRelEnvelopeIntersects";

export const SPATIAL_RELATIONS: readonly SpatialRelation[] = [
  "esriSpatialRelIntersects",
  "esriSpatialRelContains",
  "esriSpatialRelWithin",
  "esriSpatialRelEnvelopeIntersects",
];

/**
 * Does a feature's geometry stand in `relation` to the query geometry? The REST API reads
 * `esriSpatialRelContains` as "the feature contains the query geometry" and
 * `esriSpatialRelWithin` as "the feature lies within the query geometry".
 */
export function relates(
  feature: EsriGeometry,
  query: EsriGeometry,
  relation: SpatialRelation,
): boolean {
  switch (relation) {
    case "esriSpatialRelEnvelopeIntersects":
      return boxesOverlap(feature, query);
    case "esriSpatialRelIntersects":
      return intersects(areaForm(feature), areaForm(query));
    case "esriSpatialRelContains":
      return contains(areaForm(feature), areaForm(query));
    case "esriSpatialRelWithin":
      return contains(areaForm(query), areaForm(feature));
  }
}

type Shape = Exclude<EsriGeometry, { xmin: number }>;

function areaForm(geometry: EsriGeometry): Shape {
  return "xmin" in geometry ? envelopeAsPolygon(geometry) : geometry;
}

function boxesOverlap(a: EsriGeometry, b: EsriGeometry): boolean {
  const boxA = boxOf(a);
  const boxB = boxOf(b);
  if (!boxA || !boxB) return false;
  return (
    boxA.xmin <= boxB.xmax &&
    boxB.xmin <= boxA.xmax &&
    boxA.ymin <= boxB.ymax &&
    boxB.ymin <= boxA.ymax
  );
}

function intersects(a: Shape, b: Shape): boolean {
  if (!boxesOverlap(a, b)) return false;
  if (segmentsOf(a).some(([p, q]) => segmentsOf(b).some(([r, s]) => segmentsTouch(p, q, r, s)))) {
    return true;
  }
  // No edges cross: one shape is entirely inside the other, or they are apart.
  if ("rings" in b && positionsOf(a).some((point) => pointInPolygon(point, b.rings, true)))
    return true;
  if ("rings" in a && positionsOf(b).some((point) => pointInPolygon(point, a.rings, true)))
    return true;
  return positionsOf(a).some(([x, y]) => positionsOf(b).some(([u, v]) => x === u && y === v));
}

/** Does `outer` contain every part of `inner`? Only areas (and identical points) contain. */
function contains(outer: Shape, inner: Shape): boolean {
  if ("rings" in outer) {
    if (!positionsOf(inner).every((point) => pointInPolygon(point, outer.rings, true)))
      return false;
    // A line or ring that leaves the polygon crosses one of its edges somewhere between vertices.
    return !segmentsOf(inner).some(([p, q]) =>
      segmentsOf(outer).some(([r, s]) => segmentsCrossProperly(p, q, r, s)),
    );
  }
  const outerPoints = positionsOf(outer);
  const innerPoints = positionsOf(inner);
  if ("paths" in outer) {
    return (
      innerPoints.every((point) => segmentsOf(outer).some(([p, q]) => onSegment(point, p, q))) &&
      !("rings" in inner)
    );
  }
  return innerPoints.every(([x, y]) => outerPoints.some(([u, v]) => x === u && y === v));
}

function segmentsOf(shape: Shape): [Position, Position][] {
  const parts = "paths" in shape ? shape.paths : "rings" in shape ? shape.rings : [];
  const segments: [Position, Position][] = [];
  for (const part of parts) {
    for (let index = 1; index < part.length; index += 1)
      segments.push([part[index - 1], part[index]]);
  }
  return segments;
}

/** Even-odd test, so holes (inner rings) are outside. Points on an edge count when `edges`. */
function pointInPolygon(point: Position, rings: Position[][], edges: boolean): boolean {
  const [x, y] = point;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (edges && onSegment(point, ring[j], ring[i])) return true;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function orientation(p: Position, q: Position, r: Position): number {
  const value = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return Math.abs(value) < 1e-12 ? 0 : value > 0 ? 1 : 2;
}

function onSegment(point: Position, p: Position, q: Position): boolean {
  return (
    orientation(p, q, point) === 0 &&
    point[0] <= Math.max(p[0], q[0]) &&
    point[0] >= Math.min(p[0], q[0]) &&
    point[1] <= Math.max(p[1], q[1]) &&
    point[1] >= Math.min(p[1], q[1])
  );
}

function segmentsTouch(p1: Position, q1: Position, p2: Position, q2: Position): boolean {
  const o1 = orientation(p1, q1, p2);
  const o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1);
  const o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p2, p1, q1)) ||
    (o2 === 0 && onSegment(q2, p1, q1)) ||
    (o3 === 0 && onSegment(p1, p2, q2)) ||
    (o4 === 0 && onSegment(q1, p2, q2))
  );
}

/** Crossing in the interior of both segments (touching at an end or along an edge is not). */
function segmentsCrossProperly(p1: Position, q1: Position, p2: Position, q2: Position): boolean {
  const o1 = orientation(p1, q1, p2);
  const o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1);
  const o4 = orientation(p2, q2, q1);
  return o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0 && o1 !== o2 && o3 !== o4;
}
