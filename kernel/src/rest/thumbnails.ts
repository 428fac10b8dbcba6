import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FilePart } from "../session/files";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";

/**
 * A thumbnail argument as the Python API takes it: a local file (uploaded) or a URL (passed on
 * for the portal to reference). Anything else is reported before a request is made.
 */
export function thumbnailUpload(
  value: unknown,
  argument: string,
): { params: RequestParams; files?: Record<string, FilePart> } {
  if (value === undefined || value === null) return { params: {} };
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${argument}: expected a file path or URL, got ${typeof value}`);
  }
  if (/^https?:\/\//i.test(value)) return { params: { thumbnail: value } };
  if (!fs.existsSync(value) || !fs.statSync(value).isFile()) {
    throw new TypeError(`${argument}: no such file: ${value}`);
  }
  return { params: {}, files: { thumbnail: { path: value } } };
}

/** The thumbnail's bytes, or null when there is none. */
export async function fetchThumbnail(
  session: Session,
  infoUrl: string,
  thumbnail: unknown,
): Promise<Buffer | null> {
  if (typeof thumbnail !== "string" || thumbnail === "") return null;
  return session.request(
    `${infoUrl}/${encodeURI(thumbnail)}`,
    {},
    {
      method: "GET",
      responseKind: "buffer",
      format: null,
    },
  );
}

/** Writes the thumbnail into `saveFolder` (default: the temp folder) and returns its path. */
export async function saveThumbnail(
  session: Session,
  infoUrl: string,
  thumbnail: unknown,
  saveFolder: unknown,
): Promise<string | null> {
  if (saveFolder !== undefined && saveFolder !== null && typeof saveFolder !== "string") {
    throw new TypeError(`saveFolder: expected a folder path, got ${typeof saveFolder}`);
  }
  const folder = (saveFolder as string | undefined) ?? os.tmpdir();
  const bytes = await fetchThumbnail(session, infoUrl, thumbnail);
  if (!bytes) return null;
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, path.basename(thumbnail as string));
  fs.writeFileSync(target, bytes);
  return target;
}
