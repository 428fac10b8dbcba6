// Which layers of a map an argument means: a layer record from `map.layers` or its id, the very
// object passed to `addLayer` (an Item, a FeatureLayer, GeoJSON), or any Item / layer object /
// URL naming the same item or service as a layer of the map.
import type { LayerSpec } from "./contract";
import { checkServiceUrl } from "./layer-spec";

/** Remembers the objects passed to addLayer, so the same object finds its layer again. */
export class AddedLayerInputs {
  private readonly ids = new WeakMap<object, string[]>();

  remember(input: unknown, id: string): void {
    if (typeof input !== "object" || input === null) return;
    this.ids.set(input, [...(this.ids.get(input) ?? []), id]);
  }

  idsOf(input: object): readonly string[] {
    return this.ids.get(input) ?? [];
  }
}

/**
 * The map's layers that `reference` names; empty when it names none of them. Throws a
 * TypeError for an argument that cannot name a layer at all.
 */
export function layersNamedBy(
  reference: unknown,
  layers: readonly LayerSpec[],
  added: AddedLayerInputs,
  argument: string,
): LayerSpec[] {
  if (typeof reference === "string") {
    const byId = layers.filter((layer) => layer.id === reference);
    if (byId.length > 0 || !/^https?:\/\//i.test(reference)) return byId;
    const url = checkServiceUrl(reference, argument);
    return layers.filter((layer) => layer.url === url);
  }
  if (typeof reference !== "object" || reference === null || Array.isArray(reference)) {
    throw new TypeError(
      `${argument}: expected a layer from map.layers, its id, or the Item / layer / GeoJSON added`,
    );
  }
  const remembered = new Set(added.idsOf(reference));
  if (remembered.size > 0) return layers.filter((layer) => remembered.has(layer.id));
  const record = reference as Record<string, unknown>;
  if (typeof record.id === "string") {
    const byId = layers.filter((layer) => layer.id === record.id);
    if (byId.length > 0) return byId;
    if (typeof record.type === "string") {
      const byItem = layers.filter((layer) => layer.itemId === record.id);
      if (byItem.length > 0) return byItem;
    }
  }
  if (typeof record.url === "string" && /^https?:\/\//i.test(record.url)) {
    const url = checkServiceUrl(record.url, `${argument}.url`);
    return layers.filter((layer) => layer.url === url);
  }
  return [];
}
