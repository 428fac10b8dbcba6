import fs from "node:fs";
import type { GIS } from "../gis";
import type { RequestParams } from "../session/params";
import { ArcGISError } from "../errors";
import { addItem, addItemPart, commitItemUpload, getItemStatus } from "../rest/user-items";
import { mapConcurrent } from "./concurrency";
import type { PreparedFile } from "./file-inputs";

/** Files above this size go up in parts rather than in one request. */
export const MULTIPART_THRESHOLD = 10 * 1024 * 1024;
const PART_SIZE = 8 * 1024 * 1024;
const CONCURRENT_PARTS = 4;
const PART_ATTEMPTS = 3;
/** Reads of 1 MiB rather than 64 KiB: a sixteenth of the reads and socket writes per part. */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Status is asked again after 20 ms, then twice as long each time, up to a second. */
const FIRST_STATUS_POLL_MS = 20;
const MAX_STATUS_POLL_MS = 1000;
const STATUS_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Adds an item whose data is a large file with the multipart API: addItem (multipart=true),
 * addPart for each slice of the file (a few at a time, each streamed from disk and retried on
 * its own), commit, then polling status until the portal has assembled the file. Part 1 goes
 * first and alone: a portal that knows the part size can write every later part straight into
 * its place in the final file.
 */
export async function addItemInParts(
  gis: GIS,
  owner: string,
  folderId: string | undefined,
  properties: RequestParams,
  file: PreparedFile & { path: string },
): Promise<string> {
  const created = await addItem(gis.session, owner, folderId, {
    ...properties,
    multipart: true,
    filename: file.filename,
  });
  const partCount = Math.max(1, Math.ceil(file.size / PART_SIZE));
  await sendPart(gis, owner, created.id, file, 1);
  const partNumbers = Array.from({ length: partCount - 1 }, (_, index) => index + 2);
  await mapConcurrent(partNumbers, CONCURRENT_PARTS, (partNum) =>
    sendPart(gis, owner, created.id, file, partNum),
  );
  await commitItemUpload(gis.session, owner, created.id, properties);
  await waitUntilCompleted(gis, owner, created.id);
  return created.id;
}

async function sendPart(
  gis: GIS,
  owner: string,
  itemId: string,
  file: PreparedFile & { path: string },
  partNum: number,
): Promise<void> {
  const start = (partNum - 1) * PART_SIZE;
  const end = Math.min(file.size, start + PART_SIZE) - 1;
  for (let attempt = 1; ; attempt++) {
    try {
      // A stream is read once, so each attempt opens a fresh slice of the file.
      const stream = fs.createReadStream(file.path, {
        start,
        end: Math.max(start, end),
        highWaterMark: READ_CHUNK_BYTES,
      });
      await addItemPart(gis.session, owner, itemId, partNum, {
        stream,
        filename: file.filename,
        knownLength: Math.max(0, end - start + 1),
      });
      return;
    } catch (error) {
      if (
        attempt >= PART_ATTEMPTS ||
        (error instanceof ArcGISError && error.code < 500 && error.code !== 0)
      )
        throw error;
    }
  }
}

async function waitUntilCompleted(gis: GIS, owner: string, itemId: string): Promise<void> {
  const deadline = Date.now() + STATUS_TIMEOUT_MS;
  // A commit with nothing to copy is done at once; a long assembly is not asked about too often.
  for (let pause = FIRST_STATUS_POLL_MS; ; pause = Math.min(pause * 2, MAX_STATUS_POLL_MS)) {
    const status = await getItemStatus(gis.session, owner, itemId);
    if (status.status === "completed") return;
    if (status.status === "failed") {
      throw new Error(
        `The portal could not assemble the uploaded file: ${status.statusMessage ?? "failed"}`,
      );
    }
    if (Date.now() > deadline) throw new Error("The multipart upload did not complete in time");
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
