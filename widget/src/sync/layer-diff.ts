// How a view follows a changed layer record (map.updateLayer) and the records' order
// (map.repositionLayer): which properties it sets on the layer it has, when it must make the
// layer anew, and where each layer goes in the map's stack. No @arcgis/core here, so it is
// tested on its own.
import type { LayerSpec, MapLayerProperties, SmartRendererSpec } from "tsgis/dist/map/contract";

/** What changing a layer's record from `before` to `after` asks of the view. */
export type LayerChange =
  | { kind: "none" }
  /** The source changed, or a property was cleared that only a fresh layer has of its own. */
  | { kind: "recreate" }
  | {
      kind: "update";
      /** The new title, when it changed. */
      title?: string;
      /** The properties that changed, to set on the layer (ArcGIS JSON for renderer and popup). */
      properties: MapLayerProperties;
      /** A smart-mapping renderer to compute again, when it changed. */
      smartRenderer?: SmartRendererSpec;
    };

const SOURCE_KEYS = ["kind", "url", "itemId", "portalUrl", "geojson"] as const;
const PROPERTY_KEYS = [
  "opacity",
  "visible",
  "renderer",
  "popupTemplate",
  "definitionExpression",
] as const satisfies readonly (keyof MapLayerProperties)[];

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function layerChange(before: LayerSpec, after: LayerSpec): LayerChange {
  if (SOURCE_KEYS.some((key) => !same(before[key], after[key]))) return { kind: "recreate" };
  const change: Extract<LayerChange, { kind: "update" }> = { kind: "update", properties: {} };
  let changed = false;
  if (!same(before.title, after.title)) {
    // A layer's own title (its service's name) is known only to a layer made without one.
    if (after.title === null) return { kind: "recreate" };
    change.title = after.title;
    changed = true;
  }
  for (const key of PROPERTY_KEYS) {
    const value = after.options[key];
    if (same(before.options[key], value)) continue;
    if (value === undefined) {
      // An explicit renderer replaced by a smart one: the smart one is set below.
      if (key === "renderer" && after.smartRenderer) continue;
      return { kind: "recreate" };
    }
    (change.properties as Record<string, unknown>)[key] = value;
    changed = true;
  }
  if (!same(before.smartRenderer, after.smartRenderer)) {
    if (after.smartRenderer) change.smartRenderer = after.smartRenderer;
    // Without a smart renderer and without an explicit one, the layer's own must come back.
    else if (after.options.renderer === undefined) return { kind: "recreate" };
    changed = true;
  }
  return changed ? change : { kind: "none" };
}

/**
 * The order the map's layers take: the offline basemap's (`bottom`) first, then the records'
 * layers in the records' order, then any other layer already there, and `top` (the graphics)
 * last. `present` is the map's layers now; layers still loading are simply not among them.
 */
export function layerStack<T>(
  present: readonly T[],
  ordered: readonly T[],
  bottom: readonly T[],
  top: readonly T[],
): T[] {
  const here = new Set(present);
  const placed = new Set([...bottom, ...ordered, ...top]);
  return [
    ...bottom.filter((layer) => here.has(layer)),
    ...ordered.filter((layer) => here.has(layer)),
    ...present.filter((layer) => !placed.has(layer)),
    ...top.filter((layer) => here.has(layer)),
  ];
}
