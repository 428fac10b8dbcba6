import type { GIS } from "../gis";
import * as rest from "../rest/geocode";
import { locationParam, type GeocodeLocation } from "./geocode";
import { chooseGeocoder, type Geocoder } from "./geocoder";

/** Python's optional `reverse_geocode()` keywords in camelCase. */
export interface ReverseGeocodeOptions {
  distance?: number;
  outSr?: number | { wkid: number };
  langCode?: string;
  returnIntersection?: boolean;
  forStorage?: boolean;
  geocoder?: Geocoder;
  featureTypes?: string;
  locationType?: "street" | "rooftop";
  gis?: GIS;
}

/** What reverseGeocode answers: the address found and where it is. */
export interface ReverseGeocodeResult {
  address: Record<string, unknown>;
  location: { x: number; y: number; spatialReference?: Record<string, unknown> };
}

/**
 * The address nearest to a point. Throws an ArcGISError when nothing is near enough.
 *
 * Python: `arcgis.geocoding.reverse_geocode(location, ...)`.
 * @example
 * const { address } = await reverseGeocode([2.35, 48.85], { gis });
 * console.log(address.City); // "Paris"
 */
export async function reverseGeocode(
  location: GeocodeLocation,
  options: ReverseGeocodeOptions = {},
): Promise<ReverseGeocodeResult> {
  const point = locationParam(location);
  if (point === undefined) throw new TypeError("location: is required");
  const { distance } = options;
  if (distance !== undefined && !(Number.isFinite(distance) && distance >= 0)) {
    throw new RangeError("distance: expected a non-negative number of meters");
  }
  const geocoder = chooseGeocoder(options.geocoder, options.gis);
  return rest.reverseGeocode(geocoder.gis.session, geocoder.url, {
    location: point,
    distance,
    outSR: options.outSr,
    langCode: options.langCode,
    returnIntersection: options.returnIntersection,
    forStorage: options.forStorage,
    featureTypes: options.featureTypes,
    locationType: options.locationType,
  });
}
