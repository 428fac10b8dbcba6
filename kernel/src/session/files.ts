import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type FormData from "form-data";
import { encodeParams, type RequestParams } from "./params";

/**
 * A file to send as a multipart part. A path or a Buffer can be sent again when a request is
 * retried; a stream can be read only once, so a request carrying one is never retried.
 */
export type FilePart =
  | { path: string; filename?: string; contentType?: string }
  | { buffer: Buffer; filename: string; contentType?: string }
  | { stream: Readable; filename: string; contentType?: string; knownLength?: number };

export function isReplayable(files: Record<string, FilePart> | undefined): boolean {
  return !files || Object.values(files).every((part) => !("stream" in part));
}

/** Builds the multipart body; files are streamed from disk, never read into memory. */
export function buildMultipartBody(
  params: RequestParams,
  files: Record<string, FilePart>,
): FormData {
  // form-data (and its dependencies) load with the first upload, not with `import "tsgis"`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const FormDataClass = require("form-data") as typeof FormData;
  const form = new FormDataClass();
  for (const [key, value] of Object.entries(encodeParams(params))) form.append(key, value);
  for (const [field, part] of Object.entries(files)) {
    if ("path" in part) {
      const size = fs.statSync(part.path).size;
      form.append(field, fs.createReadStream(part.path), {
        filename: part.filename ?? path.basename(part.path),
        contentType: part.contentType,
        knownLength: size,
      });
    } else if ("buffer" in part) {
      form.append(field, part.buffer, { filename: part.filename, contentType: part.contentType });
    } else {
      form.append(field, part.stream, {
        filename: part.filename,
        contentType: part.contentType,
        knownLength: part.knownLength,
      });
    }
  }
  return form;
}

/** The body length when every part's size is known, so the upload is not chunked. */
export function knownLength(form: FormData): Promise<number | undefined> {
  if (!form.hasKnownLength()) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    form.getLength((error, length) => resolve(error ? undefined : length));
  });
}
