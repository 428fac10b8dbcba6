// Turns gis.map()'s `location` into where the map starts: a centre and zoom, or an extent.
import { checkExtent, checkLatLon, checkZoom, isExtentLike } from "./map-arguments";
import type { Extent, LatLon } from "./contract";

/** The best match for an address, or undefined; the map asks for one only. */
export type FindPlace = (address: string) => Promise<PlaceMatch | undefined>;

/** A geocoder match as the map needs it: a WGS84 point and perhaps an extent. */
export interface PlaceMatch {
  location: { x: number; y: number };
  extent?: { xmin: number; ymin: number; xmax: number; ymax: number } | null;
}

export interface StartingView {
  center: LatLon | null;
  zoom: number | null;
  extent: Extent | null;
}

/** With a point and no zoom level, the map shows about a city. */
export const DEFAULT_POINT_ZOOM = 10;

export async function resolveStartingView(
  location: unknown,
  zoomlevel: number | null,
  findPlace: FindPlace,
): Promise<StartingView> {
  if (location === undefined || location === null) {
    return { center: null, zoom: zoomlevel, extent: null };
  }
  if (Array.isArray(location)) {
    return {
      center: checkLatLon(location, "location"),
      zoom: zoomlevel ?? DEFAULT_POINT_ZOOM,
      extent: null,
    };
  }
  if (isExtentLike(location)) {
    return { center: null, zoom: null, extent: checkExtent(location, "location") };
  }
  if (typeof location === "string") {
    if (location.trim() === "") throw new TypeError("location: the address is empty");
    return geocodedView(location, zoomlevel, findPlace);
  }
  throw new TypeError("location: expected an address, a [latitude, longitude] pair or an extent");
}

async function geocodedView(
  address: string,
  zoomlevel: number | null,
  findPlace: FindPlace,
): Promise<StartingView> {
  const best = await findPlace(address);
  if (!best) throw new Error(`location: the geocoder found no match for "${address}"`);
  const center = checkLatLon([best.location.y, best.location.x], "location (geocoded)");
  if (zoomlevel !== null || !best.extent) {
    return { center, zoom: zoomlevel ?? DEFAULT_POINT_ZOOM, extent: null };
  }
  return {
    center: null,
    zoom: null,
    extent: checkExtent(best.extent, "location (geocoded extent)"),
  };
}

export function checkZoomlevel(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const zoom = checkZoom(value, "zoomlevel");
  if (!Number.isInteger(zoom))
    throw new RangeError(`zoomlevel: expected a whole number, got ${zoom}`);
  return zoom;
}
