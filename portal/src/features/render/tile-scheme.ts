import type { Box } from "../esri-geometry";

/** The ArcGIS Online / Google tiling scheme in Web Mercator: 256-pixel tiles, 24 levels. */
export const ORIGIN = { x: -20037508.342787, y: 20037508.342787 };
export const TILE_SIZE = 256;
const LEVEL0_RESOLUTION = 156543.03392800014;
const LEVEL0_SCALE = 591657527.591555;
export const LEVEL_COUNT = 24;

export function resolutionOf(level: number): number {
  return LEVEL0_RESOLUTION / 2 ** level;
}

/** The `tileInfo` of a MapServer using the scheme, limited to the levels between the scales. */
export function tileInfo(minScale: number, maxScale: number): Record<string, unknown> {
  const lods = [];
  for (let level = 0; level < LEVEL_COUNT; level += 1) {
    const scale = LEVEL0_SCALE / 2 ** level;
    if (
      (minScale === 0 || scale <= minScale * 1.0001) &&
      (maxScale === 0 || scale >= maxScale * 0.9999)
    ) {
      lods.push({ level, resolution: resolutionOf(level), scale });
    }
  }
  return {
    rows: TILE_SIZE,
    cols: TILE_SIZE,
    dpi: 96,
    format: "PNG32",
    compressionQuality: 0,
    origin: ORIGIN,
    spatialReference: { wkid: 102100, latestWkid: 3857 },
    lods,
  };
}

/** The Web Mercator extent a tile covers. */
export function tileExtent(level: number, row: number, column: number): Box {
  const span = TILE_SIZE * resolutionOf(level);
  const xmin = ORIGIN.x + column * span;
  const ymax = ORIGIN.y - row * span;
  return { xmin, ymin: ymax - span, xmax: xmin + span, ymax };
}
