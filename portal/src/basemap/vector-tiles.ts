// The basemap's vector tiles (Mapbox Vector Tile, 512-pixel tiles of the Web Mercator scheme):
// cut from the data on first use and kept, so every later tile costs milliseconds.
import geojsonvt from "geojson-vt";
import type { Feature, Geometry } from "geojson";
import { fromGeojsonVt } from "vt-pbf";
import {
  basemapPlaces,
  borderFeatures,
  lakeFeatures,
  landFeatures,
  riverFeatures,
  type BasemapPlace,
} from "./basemap-data";

/** The deepest level with tiles of its own; views draw deeper levels from these (overzoom). */
export const MAX_TILE_LEVEL = 14;
/** Coordinates across a tile, as in the Mapbox Vector Tile spec. */
const EXTENT = 4096;
/** How far (in tile units) points are kept beyond a tile's edge so labels are not cut off. */
const PLACE_BUFFER = 256;
/** Towns kept in one tile, largest first: more only crowds the labels out. */
const MAX_PLACES_PER_TILE = 400;

type TileIndex = ReturnType<typeof geojsonvt>;

/** The polygon and line layers, in the order the style draws them. */
const SHAPE_LAYERS: Record<string, () => Feature<Geometry>[]> = {
  land: landFeatures,
  lakes: lakeFeatures,
  rivers: riverFeatures,
  borders: borderFeatures,
};

export interface TileAddress {
  level: number;
  row: number;
  column: number;
}

export class BasemapTiles {
  private indexes: Map<string, TileIndex> | undefined;
  private places: BasemapPlace[] | undefined;

  /** Whether (level, row, column) names a tile of the scheme. */
  static isTile({ level, row, column }: TileAddress): boolean {
    const span = 2 ** level;
    return (
      Number.isInteger(level) &&
      level >= 0 &&
      level <= MAX_TILE_LEVEL &&
      Number.isInteger(row) &&
      Number.isInteger(column) &&
      row >= 0 &&
      column >= 0 &&
      row < span &&
      column < span
    );
  }

  /** The tile's bytes (possibly with no features: open ocean). */
  tile(address: TileAddress): Uint8Array {
    const layers: Record<string, { features: unknown[] }> = {};
    for (const [name, index] of this.shapeIndexes()) {
      const tile = index.getTile(address.level, address.column, address.row);
      layers[name] = { features: tile?.features ?? [] };
    }
    layers.places = { features: this.placeFeatures(address) };
    return fromGeojsonVt(layers, { version: 2, extent: EXTENT });
  }

  private shapeIndexes(): Map<string, TileIndex> {
    if (!this.indexes) {
      this.indexes = new Map();
      for (const [name, features] of Object.entries(SHAPE_LAYERS)) {
        this.indexes.set(
          name,
          geojsonvt(
            { type: "FeatureCollection", features: features() },
            { maxZoom: MAX_TILE_LEVEL, indexMaxZoom: 4, extent: EXTENT, buffer: 64, tolerance: 3 },
          ),
        );
      }
    }
    return this.indexes;
  }

  /** Towns in the tile (and a margin around it) that show at its level, largest first. */
  private placeFeatures({ level, row, column }: TileAddress): unknown[] {
    this.places ??= basemapPlaces();
    const span = 2 ** level;
    const features: unknown[] = [];
    for (const place of this.places) {
      if (place.minZoom > level) continue;
      const x = (mercatorX(place.lon) * span - column) * EXTENT;
      const y = (mercatorY(place.lat) * span - row) * EXTENT;
      if (x < -PLACE_BUFFER || y < -PLACE_BUFFER) continue;
      if (x > EXTENT + PLACE_BUFFER || y > EXTENT + PLACE_BUFFER) continue;
      features.push({
        type: 1,
        geometry: [[Math.round(x), Math.round(y)]],
        tags: { name: place.name, population: place.population, rank: place.rank },
      });
      if (features.length >= MAX_PLACES_PER_TILE) break;
    }
    return features;
  }
}

/** Longitude → 0…1 across the Web Mercator world. */
function mercatorX(lon: number): number {
  return lon / 360 + 0.5;
}

/** Latitude → 0…1 down the Web Mercator world (north at 0). */
function mercatorY(lat: number): number {
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}
