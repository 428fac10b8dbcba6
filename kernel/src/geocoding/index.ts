// The geocoding part of the public surface (Python: arcgis.geocoding).
export { Geocoder, getGeocoders, type GeocoderInfo } from "./geocoder";
export {
  geocode,
  type AddressInput,
  type GeocodeCandidate,
  type GeocodeLocation,
  type GeocodeOptions,
} from "./geocode";
export {
  reverseGeocode,
  type ReverseGeocodeOptions,
  type ReverseGeocodeResult,
} from "./reverse-geocode";
export { suggest, type SuggestOptions, type SuggestResult } from "./suggest";
export { batchGeocode, type BatchGeocodeOptions, type BatchGeocodeResult } from "./batch-geocode";
