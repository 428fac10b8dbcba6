import type { Item } from "../content/item";
import { FeatureCollection, type FeatureCollectionJSON } from "./feature-collection";

/**
 * The layers of a Feature Collection item: they live in the item's data as
 * `{ layers: [{ layerDefinition, featureSet, popupInfo }] }` (the REST API's "Feature collection"
 * item data), and Python's `Item.layers` gives one `FeatureCollection` per entry.
 */
export async function featureCollectionItemLayers(item: Item): Promise<FeatureCollection[]> {
  const data = await item.getData();
  const layers = (data as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return [];
  return layers
    .filter((layer): layer is Partial<FeatureCollectionJSON> => isObject(layer))
    .filter((layer) => isObject(layer.layerDefinition))
    .map(
      (layer) =>
        new FeatureCollection({
          ...layer,
          layerDefinition: { fields: [], ...layer.layerDefinition },
          featureSet: { features: [], ...layer.featureSet },
        } as FeatureCollectionJSON),
    );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
