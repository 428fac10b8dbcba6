import type { Item } from "../content/item";
import { analyze } from "../rest/items";
import * as rest from "../rest/user-items";
import { ArcGISError } from "../errors";
import { type JobStatus, waitForJob, type WaitOptions } from "./job-wait";

/** Options of `item.publish`: Python's keyword arguments, plus how to wait. */
export interface PublishOptions extends WaitOptions {
  publishParameters?: Record<string, unknown> | null;
  addressFields?: Record<string, string> | null;
  outputType?: string | null;
  overwrite?: boolean;
  fileType?: string | null;
  buildInitialCache?: boolean;
}

/** Options of `item.export`. */
export interface ExportOptions extends WaitOptions {
  parameters?: Record<string, unknown> | null;
  wait?: boolean;
  enforceFldVis?: boolean | null;
}

const FILE_TYPES: Readonly<Record<string, string>> = {
  CSV: "csv",
  GeoJson: "geojson",
  Shapefile: "shapefile",
  "Microsoft Excel": "excel",
  "Service Definition": "serviceDefinition",
  "File Geodatabase": "fileGeodatabase",
  "Feature Collection": "featureCollection",
  "Vector Tile Package": "vectortilepackage",
};

function ownerOfLoaded(item: Item): string {
  if (!item.owner) throw new TypeError("item: load the item (item.refresh()) before publishing it");
  return item.owner;
}

/** The logic of `Item.publish`: start the job, wait for it, return the service item. */
export async function publishItem(item: Item, options: PublishOptions = {}): Promise<Item> {
  if (!item.type) await item.refresh();
  const fileType = options.fileType ?? FILE_TYPES[item.type ?? ""];
  if (!fileType)
    throw new TypeError(
      `fileType: items of type "${item.type}" cannot be published; give fileType`,
    );
  const publishParameters: Record<string, unknown> = { ...(options.publishParameters ?? {}) };
  if (options.addressFields) {
    if (typeof options.addressFields !== "object")
      throw new TypeError("addressFields: expected an object");
    publishParameters.locationType = "address";
    publishParameters.addressFields = options.addressFields;
  }
  if (
    !options.publishParameters &&
    !options.addressFields &&
    (fileType === "csv" || fileType === "excel")
  ) {
    const analyzed = await analyze(item.gis.session, { itemId: item.id, filetype: fileType });
    Object.assign(publishParameters, analyzed.publishParameters ?? {});
  }
  if (!publishParameters.name && !options.overwrite) {
    publishParameters.name = (item.title ?? "Published")
      .replace(/[^A-Za-z0-9_]+/g, "_")
      .replace(/^_+|_+$/g, "");
  }
  const answer = await rest.publishItem(item.gis.session, ownerOfLoaded(item), {
    itemId: item.id,
    filetype: fileType,
    publishParameters,
    outputType: options.outputType ?? "featureService",
    overwrite: options.overwrite ?? false,
    buildInitialCache: options.buildInitialCache,
  });
  const [service] = answer.services ?? [];
  if (!service?.serviceItemId) {
    throw new ArcGISError(
      {
        code: 500,
        message: "publish answered without a service item",
        details: [JSON.stringify(service?.error ?? {})],
      },
      "publish",
    );
  }
  if (service.jobId) {
    await waitForJob(
      item.gis,
      {
        owner: ownerOfLoaded(item),
        itemId: service.serviceItemId,
        jobId: service.jobId,
        jobType: "publish",
      },
      options,
    );
  }
  const published = await item.gis.content.get(service.serviceItemId);
  if (!published) throw new Error(`The published item ${service.serviceItemId} cannot be read`);
  return published;
}

/** The logic of `Item.export`: a new item; with `wait: false` the job's description instead. */
export async function exportItem(
  item: Item,
  title: string,
  exportFormat: string,
  options: ExportOptions = {},
): Promise<Item | Record<string, unknown>> {
  if (typeof title !== "string" || title.trim() === "")
    throw new TypeError("title: expected a non-empty string");
  if (typeof exportFormat !== "string" || exportFormat.trim() === "") {
    throw new TypeError('exportFormat: expected a format such as "CSV", "GeoJson" or "Shapefile"');
  }
  if (!item.owner) await item.refresh();
  const answer = await rest.exportItem(item.gis.session, ownerOfLoaded(item), {
    itemId: item.id,
    exportFormat,
    exportParameters: options.parameters ?? undefined,
    title,
    enforceFldVis: options.enforceFldVis ?? undefined,
  });
  if (options.wait === false) return answer;
  if (!answer.exportItemId) throw new Error("export answered without an item id");
  if (answer.jobId) {
    await waitForJob(
      item.gis,
      {
        owner: ownerOfLoaded(item),
        itemId: answer.exportItemId,
        jobId: answer.jobId,
        jobType: "export",
      },
      options,
    );
  }
  const exported = await item.gis.content.get(answer.exportItemId);
  if (!exported) throw new Error(`The exported item ${answer.exportItemId} cannot be read`);
  return exported;
}

/** The logic of `Item.status`. */
export async function itemStatus(
  item: Item,
  options: { jobId?: string; jobType?: string } = {},
): Promise<JobStatus> {
  if (!item.owner) await item.refresh();
  if (
    options.jobType !== undefined &&
    !["publish", "generateFeatures", "export", "createService"].includes(options.jobType)
  ) {
    throw new RangeError("jobType: expected publish, generateFeatures, export or createService");
  }
  return rest.getItemStatus<JobStatus>(item.gis.session, ownerOfLoaded(item), item.id, {
    jobId: options.jobId,
    jobType: options.jobType,
  });
}
