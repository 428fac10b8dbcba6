// Which navigation values a view reports to the model, and when a model change must move a
// view. Values are rounded first so floating-point noise never counts as a change: that,
// plus reporting only what differs, is what keeps several views of one model from echoing
// each other's reports back and forth.
import type { Extent as ExtentJson, LatLon, MapState } from "tsgis/dist/map/contract";

export interface Viewpoint {
  center: LatLon;
  zoom: number;
  scale: number;
  extent: ExtentJson;
  rotation: number;
  heading: number;
  tilt: number;
}

const DEGREE_DIGITS = 6;
const ZOOM_TOLERANCE = 0.01;
const ANGLE_TOLERANCE = 0.01;
/** About a metre at the equator: finer differences are float noise. */
const CENTER_TOLERANCE_DEGREES = 1e-5;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function roundViewpoint(viewpoint: Viewpoint): Viewpoint {
  const { extent } = viewpoint;
  return {
    center: [round(viewpoint.center[0], DEGREE_DIGITS), round(viewpoint.center[1], DEGREE_DIGITS)],
    zoom: round(viewpoint.zoom, 2),
    scale: Math.round(viewpoint.scale),
    extent: {
      xmin: round(extent.xmin, DEGREE_DIGITS),
      ymin: round(extent.ymin, DEGREE_DIGITS),
      xmax: round(extent.xmax, DEGREE_DIGITS),
      ymax: round(extent.ymax, DEGREE_DIGITS),
      spatialReference: extent.spatialReference ?? { wkid: 4326 },
    },
    rotation: round(viewpoint.rotation, 2),
    heading: round(viewpoint.heading, 2),
    tilt: round(viewpoint.tilt, 2),
  };
}

/** The values of `viewpoint` that differ from the model's: what a view should report. */
export function reportFor(state: Partial<MapState>, viewpoint: Viewpoint): Partial<MapState> {
  const rounded = roundViewpoint(viewpoint);
  const changes: Partial<MapState> = {};
  if (!sameCenter(state.center ?? null, rounded.center)) changes.center = rounded.center;
  if (!near(state.zoom ?? null, rounded.zoom, ZOOM_TOLERANCE)) changes.zoom = rounded.zoom;
  if (state.scale !== rounded.scale) changes.scale = rounded.scale;
  if (!sameExtent(state.extent ?? null, rounded.extent)) changes.extent = rounded.extent;
  if (!near(state.rotation ?? null, rounded.rotation, ANGLE_TOLERANCE)) {
    changes.rotation = rounded.rotation;
  }
  if (!near(state.heading ?? null, rounded.heading, ANGLE_TOLERANCE)) {
    changes.heading = rounded.heading;
  }
  if (!near(state.tilt ?? null, rounded.tilt, ANGLE_TOLERANCE)) changes.tilt = rounded.tilt;
  return changes;
}

/** Where a view must go to show the model's state; null when it is already there. */
export type NavigationTarget =
  | { kind: "center"; center: LatLon; zoom: number | null; scale: number | null }
  | { kind: "extent"; extent: ExtentJson }
  | { kind: "scale"; scale: number }
  | { kind: "zoom"; zoom: number };

/**
 * Turns the keys the model changed into a navigation target. An extent wins over a centre
 * when the kernel set only the extent (the extent is what was asked for).
 */
export function targetFor(
  changed: readonly string[],
  state: Partial<MapState>,
  current: Viewpoint | null,
): NavigationTarget | null {
  const has = (key: string): boolean => changed.includes(key);
  const rounded = current ? roundViewpoint(current) : null;
  if (has("center") && state.center) {
    const zoom = has("zoom") || !has("scale") ? (state.zoom ?? null) : null;
    const scale = has("scale") && !has("zoom") ? (state.scale ?? null) : null;
    if (
      rounded &&
      sameCenter(state.center, rounded.center) &&
      (zoom === null || near(zoom, rounded.zoom, ZOOM_TOLERANCE))
    ) {
      return null;
    }
    return { kind: "center", center: state.center, zoom, scale };
  }
  if (has("extent") && state.extent) {
    if (rounded && sameExtent(state.extent, rounded.extent)) return null;
    return { kind: "extent", extent: state.extent };
  }
  if (has("zoom") && typeof state.zoom === "number") {
    if (rounded && near(state.zoom, rounded.zoom, ZOOM_TOLERANCE)) return null;
    return { kind: "zoom", zoom: state.zoom };
  }
  if (has("scale") && typeof state.scale === "number") {
    if (rounded && Math.abs(state.scale - rounded.scale) <= 1) return null;
    return { kind: "scale", scale: state.scale };
  }
  return null;
}

function near(a: number | null, b: number, tolerance: number): boolean {
  return a !== null && Math.abs(a - b) <= tolerance;
}

function sameCenter(a: LatLon | null, b: LatLon): boolean {
  return (
    a !== null &&
    Math.abs(a[0] - b[0]) <= CENTER_TOLERANCE_DEGREES &&
    Math.abs(a[1] - b[1]) <= CENTER_TOLERANCE_DEGREES
  );
}

function sameExtent(a: ExtentJson | null, b: ExtentJson): boolean {
  if (a === null) return false;
  const wkidA = a.spatialReference?.wkid ?? 4326;
  const wkidB = b.spatialReference?.wkid ?? 4326;
  if (wkidA !== wkidB) return false;
  const tolerance = Math.max(b.xmax - b.xmin, b.ymax - b.ymin) * 1e-6;
  return (["xmin", "ymin", "xmax", "ymax"] as const).every(
    (key) => Math.abs(a[key] - b[key]) <= tolerance,
  );
}
