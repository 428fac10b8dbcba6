import type { Box, EsriGeometry } from "../esri-geometry";
import { projectGeometry } from "../esri-geometry";
import type { SupportedWkid } from "../projection";
import { Raster, type Rgba } from "./raster";

/** One layer to draw: its features (in `wkid`), its geometry type and its drawing info. */
export interface DrawLayer {
  geometries: EsriGeometry[];
  wkid: SupportedWkid;
  drawingInfo: unknown;
}

const DEFAULT_FILL: Rgba = [0, 121, 193, 128];
const DEFAULT_LINE: Rgba = [0, 121, 193, 255];

interface Symbol {
  color?: unknown;
  size?: unknown;
  width?: unknown;
  outline?: { color?: unknown; width?: unknown };
}

/**
 * Draws layers into a `width`×`height` image of `extent` (Web Mercator), with the simple
 * renderer's symbol of each layer (other renderers draw in the default blue).
 */
export function renderLayers(
  layers: readonly DrawLayer[],
  extent: Box,
  width: number,
  height: number,
  background?: Rgba,
): Buffer {
  const raster = new Raster(width, height, background);
  const scaleX = width / (extent.xmax - extent.xmin);
  const scaleY = height / (extent.ymax - extent.ymin);
  const toPixel = ([x, y]: [number, number]): [number, number] => [
    (x - extent.xmin) * scaleX,
    (extent.ymax - y) * scaleY,
  ];
  for (const layer of layers) {
    const symbol = simpleSymbol(layer.drawingInfo);
    for (const stored of layer.geometries) {
      const geometry = projectGeometry(stored, layer.wkid, 3857);
      if ("rings" in geometry) {
        const rings = geometry.rings.map((ring) => ring.map(toPixel));
        raster.fillPolygon(rings, colorOf(symbol.color, DEFAULT_FILL));
        const outlineWidth = Number(symbol.outline?.width ?? 0.75) * (96 / 72);
        if (outlineWidth > 0)
          for (const ring of rings)
            raster.strokePath(
              ring,
              colorOf(symbol.outline?.color, [255, 255, 255, 255]),
              outlineWidth,
            );
      } else if ("paths" in geometry) {
        const lineWidth = Math.max(1, Number(symbol.width ?? 1.5) * (96 / 72));
        for (const path of geometry.paths)
          raster.strokePath(path.map(toPixel), colorOf(symbol.color, DEFAULT_LINE), lineWidth);
      } else {
        const points =
          "x" in geometry
            ? [[geometry.x, geometry.y] as [number, number]]
            : "points" in geometry
              ? geometry.points
              : [];
        const radius = Math.max(1.5, (Number(symbol.size ?? 6) * (96 / 72)) / 2);
        for (const point of points) {
          const [px, py] = toPixel(point);
          raster.fillCircle(px, py, radius, colorOf(symbol.color, DEFAULT_LINE));
        }
      }
    }
  }
  return raster.toPng();
}

function simpleSymbol(drawingInfo: unknown): Symbol {
  const renderer = (drawingInfo as { renderer?: { type?: unknown; symbol?: unknown } } | undefined)
    ?.renderer;
  return renderer?.type === "simple" && renderer.symbol && typeof renderer.symbol === "object"
    ? (renderer.symbol as Symbol)
    : {};
}

function colorOf(value: unknown, fallback: Rgba): Rgba {
  if (
    Array.isArray(value) &&
    value.length >= 3 &&
    value.every((part) => typeof part === "number")
  ) {
    return [value[0], value[1], value[2], value[3] ?? 255].map((part) =>
      Math.max(0, Math.min(255, Math.round(part))),
    ) as Rgba;
  }
  return fallback;
}
