// What updateLayer and repositionLayer make of the map's layer records. A record is never
// changed in place: the map's state gets new records, so the views see a new `layers` value and
// follow it (updating the layer's properties, or moving it in the drawing order).
import type { LayerSpec, MapLayerProperties } from "./contract";
import { checkLayerOptions, withShortRepr, type AddLayerOptions } from "./layer-spec";
import { describe, numberInRange, wholeNumberInRange } from "../arguments";

/** What `updateLayer` may set on a layer; `null` clears a property, so the layer's own comes back. */
export type UpdateLayerOptions = {
  [Key in keyof AddLayerOptions]?: AddLayerOptions[Key] | null;
} & {
  /** 0 (opaque) to 100 (invisible), as Web Maps and Python 2.4 give it: sets `opacity`. */
  transparency?: number;
};

/** The properties `null` clears: those a layer has of its own (its service's renderer, its name …). */
const CLEARABLE = new Set([
  "title",
  "opacity",
  "visible",
  "renderer",
  "popupTemplate",
  "definitionExpression",
]);

/** `spec` with `options` merged into it (Python 2.4: `content.update_layer(index, ...)`). */
export function updatedLayerSpec(spec: LayerSpec, options: UpdateLayerOptions): LayerSpec {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(
      `options: expected an object of layer properties, got ${describe(options)}`,
    );
  }
  const given: Record<string, unknown> = {};
  const cleared = new Set<string>();
  for (const [key, value] of Object.entries(options)) {
    if (value !== null) given[key] = value;
    else if (CLEARABLE.has(key)) cleared.add(key);
    else throw new TypeError(`options.${key}: null clears only ${[...CLEARABLE].join(", ")}`);
  }
  if (given.transparency !== undefined) {
    if (given.opacity !== undefined || cleared.has("opacity")) {
      throw new TypeError("options.transparency: give opacity or transparency, not both");
    }
    const transparency = numberInRange(given.transparency, "options.transparency", 0, 100);
    given.opacity = 1 - transparency / 100;
  }
  delete given.transparency;
  const checked = checkLayerOptions(given as AddLayerOptions, "updateLayer");
  const properties: MapLayerProperties = { ...spec.options };
  for (const key of cleared) delete properties[key as keyof MapLayerProperties];
  Object.assign(properties, checked.rest);
  let smartRenderer = spec.smartRenderer;
  // A renderer replaces the one the layer had, of either kind.
  if (given.renderer !== undefined) smartRenderer = checked.smartRenderer;
  if (cleared.has("renderer")) smartRenderer = null;
  if (smartRenderer && given.renderer !== undefined) delete properties.renderer;
  return withShortRepr({
    ...spec,
    title: cleared.has("title") ? null : (checked.title ?? spec.title),
    options: properties,
    smartRenderer,
  });
}

/**
 * The layer with `record`'s properties in place of its own, as Python 1.x's
 * `update_layer(layer)` takes a layer from `map.layers` changed by the user.
 */
export function replacedLayerSpec(spec: LayerSpec, record: LayerSpec): LayerSpec {
  const smart = record.smartRenderer;
  const checked = checkLayerOptions(
    {
      ...(record.title !== null && record.title !== undefined ? { title: record.title } : {}),
      ...(record.options as AddLayerOptions),
      ...(smart
        ? {
            renderer: smart.type,
            ...(smart.field !== null ? { fieldName: smart.field } : {}),
            ...smart.options,
          }
        : {}),
    },
    "updateLayer",
  );
  return withShortRepr({
    ...spec,
    title: checked.title ?? null,
    options: checked.rest,
    smartRenderer: checked.smartRenderer,
  });
}

/** `layers` with the one at `from` moved to `to` (Python 2.4: `content.reposition`). */
export function repositionedLayers(
  layers: readonly LayerSpec[],
  from: number,
  to: unknown,
): LayerSpec[] {
  const last = layers.length - 1;
  const target = wholeNumberInRange(to, "newIndex", 0, Math.max(last, 0));
  const moved = [...layers];
  const [layer] = moved.splice(from, 1);
  moved.splice(target, 0, layer);
  return moved;
}

/** The position `index` names in a map of `count` layers (Python 2.4 names layers by index). */
export function layerIndex(index: number, count: number, argument: string): number {
  if (count === 0) throw new RangeError(`${argument}: the map has no layers`);
  return wholeNumberInRange(index, argument, 0, count - 1);
}
