import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type { ItemRecord } from "../model/item-record";
import type { PortalServices } from "../server/portal-services";
import type { PartRecord, UploadParts } from "./upload-parts";

/**
 * Whether the parts already lie end to end in the staging file: numbered 1 to K, each but the
 * last exactly one stride long (what every client slicing a file evenly sends). Commit then
 * only truncates and renames; anything else (gaps, uneven sizes) is assembled by copying.
 */
export function liesInPlace(parts: readonly PartRecord[], stride: number | undefined): boolean {
  if (stride === undefined || parts.length === 0) return false;
  return parts.every(
    (part, index) =>
      part.partNum === index + 1 &&
      (index === parts.length - 1 ? part.size <= stride : part.size === stride),
  );
}

/**
 * Turns the stored parts into the item's data file and marks the upload completed (or failed,
 * leaving the item without data rather than with a partial file). The file is built beside the
 * parts and renamed into place, so the item never shows a half-written file.
 */
export async function finishUpload(
  services: PortalServices,
  uploads: UploadParts,
  item: ItemRecord,
  parts: readonly PartRecord[],
): Promise<void> {
  try {
    const stride = uploads.stride(item.id);
    const built = liesInPlace(parts, stride)
      ? await completeStaging(uploads, item.id, parts, stride as number)
      : await assemble(uploads, item.id, parts, stride ?? 0);
    const size = await services.files.writeData(item.id, item.name ?? "data", {
      path: built,
      move: true,
    });
    uploads.remove(item.id);
    services.items.update(item.id, { size, uploadStatus: "completed" });
  } catch {
    // The item may have been deleted meanwhile; otherwise report the failure through status.
    try {
      if (services.items.get(item.id))
        services.items.update(item.id, { uploadStatus: "failed" }, false);
    } catch {
      // The portal closed its database while assembling: there is no one left to tell.
    }
  }
}

/** The staging file with the few parts kept in files of their own copied into their slots. */
async function completeStaging(
  uploads: UploadParts,
  itemId: string,
  parts: readonly PartRecord[],
  stride: number,
): Promise<string> {
  fs.closeSync(uploads.openStaging(itemId));
  const staging = uploads.stagingFile(itemId);
  for (const part of parts) {
    if (part.where !== "file") continue;
    await pipeline(
      fs.createReadStream(uploads.partFile(itemId, part.partNum)),
      fs.createWriteStream(staging, { flags: "r+", start: (part.partNum - 1) * stride }),
    );
  }
  const last = parts[parts.length - 1];
  fs.truncateSync(staging, (last.partNum - 1) * stride + last.size);
  return staging;
}

/** A new file holding the parts one after another, read from their slots or their files. */
async function assemble(
  uploads: UploadParts,
  itemId: string,
  parts: readonly PartRecord[],
  stride: number,
): Promise<string> {
  const target = path.join(path.dirname(uploads.stagingFile(itemId)), "assembled");
  const output = fs.createWriteStream(target);
  const finished = new Promise<void>((resolve, reject) => {
    output.on("error", reject);
    output.on("finish", resolve);
  });
  for (const part of parts) {
    if (part.size === 0) continue;
    const input =
      part.where === "file"
        ? fs.createReadStream(uploads.partFile(itemId, part.partNum))
        : fs.createReadStream(uploads.stagingFile(itemId), {
            start: (part.partNum - 1) * stride,
            end: (part.partNum - 1) * stride + part.size - 1,
          });
    // One output stream for every part, honouring back-pressure.
    for await (const chunk of input) {
      if (!output.write(chunk)) await once(output, "drain");
    }
  }
  output.end();
  await finished;
  return target;
}
