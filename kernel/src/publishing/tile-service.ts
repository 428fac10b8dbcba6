import type { Item } from "../content/item";
import { publishItem } from "../rest/user-items";
import { waitForJob, type WaitOptions } from "./job-wait";

/** Options of `item.createTileService`, plus how to wait. */
export interface CreateTileServiceOptions extends WaitOptions {
  cacheInfo?: Record<string, unknown> | null;
  buildCache?: boolean;
}

/**
 * The logic of `Item.createTileService`: publishes the hosted feature layer as a tile layer
 * (`publish` with `filetype=featureService`, `outputType=tiles`) and waits for the job.
 */
export async function createTileService(
  item: Item,
  title: string,
  minScale: number,
  maxScale: number,
  options: CreateTileServiceOptions = {},
): Promise<Item | null> {
  if (typeof title !== "string" || !/^[A-Za-z0-9_]{1,120}$/.test(title)) {
    throw new TypeError("title: expected a service name of 1-120 letters, digits or underscores");
  }
  for (const [name, value] of [
    ["minScale", minScale],
    ["maxScale", maxScale],
  ] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name}: expected a scale (a number from 0)`);
    }
  }
  if (!item.owner) await item.refresh();
  if (item.type !== "Feature Service")
    throw new TypeError("item: expected a hosted Feature Service item");
  const owner = item.owner ?? "";
  const answer = await publishItem(item.gis.session, owner, {
    itemId: item.id,
    filetype: "featureService",
    outputType: "tiles",
    buildInitialCache: options.buildCache ?? false,
    publishParameters: {
      name: title,
      minScale,
      maxScale,
      ...(options.cacheInfo ? { tileInfo: options.cacheInfo } : {}),
    },
  });
  const [service] = answer.services ?? [];
  if (!service?.serviceItemId) return null;
  if (service.jobId) {
    await waitForJob(
      item.gis,
      { owner, itemId: service.serviceItemId, jobId: service.jobId, jobType: "publish" },
      options,
    );
  }
  return item.gis.content.get(service.serviceItemId);
}
