import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Item } from "../content/item";
import { FeatureLayerCollection } from "../features/feature-layer-collection";
import { getFileBuffer } from "../rest/files";
import { exportWebMap } from "../rest/print";

const THUMBNAIL_SIZE: [number, number] = [600, 400];

/**
 * The logic of `Item.createThumbnail`: draws the hosted feature layer with the portal's print
 * service (`helperServices.printTask`, Export Web Map Task, MAP_ONLY, PNG32) over the service's
 * extent, saves the image, and (with `update`) makes it the item's thumbnail. Resolves to the
 * saved file's path.
 */
export async function createThumbnail(
  item: Item,
  options: { update?: boolean } = {},
): Promise<string> {
  if (options.update !== undefined && typeof options.update !== "boolean")
    throw new TypeError("update: expected a boolean");
  if (!item.url) await item.refresh();
  if (item.type !== "Feature Service" || !item.url)
    throw new TypeError("item: expected a Feature Service item");
  const printTask = (
    item.gis.properties.helperServices as { printTask?: { url?: unknown } } | undefined
  )?.printTask;
  if (!printTask || typeof printTask.url !== "string") {
    throw new Error("This GIS has no print service (portals/self helperServices.printTask)");
  }
  const collection = FeatureLayerCollection.fromItem(item);
  const service = await collection.getProperties();
  const extent = (service.fullExtent ?? service.initialExtent) as
    Record<string, number> | null | undefined;
  if (!extent || !Number.isFinite(extent.xmin))
    throw new Error(`"${item.title}" has no extent to draw (no features?)`);
  const padded = pad(extent);
  const layers = [...(service.layers ?? [])].map((layer) => ({
    id: `layer-${layer.id}`,
    title: layer.name ?? `Layer ${layer.id}`,
    url: `${collection.url}/${layer.id}`,
    opacity: 1,
    visibility: true,
  }));
  const webMap = {
    mapOptions: { extent: padded, spatialReference: padded.spatialReference },
    operationalLayers: layers,
    exportOptions: { outputSize: THUMBNAIL_SIZE, dpi: 96 },
  };
  const result = await exportWebMap(item.gis.session, printTask.url, {
    Web_Map_as_JSON: webMap,
    Format: "PNG32",
    Layout_Template: "MAP_ONLY",
  });
  const url = result.results?.[0]?.value?.url;
  if (!url) throw new Error("The print service returned no image");
  const image = await getFileBuffer(item.gis.session, url);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-thumbnail-"));
  const file = path.join(directory, `${item.id}.png`);
  fs.writeFileSync(file, image);
  if (options.update !== false) await item.update({ thumbnail: file });
  return file;
}

/** The extent with 5% room on each side, so features on the edge are not cut. */
function pad(extent: Record<string, unknown>): {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  spatialReference: unknown;
} {
  const { xmin, ymin, xmax, ymax } = extent as Record<string, number>;
  const dx = Math.max((xmax - xmin) * 0.05, 1);
  const dy = Math.max((ymax - ymin) * 0.05, 1);
  return {
    xmin: xmin - dx,
    ymin: ymin - dy,
    xmax: xmax + dx,
    ymax: ymax + dy,
    spatialReference: extent.spatialReference ?? { wkid: 102100 },
  };
}
