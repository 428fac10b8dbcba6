import type { GIS } from "../gis";
import { geocodeAddresses } from "../rest/geocode";
import type { AddressInput, GeocodeCandidate } from "./geocode";
import { chooseGeocoder, type Geocoder } from "./geocoder";

/** Python's optional `batch_geocode()` keywords in camelCase. */
export interface BatchGeocodeOptions {
  sourceCountry?: string;
  category?: string;
  outSr?: number | { wkid: number };
  geocoder?: Geocoder;
  matchOutOfRange?: boolean;
  locationType?: "street" | "rooftop";
  searchExtent?: Record<string, unknown> | string;
  langCode?: string;
  outFields?: string | string[];
  gis?: GIS;
}

/** One batch result; `attributes.ResultID` is the index of the address it answers. */
export type BatchGeocodeResult = Omit<GeocodeCandidate, "extent">;

/**
 * Geocodes many addresses at once (signed-in users only), in batches of the geocoder's
 * suggested size. The results come back in the order of the addresses.
 *
 * Python: `arcgis.geocoding.batch_geocode(addresses, ...)`.
 * @example
 * const results = await batchGeocode(["Paris", "Tokyo, Japan"], { gis });
 */
export async function batchGeocode(
  addresses: readonly AddressInput[],
  options: BatchGeocodeOptions = {},
): Promise<BatchGeocodeResult[]> {
  if (!Array.isArray(addresses)) throw new TypeError("addresses: expected an array");
  const records = addresses.map((address, index) => {
    if (typeof address === "string")
      return { attributes: { OBJECTID: index, SingleLine: address } };
    if (!address || typeof address !== "object") {
      throw new TypeError(`addresses[${index}]: expected a string or an object of address fields`);
    }
    return { attributes: { ...address, OBJECTID: index } };
  });
  const geocoder = chooseGeocoder(options.geocoder, options.gis);
  const batchSize = await suggestedBatchSize(geocoder);
  const results: BatchGeocodeResult[] = new Array(records.length);
  for (let start = 0; start < records.length; start += batchSize) {
    const answer = await geocodeAddresses(geocoder.gis.session, geocoder.url, {
      addresses: { records: records.slice(start, start + batchSize) },
      sourceCountry: options.sourceCountry,
      category: options.category,
      outSR: options.outSr,
      matchOutOfRange: options.matchOutOfRange,
      locationType: options.locationType,
      searchExtent: options.searchExtent,
      langCode: options.langCode,
      outFields: Array.isArray(options.outFields) ? options.outFields.join(",") : options.outFields,
    });
    for (const location of answer.locations ?? []) {
      const index = Number(location.attributes.ResultID);
      if (Number.isInteger(index) && index >= 0 && index < results.length)
        results[index] = location;
    }
  }
  return results;
}

async function suggestedBatchSize(geocoder: Geocoder): Promise<number> {
  const properties = await geocoder.getProperties();
  const locator = properties.locatorProperties as { SuggestedBatchSize?: unknown } | undefined;
  const size = Number(locator?.SuggestedBatchSize);
  return Number.isInteger(size) && size > 0 ? size : 150;
}
