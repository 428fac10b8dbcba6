import { type CountryPlace, type Gazetteer, haversineMeters, type Place } from "./gazetteer";
import { normaliseName } from "./text-normalise";
import { US_STATES } from "./us-states";

/** One way of reading an address: a town or a whole country, with how well it fits. */
export type GeocodeMatch =
  | { readonly kind: "place"; readonly place: Place; readonly score: number }
  | { readonly kind: "country"; readonly country: CountryPlace; readonly score: number };

export interface MatchOptions {
  /** Prefer places near this point (longitude, latitude). */
  readonly near?: { lon: number; lat: number };
  /** Only places in these countries (two-letter codes). */
  readonly countryCodes?: readonly string[];
}

const SKIPPED_PART_PENALTY = 4;
const UNMATCHED_QUALIFIER_PENALTY = 15;

const STATE_BY_NAME = new Map(
  Object.entries(US_STATES).map(([code, name]) => [normaliseName(name), code]),
);

/**
 * Reads a single-line address such as "Palm Springs, CA", "Tokyo, Japan", "Paris" or
 * "380 New York St, Redlands, CA" against the gazetteer. A part the gazetteer does not know
 * (a street) is skipped with a small penalty; the parts after the town name must name its state
 * or country. Returns the best readings first; an empty list means no match.
 */
export function matchAddress(
  gazetteer: Gazetteer,
  singleLine: string,
  options: MatchOptions = {},
): GeocodeMatch[] {
  const parts = singleLine
    .split(",")
    .map((part) => part.trim())
    .filter((part) => normaliseName(part) !== "");
  if (parts.length === 0) return [];
  const matches = [...countryMatches(gazetteer, parts), ...placeMatches(gazetteer, parts)];
  const allowed = options.countryCodes?.map((code) => code.toUpperCase());
  const filtered = allowed
    ? matches.filter((match) => allowed.includes(countryCodeOf(match)))
    : matches;
  return rank(filtered, options.near);
}

function countryMatches(gazetteer: Gazetteer, parts: readonly string[]): GeocodeMatch[] {
  if (parts.length !== 1) return [];
  const code = gazetteer.countries.codeOf(parts[0]);
  const country = code ? gazetteer.country(code) : undefined;
  return country ? [{ kind: "country", country, score: 100 }] : [];
}

function placeMatches(gazetteer: Gazetteer, parts: readonly string[]): GeocodeMatch[] {
  for (let start = 0; start < parts.length; start += 1) {
    const penalty = start * SKIPPED_PART_PENALTY;
    const qualifiers = parts.slice(start + 1);
    const found = scorePlaces(gazetteer.named(parts[start]), qualifiers, gazetteer, penalty);
    if (found.length > 0) return found;
    // Without commas, "Palm Springs CA" still splits into a town and its qualifiers.
    const words = normaliseName(parts[start]).split(" ");
    for (let length = words.length - 1; length >= 1; length -= 1) {
      const name = words.slice(0, length).join(" ");
      const rest = [words.slice(length).join(" "), ...qualifiers];
      const split = scorePlaces(gazetteer.named(name), rest, gazetteer, penalty);
      if (split.some((match) => match.score >= 100 - penalty)) return split;
    }
  }
  return [];
}

function scorePlaces(
  places: readonly Place[],
  qualifiers: readonly string[],
  gazetteer: Gazetteer,
  penalty: number,
): GeocodeMatch[] {
  const scored = places.map((place) => {
    const unmatched = qualifiers.filter((text) => !qualifies(place, text, gazetteer)).length;
    const score = 100 - penalty - unmatched * UNMATCHED_QUALIFIER_PENALTY;
    return { kind: "place" as const, place, score: Math.max(0, score) };
  });
  // When some towns fit every qualifier, the ones that do not are other places, not weaker matches.
  const best = Math.max(...scored.map((match) => match.score));
  return qualifiers.length > 0 ? scored.filter((match) => match.score === best) : scored;
}

/** Does a qualifier ("CA", "California", "Japan", "CA USA") describe where the place is? */
function qualifies(place: Place, text: string, gazetteer: Gazetteer): boolean {
  const normalised = normaliseName(text);
  if (isRegionOf(place, normalised)) return true;
  if (gazetteer.countries.codeOf(normalised) === place.countryCode) return true;
  // "CA 92262" or "CA USA": a region or country followed by a postcode or a country.
  const words = normalised.split(" ");
  for (let split = 1; split < words.length; split += 1) {
    const head = words.slice(0, split).join(" ");
    const tail = words.slice(split).join(" ");
    const headFits =
      isRegionOf(place, head) || gazetteer.countries.codeOf(head) === place.countryCode;
    const tailFits =
      /^\d[\d -]*$/.test(tail) || gazetteer.countries.codeOf(tail) === place.countryCode;
    if (headFits && tailFits) return true;
  }
  return false;
}

function isRegionOf(place: Place, normalised: string): boolean {
  if (place.countryCode !== "US") return false;
  const code = normalised.toUpperCase();
  return code === place.adminCode || STATE_BY_NAME.get(normalised) === place.adminCode;
}

function countryCodeOf(match: GeocodeMatch): string {
  return match.kind === "place" ? match.place.countryCode : match.country.code;
}

function rank(matches: GeocodeMatch[], near: MatchOptions["near"]): GeocodeMatch[] {
  const position = (match: GeocodeMatch): { lon: number; lat: number } =>
    match.kind === "place" ? match.place : match.country;
  const size = (match: GeocodeMatch): number =>
    match.kind === "place" ? match.place.population : Number.MAX_SAFE_INTEGER;
  return [...matches].sort((a, b) => {
    if (b.score !== a.score) return b.score - a.score;
    if (near) {
      const pa = position(a);
      const pb = position(b);
      return (
        haversineMeters(near.lon, near.lat, pa.lon, pa.lat) -
        haversineMeters(near.lon, near.lat, pb.lon, pb.lat)
      );
    }
    return size(b) - size(a);
  });
}
