import { FeatureSet } from "../features/feature-set";
import type { GIS } from "../gis";
import { findAddressCandidates } from "../rest/geocode";
import { chooseGeocoder, type Geocoder } from "./geocoder";

/** A point with an optional spatial reference, or `[x, y]`. */
export type GeocodeLocation =
  | [number, number]
  | { x: number; y: number; spatialReference?: { wkid?: number; latestWkid?: number } };

/** An address as one line or as separate fields (`Address`, `City`, `Region`, `Postal` ...). */
export type AddressInput = string | Record<string, string>;

/** One place findAddressCandidates returned. */
export interface GeocodeCandidate {
  address: string;
  location: { x: number; y: number };
  score: number;
  attributes: Record<string, unknown>;
  extent?: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** Python's optional `geocode()` keywords in camelCase. */
export interface GeocodeOptions {
  searchExtent?: Record<string, unknown> | string;
  location?: GeocodeLocation;
  distance?: number;
  outSr?: number | { wkid: number };
  category?: string;
  outFields?: string | string[];
  maxLocations?: number;
  magicKey?: string;
  forStorage?: boolean;
  geocoder?: Geocoder;
  matchOutOfRange?: boolean;
  locationType?: "street" | "rooftop";
  langCode?: string;
  sourceCountry?: string;
  /** Return the matches as a FeatureSet (point geometry, attributes) instead of candidates. */
  asFeatureset?: boolean;
  /** The GIS whose geocoder is used when `geocoder` is not given (else the active GIS). */
  gis?: GIS;
}

/**
 * Finds the places an address describes, best first; an empty array when nothing matches.
 *
 * Python: `arcgis.geocoding.geocode(address, ...)`.
 * @example
 * const [best] = await geocode("Palm Springs, CA", { maxLocations: 1, gis });
 * console.log(best.location, best.score);
 */
export async function geocode(
  address: AddressInput,
  options: GeocodeOptions & { asFeatureset: true },
): Promise<FeatureSet>;
export async function geocode(
  address: AddressInput,
  options?: GeocodeOptions & { asFeatureset?: false },
): Promise<GeocodeCandidate[]>;
export async function geocode(
  address: AddressInput,
  options?: GeocodeOptions,
): Promise<GeocodeCandidate[] | FeatureSet>;
export async function geocode(
  address: AddressInput,
  options: GeocodeOptions = {},
): Promise<GeocodeCandidate[] | FeatureSet> {
  const addressParams = addressParameters(address);
  checkOptions(options);
  const geocoder = chooseGeocoder(options.geocoder, options.gis);
  const outFields = options.outFields ?? "*";
  const result = await findAddressCandidates(geocoder.gis.session, geocoder.url, {
    ...addressParams,
    searchExtent: options.searchExtent,
    location: locationParam(options.location),
    distance: options.distance,
    outSR: options.outSr,
    category: options.category,
    outFields: Array.isArray(outFields) ? outFields.join(",") : outFields,
    maxLocations: options.maxLocations ?? 20,
    magicKey: options.magicKey,
    forStorage: options.forStorage,
    matchOutOfRange: options.matchOutOfRange,
    locationType: options.locationType,
    langCode: options.langCode,
    sourceCountry: options.sourceCountry,
  });
  const candidates = result.candidates ?? [];
  return options.asFeatureset === true
    ? candidatesAsFeatureSet(candidates, result.spatialReference)
    : candidates;
}

/** Python's `as_featureset=True`: each match a point feature carrying the match's attributes. */
function candidatesAsFeatureSet(
  candidates: GeocodeCandidate[],
  spatialReference: { wkid?: number; latestWkid?: number } | undefined,
): FeatureSet {
  const reference = spatialReference ?? { wkid: 4326 };
  return new FeatureSet({
    geometryType: "esriGeometryPoint",
    spatialReference: reference,
    features: candidates.map((candidate) => ({
      geometry: { x: candidate.location.x, y: candidate.location.y, spatialReference: reference },
      attributes: { address: candidate.address, score: candidate.score, ...candidate.attributes },
    })),
  });
}

function addressParameters(address: AddressInput): Record<string, string> {
  if (typeof address === "string") {
    if (address.trim() === "") throw new RangeError("address: must not be empty");
    return { SingleLine: address };
  }
  if (!address || typeof address !== "object" || Array.isArray(address)) {
    throw new TypeError("address: expected a string or an object of address fields");
  }
  if (Object.keys(address).length === 0) throw new RangeError("address: has no fields");
  return { ...address };
}

function checkOptions(options: GeocodeOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options: expected an object");
  }
  const { maxLocations } = options;
  if (options.asFeatureset !== undefined && typeof options.asFeatureset !== "boolean") {
    throw new TypeError("asFeatureset: expected a boolean");
  }
  if (maxLocations !== undefined && (!Number.isInteger(maxLocations) || maxLocations < 1)) {
    throw new RangeError("maxLocations: expected a positive integer");
  }
}

/** A location parameter as the REST API reads it ("x,y" or point JSON). */
export function locationParam(location: GeocodeLocation | undefined): string | undefined {
  if (location === undefined) return undefined;
  if (Array.isArray(location)) {
    if (location.length !== 2 || !location.every(Number.isFinite)) {
      throw new TypeError("location: expected [x, y] or {x, y, spatialReference}");
    }
    return `${location[0]},${location[1]}`;
  }
  if (
    typeof location !== "object" ||
    !Number.isFinite(location.x) ||
    !Number.isFinite(location.y)
  ) {
    throw new TypeError("location: expected [x, y] or {x, y, spatialReference}");
  }
  return JSON.stringify(location);
}
