// The basemap's data, read from npm packages on first use: Natural Earth 1:10m land and
// country borders (world-atlas, public domain), lakes and river areas at 1 km (geo-maps, from
// OpenStreetMap, ODbL) and the world's towns (the geocoder's gazetteer, GeoNames).
import type {
  Feature,
  GeometryCollection as GeoJSONCollection,
  LineString,
  MultiPolygon,
  Polygon,
} from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { gazetteer } from "../geocode/gazetteer";

export type Polygonal = Polygon | MultiPolygon;

/** A town drawn on the basemap, from the zoom level where it first shows. */
export interface BasemapPlace {
  readonly name: string;
  readonly population: number;
  readonly lon: number;
  readonly lat: number;
  /** The first zoom level (of 512-pixel tiles) that shows the place. */
  readonly minZoom: number;
  /** 1 for the largest cities … 5 for villages: the style sizes dots and labels by it. */
  readonly rank: number;
}

/* eslint-disable @typescript-eslint/no-require-imports -- the data packages are read on demand:
   most portal requests never draw a basemap, and they take seconds and hundreds of MB. */
function topology(name: string): Topology {
  return require(`world-atlas/${name}.json`) as Topology;
}

export function landFeatures(): Feature<Polygon>[] {
  const land = topology("land-10m");
  const collection = feature(land, land.objects.land) as
    { features: Feature<Polygonal>[] } | Feature<Polygonal>;
  const features = "features" in collection ? collection.features : [collection];
  return features.flatMap((each) => polygonsOf(each.geometry));
}

/** Borders between countries (not coastlines, which the land's edge already shows). */
export function borderFeatures(): Feature<LineString>[] {
  const countries = topology("countries-10m");
  const lines = mesh(
    countries,
    countries.objects.countries as GeometryCollection,
    (a, b) => a !== b,
  );
  return lines.coordinates.map((coordinates) => ({
    type: "Feature",
    properties: {},
    geometry: { type: "LineString", coordinates },
  }));
}

function geoMapsFeatures(packageName: string): Feature<Polygon>[] {
  const load = require(packageName) as () => GeoJSONCollection;
  return load().geometries.flatMap((geometry) => polygonsOf(geometry as Polygonal));
}

export function lakeFeatures(): Feature<Polygon>[] {
  return geoMapsFeatures("@geo-maps/earth-lakes-1km");
}

export function riverFeatures(): Feature<Polygon>[] {
  return geoMapsFeatures("@geo-maps/earth-rivers-1km");
}
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * One feature per polygon: the tiler skips a feature whose bounds miss a tile, so a world-wide
 * multipolygon cut into its parts makes each tile cost only the shapes near it.
 */
function polygonsOf(geometry: Polygonal): Feature<Polygon>[] {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((coordinates) => ({
    type: "Feature",
    properties: {},
    geometry: { type: "Polygon", coordinates },
  }));
}

/** Population thresholds: a place of at least `population` shows from `minZoom` on. */
const PLACE_CLASSES = [
  { population: 5_000_000, minZoom: 2, rank: 1 },
  { population: 1_000_000, minZoom: 3, rank: 1 },
  { population: 300_000, minZoom: 4, rank: 2 },
  { population: 100_000, minZoom: 6, rank: 2 },
  { population: 30_000, minZoom: 7, rank: 3 },
  { population: 10_000, minZoom: 8, rank: 4 },
  { population: 3_000, minZoom: 9, rank: 5 },
  { population: 0, minZoom: 10, rank: 5 },
] as const;

/** Every town of the gazetteer, largest first (so a full tile keeps the ones that matter). */
export function basemapPlaces(): BasemapPlace[] {
  return gazetteer()
    .places.map((place) => {
      const { minZoom, rank } = PLACE_CLASSES.find((c) => place.population >= c.population)!;
      return {
        name: place.name,
        population: place.population,
        lon: place.lon,
        lat: place.lat,
        minZoom,
        rank,
      };
    })
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}
