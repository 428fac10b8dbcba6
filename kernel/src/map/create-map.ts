// gis.map(): checks the arguments, finds the starting view, and opens the widget.
import type { GIS } from "../gis";
import { geocode } from "../geocoding/geocode";
import { Geocoder } from "../geocoding/geocoder";
import { Item } from "../content/item";
import { galleryBasemaps } from "./basemaps";
import { fromWebMapJson } from "./web-map";
import { checkZoomlevel, resolveStartingView } from "./location";
import { checkMode } from "./map-arguments";
import { defaultMapState, type Extent, type LatLon, type MapMode } from "./contract";
import { MapView } from "./map-view";
import { describe } from "../arguments";

/** Options of `gis.map()`. */
export interface MapOptions {
  /** Zoom level (0 = the world); with an address, centres on the match at this level. */
  zoomlevel?: number;
  /** "2D" (default) or "3D". */
  mode?: MapMode;
  /** Geocodes an address location; by default the GIS's geocoder. */
  geocoder?: Geocoder;
}

/** Where `gis.map()` opens: an address, a `[lat, lon]` pair, an extent, or an item to show. */
export type MapLocation = string | LatLon | Extent | Item;

export async function createMap(
  gis: GIS,
  location?: MapLocation | null,
  options: MapOptions = {},
): Promise<MapView> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`options: expected an object, got ${describe(options)}`);
  }
  const zoomlevel = checkZoomlevel(options.zoomlevel);
  const mode = options.mode === undefined ? "2D" : checkMode(options.mode, "mode");
  const geocoder = options.geocoder;
  if (geocoder !== undefined && !(geocoder instanceof Geocoder)) {
    throw new TypeError("geocoder: expected a Geocoder (see getGeocoders(gis))");
  }
  if (location instanceof Item) return openWebMap(gis, location, mode);
  const start = await resolveStartingView(location, zoomlevel, async (address) => {
    const [best] = await geocode(address, { geocoder, gis, maxLocations: 1, outSr: 4326 });
    return best;
  });
  const portalBasemap = gis.properties.defaultBasemap;
  const defaultExtent = gis.properties.defaultExtent;
  const gallery = await galleryBasemaps(gis);
  return new MapView(gis, {
    ...defaultMapState(),
    mode,
    center: start.center,
    zoom: start.zoom,
    extent:
      start.extent ??
      (start.center === null && isObject(defaultExtent)
        ? (defaultExtent as unknown as Extent)
        : null),
    portalUrl: gis.url,
    portalBasemap: isObject(portalBasemap) ? portalBasemap : null,
    galleryBasemaps: gallery,
  });
}

async function openWebMap(gis: GIS, item: Item, mode: MapMode): Promise<MapView> {
  if (item.type !== "Web Map") {
    throw new TypeError(
      `location: an item must be a Web Map to open as a map, not ${item.type ?? "untyped"}`,
    );
  }
  const data = await item.getData({ tryJson: true });
  if (!isObject(data)) throw new Error(`location: the Web Map ${item.id} has no map definition`);
  const saved = fromWebMapJson(data, gis.url);
  const portalBasemap = gis.properties.defaultBasemap;
  const gallery = await galleryBasemaps(gis);
  return new MapView(
    gis,
    {
      ...defaultMapState(),
      ...saved,
      mode: saved.mode ?? mode,
      portalUrl: gis.url,
      portalBasemap: isObject(portalBasemap) ? portalBasemap : null,
      galleryBasemaps: gallery,
    },
    item,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
