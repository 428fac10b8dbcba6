import type { Item } from "../content/item";
import type { GIS } from "../gis";
import { FeatureLayerCollection } from "../features/feature-layer-collection";
import type { Feature } from "../features/feature-set";
import { getFeatureLayerInfo } from "../rest/feature-service";
import { createService } from "./create-service";

/** Options of `item.copyFeatureLayerCollection`. */
export interface CopyFeatureLayerCollectionOptions {
  /** Layer ids to copy (all when omitted). */
  layers?: number[] | null;
  /** Table ids to copy (all when omitted). */
  tables?: number[] | null;
  folder?: string | null;
  description?: string | null;
  snippet?: string | null;
  owner?: string | null;
  /** The GIS to create the copy in (the item's own by default); cloning uses another portal. */
  targetGis?: GIS;
  /** Item properties of the copy (title, tags, typeKeywords ...), over the defaults. */
  itemProperties?: Record<string, unknown>;
}

/** Layer JSON keys the server owns; the rest is the definition a new layer is made from. */
const SERVER_KEYS = new Set([
  "currentVersion",
  "serviceItemId",
  "isView",
  "isUpdatableView",
  "sourceSpatialReference",
  "editingInfo",
  "extent",
  "advancedQueryCapabilities",
  "uniqueIdField",
  "maxRecordCount",
  "standardMaxRecordCount",
  "capabilities",
]);
const ADD_BATCH = 1000;

/**
 * The logic of `Item.copyFeatureLayerCollection`: a new hosted service with the same layer and
 * table definitions, and a copy of their features.
 */
export async function copyFeatureLayerCollection(
  item: Item,
  serviceName: string,
  options: CopyFeatureLayerCollectionOptions = {},
): Promise<Item> {
  for (const [name, ids] of [
    ["layers", options.layers],
    ["tables", options.tables],
  ] as const) {
    if (
      ids !== undefined &&
      ids !== null &&
      (!Array.isArray(ids) || ids.some((id) => !Number.isInteger(id)))
    ) {
      throw new TypeError(`${name}: expected a list of layer ids`);
    }
  }
  if (!item.url) await item.refresh();
  if (item.type !== "Feature Service") throw new TypeError("item: expected a Feature Service item");
  const source = FeatureLayerCollection.fromItem(item);
  const service = await source.getProperties();
  const pick = (entries: { id: number }[] | undefined, ids: number[] | null | undefined) =>
    (entries ?? []).filter((entry) => !ids || ids.includes(entry.id));
  const chosen = [...pick(service.layers, options.layers), ...pick(service.tables, options.tables)];
  const wkid =
    (service.spatialReference as { latestWkid?: number; wkid?: number } | undefined)?.wkid ??
    102100;
  const copy = await createService(options.targetGis ?? item.gis, serviceName, {
    capabilities: typeof service.capabilities === "string" ? service.capabilities : "Query",
    maxRecordCount: typeof service.maxRecordCount === "number" ? service.maxRecordCount : 1000,
    wkid,
    folder: options.folder ?? undefined,
    owner: options.owner ?? undefined,
    itemProperties: {
      title: serviceName,
      tags: item.tags ?? [],
      ...(options.description ? { description: options.description } : {}),
      ...(options.snippet ? { snippet: options.snippet } : {}),
      ...(options.itemProperties ?? {}),
    },
  });
  const target = FeatureLayerCollection.fromItem(copy);
  const definitions = await Promise.all(
    chosen.map(async (entry) => {
      const json = await getFeatureLayerInfo(item.gis.session, `${source.url}/${entry.id}`);
      return Object.fromEntries(Object.entries(json).filter(([key]) => !SERVER_KEYS.has(key)));
    }),
  );
  await target.manager.addToDefinition({
    layers: definitions.filter((definition) => definition.type !== "Table"),
    tables: definitions.filter((definition) => definition.type === "Table"),
  });
  const sourceLayers = [...(await source.getLayers()), ...(await source.getTables())];
  const targetLayers = [...(await target.getLayers()), ...(await target.getTables())];
  for (const definition of definitions) {
    const from = sourceLayers.find((layer) => layer.url.endsWith(`/${String(definition.id)}`));
    const to = targetLayers.find((layer) => layer.url.endsWith(`/${String(definition.id)}`));
    if (!from || !to) continue;
    const objectIdField = String(definition.objectIdField ?? "OBJECTID");
    const { features } = await from.query({ outSr: wkid });
    for (let start = 0; start < features.length; start += ADD_BATCH) {
      const adds: Feature[] = features.slice(start, start + ADD_BATCH).map((feature) => {
        const { [objectIdField]: _id, ...attributes } = feature.attributes;
        return feature.geometry
          ? { attributes, geometry: { ...feature.geometry, spatialReference: { wkid } } }
          : { attributes };
      });
      const result = await to.editFeatures({ adds });
      const failed = result.addResults.find((entry) => !entry.success);
      if (failed)
        throw new Error(
          `Copying layer ${String(definition.id)} failed: ${failed.error?.description ?? "unknown error"}`,
        );
    }
  }
  return copy;
}
