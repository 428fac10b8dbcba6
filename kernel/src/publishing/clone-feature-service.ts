import type { Item } from "../content/item";
import type { GIS } from "../gis";
import { copyFeatureLayerCollection } from "./copy-feature-layer-collection";
import { isServiceNameAvailable } from "./create-service";

/** Is this the item of a hosted feature service (one `cloneItems` can copy with its data)? */
export function isHostedFeatureService(item: Item): boolean {
  return (
    item.type === "Feature Service" &&
    typeof item.url === "string" &&
    /\/FeatureServer\/?$/i.test(item.url) &&
    (item.typeKeywords ?? []).includes("Hosted Service")
  );
}

/**
 * Clones a hosted feature layer into another GIS: a new service of the same name (or the name
 * with a number added when it is taken), the same layers and tables, and their features. The
 * clone's item carries `extraKeywords` (cloneItems marks its source with one).
 */
export async function cloneFeatureService(
  source: Item,
  target: GIS,
  options: { owner?: string; folder?: string; extraKeywords?: string[] } = {},
): Promise<Item> {
  const base =
    (source.url ?? "")
      .replace(/\/FeatureServer\/?$/i, "")
      .split("/")
      .pop() ?? "Cloned";
  let name = base.replace(/[^A-Za-z0-9_]+/g, "_") || "Cloned";
  for (
    let suffix = 1;
    !(await isServiceNameAvailable(target, name, "featureService"));
    suffix += 1
  ) {
    name = `${base}_${suffix}`;
  }
  return copyFeatureLayerCollection(source, name, {
    targetGis: target,
    owner: options.owner,
    folder: options.folder,
    description: source.description ?? undefined,
    snippet: source.snippet ?? undefined,
    itemProperties: {
      title: source.title ?? name,
      typeKeywords: [...(source.typeKeywords ?? []), ...(options.extraKeywords ?? [])],
    },
  });
}
