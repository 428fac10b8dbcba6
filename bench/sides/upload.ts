import fs from "node:fs";
import { addItemPart, commitItemUpload, createItem, getItemStatus } from "@esri/arcgis-rest-portal";
import type { SidePrepare } from "../lib/case-types";
import { inPool } from "../lib/pool";
import { connectTsgis, credentialsOf, signInRestJs, stringField } from "./sign-in";

/** The part size and parallelism tsgis uses, given to rest-js too so that only the client differs. */
export const PART_BYTES = 8 * 1024 * 1024;
export const PART_CONCURRENCY = 4;
const STATUS_POLL_MS = 250;

/** tsgis: `gis.content.add(properties, { data: path })`, which goes multipart above 10 MB. */
export const uploadTsgis: SidePrepare = async (input) => {
  const gis = await connectTsgis(input);
  const filePath = stringField(input, "filePath");
  return async () => {
    const item = await gis.content.add(
      { title: "bench upload (tsgis)", type: "CSV", tags: ["bench"] },
      { data: filePath },
    );
    return { id: item.id, size: item.size ?? null };
  };
};

/**
 * rest-js: createItem with `multipart: true`, addItemPart for each 8 MB slice of a file-backed
 * Blob (`fs.openAsBlob`, so nothing is read ahead), commitItemUpload, then getItemStatus until
 * the portal has assembled the file, as the Sharing API documents the sequence.
 */
export const uploadRestJs: SidePrepare = async (input) => {
  const authentication = await signInRestJs(input);
  const owner = credentialsOf(input).username;
  const filePath = stringField(input, "filePath");
  const size = fs.statSync(filePath).size;
  const blob = await fs.openAsBlob(filePath);
  const item = { title: "bench upload (rest-js)", type: "CSV", tags: ["bench"] };
  return async () => {
    const created = await createItem({
      item,
      multipart: true,
      filename: "bench.csv",
      authentication,
    });
    const partNumbers = Array.from(
      { length: Math.ceil(size / PART_BYTES) },
      (_, index) => index + 1,
    );
    await inPool(partNumbers, PART_CONCURRENCY, (partNum) =>
      addItemPart({
        id: created.id,
        owner,
        partNum,
        file: blob.slice((partNum - 1) * PART_BYTES, Math.min(size, partNum * PART_BYTES)),
        params: { fileName: "bench.csv" },
        authentication,
      }),
    );
    await commitItemUpload({ id: created.id, owner, item, authentication });
    for (;;) {
      const status = await getItemStatus({ id: created.id, owner, authentication });
      if (status.status === "completed") break;
      if (status.status === "failed")
        throw new Error(`the portal failed to assemble the upload: ${status.statusMessage}`);
      await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
    }
    return { id: created.id };
  };
};
