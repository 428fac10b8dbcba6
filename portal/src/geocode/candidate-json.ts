import { projectPoint, type SupportedWkid } from "../features/projection";
import type { GeocodeMatch } from "./address-matcher";
import { countryName } from "./country-names";
import type { Gazetteer, Place } from "./gazetteer";

/** Every attribute a candidate can carry; `outFields` picks from these. */
export const CANDIDATE_FIELDS = [
  "Loc_name",
  "Status",
  "Score",
  "Match_addr",
  "LongLabel",
  "ShortLabel",
  "Addr_type",
  "Type",
  "PlaceName",
  "Place_addr",
  "City",
  "Region",
  "RegionAbbr",
  "Country",
  "CntryName",
  "Rank",
  "X",
  "Y",
  "DisplayX",
  "DisplayY",
  "Xmin",
  "Xmax",
  "Ymin",
  "Ymax",
  "Population",
] as const;

export interface CandidateJson {
  address: string;
  location: { x: number; y: number };
  score: number;
  attributes: Record<string, unknown>;
  extent: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** A match in the shape findAddressCandidates returns, projected to `wkid`. */
export function candidateJson(
  gazetteer: Gazetteer,
  match: GeocodeMatch,
  outFields: readonly string[],
  wkid: SupportedWkid,
): CandidateJson {
  const all = allAttributes(gazetteer, match);
  const [x, y] = projectPoint(all.X as number, all.Y as number, 4326, wkid);
  const [xmin, ymin] = projectPoint(all.Xmin as number, all.Ymin as number, 4326, wkid);
  const [xmax, ymax] = projectPoint(all.Xmax as number, all.Ymax as number, 4326, wkid);
  return {
    address: all.Match_addr as string,
    location: { x, y },
    score: match.score,
    attributes: pickFields(all, outFields),
    extent: { xmin, ymin, xmax, ymax },
  };
}

/** The address attributes of one place (reverseGeocode's `address` object). */
export function placeAddress(gazetteer: Gazetteer, place: Place): Record<string, unknown> {
  return allAttributes(gazetteer, { kind: "place", place, score: 100 });
}

export function pickFields(
  all: Record<string, unknown>,
  outFields: readonly string[],
): Record<string, unknown> {
  if (outFields.includes("*")) return all;
  const picked: Record<string, unknown> = {};
  for (const field of outFields) {
    const known = Object.keys(all).find((name) => name.toLowerCase() === field.toLowerCase());
    if (known) picked[known] = all[known];
  }
  return picked;
}

function allAttributes(gazetteer: Gazetteer, match: GeocodeMatch): Record<string, unknown> {
  if (match.kind === "country") {
    const { country } = match;
    return {
      Loc_name: "World",
      Status: "M",
      Score: match.score,
      Match_addr: country.name,
      LongLabel: country.name,
      ShortLabel: country.name,
      Addr_type: "Country",
      Type: "Country",
      PlaceName: country.name,
      Place_addr: "",
      City: "",
      Region: "",
      RegionAbbr: "",
      Country: country.code,
      CntryName: country.name,
      Rank: 1,
      X: country.lon,
      Y: country.lat,
      DisplayX: country.lon,
      DisplayY: country.lat,
      Xmin: country.extent.xmin,
      Xmax: country.extent.xmax,
      Ymin: country.extent.ymin,
      Ymax: country.extent.ymax,
      Population: null,
    };
  }
  const { place } = match;
  const country = countryName(place.countryCode);
  const region = gazetteer.regionName(place);
  const regionAbbr = region ? place.adminCode : "";
  // Bigger towns get bigger boxes: from about 2 km across for a village to 40 km for a megacity.
  const halfSize = 0.01 + 0.03 * Math.max(0, Math.log10(Math.max(1, place.population)) - 3);
  const matchAddress = [place.name, region || country].join(", ");
  return {
    Loc_name: "World",
    Status: "M",
    Score: match.score,
    Match_addr: matchAddress,
    LongLabel: [place.name, regionAbbr, country].filter(Boolean).join(", "),
    ShortLabel: place.name,
    Addr_type: "Locality",
    Type: "City",
    PlaceName: place.name,
    Place_addr: [place.name, region, country].filter(Boolean).join(", "),
    City: place.name,
    Region: region,
    RegionAbbr: regionAbbr,
    Country: place.countryCode,
    CntryName: country,
    Rank: place.featureCode === "PPLC" ? 2 : place.population > 1_000_000 ? 3 : 5,
    X: place.lon,
    Y: place.lat,
    DisplayX: place.lon,
    DisplayY: place.lat,
    Xmin: place.lon - halfSize,
    Xmax: place.lon + halfSize,
    Ymin: place.lat - halfSize,
    Ymax: place.lat + halfSize,
    Population: place.population,
  };
}
