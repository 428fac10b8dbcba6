import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Session } from "../session/session";
import type { FilePart } from "../session/files";
import { getFileStream } from "../rest/files";

/** What `data`, `thumbnail` and `metadata` accept: a path, a URL, bytes, or a stream. */
export type FileInput = string | Buffer | Readable;

/** A file ready to upload, with its size when known and a way to remove temporary copies. */
export interface PreparedFile {
  readonly part: FilePart;
  readonly filename: string;
  readonly size: number;
  /** A path on disk holding the bytes (the user's file or a temporary copy). */
  readonly path: string | null;
  cleanup(): void;
}

/** Checks the form of a file argument before any request is made. */
export function checkFileInput(value: unknown, argument: string): FileInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (Buffer.isBuffer(value) || value instanceof Readable) return value;
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(
      `${argument}: expected a file path, a URL, a Buffer or a stream, got ${typeof value}`,
    );
  }
  if (!isUrl(value) && !fs.existsSync(value)) {
    throw new TypeError(`${argument}: no file at ${value}`);
  }
  if (!isUrl(value) && !fs.statSync(value).isFile()) {
    throw new TypeError(`${argument}: ${value} is not a file`);
  }
  return value;
}

export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * Makes an upload part of any input. URLs are downloaded and streams spooled to a temporary
 * file, so every upload is streamed from disk, has a known size and can be retried.
 */
export async function prepareFile(
  session: Session,
  input: FileInput,
  fallbackName: string,
): Promise<PreparedFile> {
  if (Buffer.isBuffer(input)) {
    return {
      part: { buffer: input, filename: fallbackName },
      filename: fallbackName,
      size: input.length,
      path: null,
      cleanup: () => undefined,
    };
  }
  if (typeof input === "string" && !isUrl(input)) {
    const filename = path.basename(input);
    return {
      part: { path: input, filename },
      filename,
      size: fs.statSync(input).size,
      path: input,
      cleanup: () => undefined,
    };
  }
  const filename = typeof input === "string" ? (nameFromUrl(input) ?? fallbackName) : fallbackName;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-upload-"));
  const target = path.join(dir, filename);
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const source = typeof input === "string" ? await getFileStream(session, input) : input;
    await pipeline(source, fs.createWriteStream(target));
  } catch (error) {
    cleanup();
    throw error;
  }
  return {
    part: { path: target, filename },
    filename,
    size: fs.statSync(target).size,
    path: target,
    cleanup,
  };
}

function nameFromUrl(url: string): string | undefined {
  try {
    const base = path.basename(new URL(url).pathname);
    return base && base !== "/" ? decodeURIComponent(base) : undefined;
  } catch {
    return undefined;
  }
}

/** Streams a response body to `folder/fileName` (folder created if needed); returns the path. */
export async function saveStream(
  stream: Readable,
  folder: string,
  fileName: string,
): Promise<string> {
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, path.basename(fileName));
  await pipeline(stream, fs.createWriteStream(target));
  return target;
}

/** A fresh folder under the system's temporary directory, for downloads without a target. */
export function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-download-"));
}
