import type { GIS } from "../gis";
import * as rest from "../rest/geocode";
import { locationParam, type GeocodeLocation } from "./geocode";
import { chooseGeocoder, type Geocoder } from "./geocoder";

/** Python's optional `suggest()` keywords in camelCase. */
export interface SuggestOptions {
  location?: GeocodeLocation;
  distance?: number;
  category?: string;
  geocoder?: Geocoder;
  searchExtent?: Record<string, unknown> | string;
  maxSuggestions?: number;
  countryCode?: string;
  gis?: GIS;
}

/** Completions of partly typed text; each `magicKey` can be passed on to `geocode`. */
export interface SuggestResult {
  suggestions: { text: string; magicKey: string; isCollection: boolean }[];
}

/**
 * Completes partly typed text into place names.
 *
 * Python: `arcgis.geocoding.suggest(text, ...)`.
 * @example
 * const { suggestions } = await suggest("Palm Spr", { gis });
 * const [place] = await geocode(suggestions[0].text, { magicKey: suggestions[0].magicKey, gis });
 */
export async function suggest(text: string, options: SuggestOptions = {}): Promise<SuggestResult> {
  if (typeof text !== "string" || text.trim() === "") {
    throw new TypeError("text: expected a non-empty string");
  }
  const { maxSuggestions } = options;
  if (maxSuggestions !== undefined && (!Number.isInteger(maxSuggestions) || maxSuggestions < 1)) {
    throw new RangeError("maxSuggestions: expected a positive integer");
  }
  const geocoder = chooseGeocoder(options.geocoder, options.gis);
  return rest.suggest(geocoder.gis.session, geocoder.url, {
    text,
    location: locationParam(options.location),
    distance: options.distance,
    category: options.category,
    searchExtent: options.searchExtent,
    maxSuggestions,
    countryCode: options.countryCode,
  });
}
