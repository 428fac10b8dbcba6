// Checks of the values a map accepts, shared by gis.map() and the MapView setters. Each
// throws a TypeError/RangeError naming the argument, before anything is sent anywhere.
import type { Extent, LatLon, MapMode } from "./contract";
import { describe } from "../arguments";

/** Zoom levels of the tiled Web Mercator basemaps: 0 shows the world, 23 a few metres. */
export const MAX_ZOOM_LEVEL = 23;

export function checkLatLon(value: unknown, argument: string): LatLon {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((n) => typeof n === "number" && Number.isFinite(n))
  ) {
    throw new TypeError(`${argument}: expected [latitude, longitude] as two finite numbers`);
  }
  const [lat, lon] = value as [number, number];
  if (lat < -90 || lat > 90) throw new RangeError(`${argument}: latitude ${lat} is outside -90…90`);
  if (lon < -180 || lon > 180) {
    throw new RangeError(`${argument}: longitude ${lon} is outside -180…180`);
  }
  return [lat, lon];
}

export function isExtentLike(value: unknown): value is Extent {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    ["xmin", "ymin", "xmax", "ymax"].every((key) => key in value)
  );
}

export function checkExtent(value: unknown, argument: string): Extent {
  if (!isExtentLike(value)) {
    throw new TypeError(
      `${argument}: expected an extent { xmin, ymin, xmax, ymax, spatialReference? }`,
    );
  }
  for (const key of ["xmin", "ymin", "xmax", "ymax"] as const) {
    if (typeof value[key] !== "number" || !Number.isFinite(value[key])) {
      throw new TypeError(`${argument}.${key}: expected a finite number`);
    }
  }
  if (value.xmin > value.xmax) throw new RangeError(`${argument}: xmin is greater than xmax`);
  if (value.ymin > value.ymax) throw new RangeError(`${argument}: ymin is greater than ymax`);
  const spatialReference = value.spatialReference ?? { wkid: 4326 };
  if (typeof spatialReference !== "object" || spatialReference === null) {
    throw new TypeError(`${argument}.spatialReference: expected an object such as { wkid: 4326 }`);
  }
  return {
    xmin: value.xmin,
    ymin: value.ymin,
    xmax: value.xmax,
    ymax: value.ymax,
    spatialReference: { ...spatialReference },
  };
}

export function checkZoom(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${argument}: expected a number, got ${describe(value)}`);
  }
  if (value < 0 || value > MAX_ZOOM_LEVEL) {
    throw new RangeError(`${argument}: ${value} is outside 0…${MAX_ZOOM_LEVEL}`);
  }
  return value;
}

export function checkMode(value: unknown, argument: string): MapMode {
  if (typeof value !== "string") throw new TypeError(`${argument}: expected "2D" or "3D"`);
  const upper = value.toUpperCase();
  if (upper !== "2D" && upper !== "3D") {
    throw new RangeError(`${argument}: expected "2D" or "3D", got "${value}"`);
  }
  return upper;
}
