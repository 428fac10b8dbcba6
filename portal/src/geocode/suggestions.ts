import type { GeocodeMatch } from "./address-matcher";
import { countryName } from "./country-names";
import type { Gazetteer } from "./gazetteer";

const PLACE_KEY = "tsgis-place-";
const COUNTRY_KEY = "tsgis-country-";

/** The key a suggestion hands back so findAddressCandidates returns exactly that place. */
export function magicKeyOf(match: GeocodeMatch): string {
  return match.kind === "place"
    ? `${PLACE_KEY}${match.place.id}`
    : `${COUNTRY_KEY}${match.country.code}`;
}

/** The place a magic key stands for, or undefined for a key this geocoder did not make. */
export function matchOfMagicKey(gazetteer: Gazetteer, key: string): GeocodeMatch | undefined {
  if (key.startsWith(PLACE_KEY)) {
    const place = gazetteer.byPlaceId(Number(key.slice(PLACE_KEY.length)));
    return place ? { kind: "place", place, score: 100 } : undefined;
  }
  if (key.startsWith(COUNTRY_KEY)) {
    const country = gazetteer.country(key.slice(COUNTRY_KEY.length));
    return country ? { kind: "country", country, score: 100 } : undefined;
  }
  return undefined;
}

/** Completions of partly typed text: towns whose name starts with it, then matching countries. */
export function suggest(
  gazetteer: Gazetteer,
  text: string,
  limit: number,
  countryCodes: readonly string[] | undefined,
): { text: string; magicKey: string; isCollection: boolean }[] {
  const [head, ...rest] = text.split(",");
  const qualifier = rest.join(",").trim().toLowerCase();
  const places = gazetteer
    .withPrefix(head, limit * 20)
    .filter((place) => !countryCodes || countryCodes.includes(place.countryCode))
    .filter((place) => {
      if (!qualifier) return true;
      const label = [place.adminCode, gazetteer.regionName(place), countryName(place.countryCode)];
      return label.some((part) => part.toLowerCase().startsWith(qualifier));
    })
    .slice(0, limit);
  return places.map((place) => {
    const region = place.countryCode === "US" ? place.adminCode : "";
    return {
      text: [place.name, region, countryName(place.countryCode)].filter(Boolean).join(", "),
      magicKey: magicKeyOf({ kind: "place", place, score: 100 }),
      isCollection: false,
    };
  });
}
