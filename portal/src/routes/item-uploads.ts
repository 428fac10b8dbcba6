import fs from "node:fs";
import type { ItemRecord } from "../model/item-record";
import type { UploadedFile } from "../server/request-params";
import type { PortalServices } from "../server/portal-services";
import { safeName } from "../store/item-files";
import type { ItemFields } from "../store/item-store";

/**
 * Stores what an addItem or update request uploads: the data (a `file` part or `text`), the
 * thumbnail and the metadata. Returns the item fields that describe them.
 */
export async function storeItemUploads(
  services: PortalServices,
  itemId: string,
  current: ItemRecord | null,
  params: Record<string, string>,
  files: Record<string, UploadedFile>,
): Promise<ItemFields> {
  const fields: ItemFields = {};
  const { files: store } = services;
  if (files.file) {
    const name = safeName(params.filename || files.file.filename || "data");
    fields.size = await store.writeData(itemId, name, { buffer: files.file.data });
    fields.name = name;
  } else if (params.text !== undefined && params.text !== "") {
    store.removeData(itemId);
    fields.size = await store.write(store.textFile(itemId), { buffer: Buffer.from(params.text) });
    fields.name = null;
  }
  if (files.thumbnail) {
    const relative = `thumbnail/${safeName(files.thumbnail.filename || "thumbnail.png")}`;
    const target = store.infoFile(itemId, relative) as string;
    if (current?.thumbnail) {
      const previous = store.infoFile(itemId, current.thumbnail);
      if (previous) fs.rmSync(previous, { force: true });
    }
    await store.write(target, { buffer: files.thumbnail.data });
    fields.thumbnail = relative;
  }
  if (files.metadata) {
    await store.write(store.metadataFile(itemId), { buffer: files.metadata.data });
    const keywords = new Set(current?.typeKeywords ?? []);
    keywords.add("Metadata");
    fields.typeKeywords = [...keywords];
  }
  return fields;
}
