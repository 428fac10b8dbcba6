// The Geocode Service operations of the ArcGIS REST API (findAddressCandidates, suggest,
// reverseGeocode, geocodeAddresses), one typed function each; the geocoding functions call these.
import type { Session } from "../session/session";
import type { GeocodeCandidate } from "../geocoding/geocode";
import type { BatchGeocodeResult } from "../geocoding/batch-geocode";
import type { ReverseGeocodeResult } from "../geocoding/reverse-geocode";
import type { SuggestResult } from "../geocoding/suggest";

/** An output spatial reference: a well-known id or `{ wkid }`. */
type OutSR = number | { wkid: number };

/** REST: `{geocodeServiceUrl}` (Geocode Service): address fields, candidate fields, locator properties. */
export async function getGeocodeServiceInfo(
  session: Session,
  geocodeServiceUrl: string,
): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(geocodeServiceUrl);
}

/**
 * Parameters of Find Address Candidates: the address as `SingleLine` or as separate fields
 * (`Address`, `City`, `Region`, `Postal` …), and how to search and answer.
 */
export interface FindAddressCandidatesParams {
  searchExtent?: Record<string, unknown> | string;
  /** `x,y` or point JSON. */
  location?: string;
  distance?: number;
  outSR?: OutSR;
  category?: string;
  outFields?: string;
  maxLocations?: number;
  magicKey?: string;
  forStorage?: boolean;
  matchOutOfRange?: boolean;
  locationType?: string;
  langCode?: string;
  sourceCountry?: string;
  [addressField: string]: string | number | boolean | OutSR | Record<string, unknown> | undefined;
}

/** What Find Address Candidates answers. */
export interface FindAddressCandidatesResponse {
  candidates?: GeocodeCandidate[];
  spatialReference?: { wkid?: number; latestWkid?: number };
}

/** REST: `{geocodeServiceUrl}/findAddressCandidates` (Find Address Candidates). */
export async function findAddressCandidates(
  session: Session,
  geocodeServiceUrl: string,
  params: FindAddressCandidatesParams,
): Promise<FindAddressCandidatesResponse> {
  return session.get<FindAddressCandidatesResponse>(
    `${geocodeServiceUrl}/findAddressCandidates`,
    params,
  );
}

/** Parameters of Suggest. */
export interface SuggestParams {
  text: string;
  /** `x,y` or point JSON. */
  location?: string;
  distance?: number;
  category?: string;
  searchExtent?: Record<string, unknown> | string;
  maxSuggestions?: number;
  countryCode?: string;
}

/** REST: `{geocodeServiceUrl}/suggest` (Suggest). */
export async function suggest(
  session: Session,
  geocodeServiceUrl: string,
  params: SuggestParams,
): Promise<SuggestResult> {
  return session.get<SuggestResult>(`${geocodeServiceUrl}/suggest`, { ...params });
}

/** Parameters of Reverse Geocode. */
export interface ReverseGeocodeParams {
  /** `x,y` or point JSON. */
  location: string;
  distance?: number;
  outSR?: OutSR;
  langCode?: string;
  returnIntersection?: boolean;
  forStorage?: boolean;
  featureTypes?: string;
  locationType?: string;
}

/** REST: `{geocodeServiceUrl}/reverseGeocode` (Reverse Geocode). */
export async function reverseGeocode(
  session: Session,
  geocodeServiceUrl: string,
  params: ReverseGeocodeParams,
): Promise<ReverseGeocodeResult> {
  return session.get<ReverseGeocodeResult>(`${geocodeServiceUrl}/reverseGeocode`, { ...params });
}

/** Parameters of Geocode Addresses: one batch of records, each with its `OBJECTID`. */
export interface GeocodeAddressesParams {
  addresses: { records: { attributes: Record<string, unknown> }[] };
  sourceCountry?: string;
  category?: string;
  outSR?: OutSR;
  matchOutOfRange?: boolean;
  locationType?: string;
  searchExtent?: Record<string, unknown> | string;
  langCode?: string;
  outFields?: string;
}

/** What Geocode Addresses answers: one location per record, `ResultID` naming its record. */
export interface GeocodeAddressesResponse {
  locations?: BatchGeocodeResult[];
}

/** REST: `{geocodeServiceUrl}/geocodeAddresses` (Geocode Addresses). */
export async function geocodeAddresses(
  session: Session,
  geocodeServiceUrl: string,
  params: GeocodeAddressesParams,
): Promise<GeocodeAddressesResponse> {
  return session.post<GeocodeAddressesResponse>(`${geocodeServiceUrl}/geocodeAddresses`, {
    ...params,
  });
}
