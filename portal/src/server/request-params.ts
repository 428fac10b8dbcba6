import { URLSearchParams } from "node:url";
import { invalidParameter } from "./arcgis-error";

export interface UploadedFile {
  readonly filename: string;
  readonly mimetype: string;
  readonly data: Buffer;
}

/** The request's parameters from the query string and the body, the body winning on a clash. */
export interface RequestParams {
  readonly values: Record<string, string>;
  readonly files: Record<string, UploadedFile>;
}

export function collectParams(query: unknown, body: unknown): RequestParams {
  const values: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  addEntries(values, files, query);
  addEntries(values, files, typeof body === "string" ? new URLSearchParams(body) : body);
  return { values, files };
}

function addEntries(
  values: Record<string, string>,
  files: Record<string, UploadedFile>,
  source: unknown,
): void {
  if (source instanceof URLSearchParams) {
    for (const [key, value] of source) values[key] = value;
    return;
  }
  if (!source || typeof source !== "object" || Buffer.isBuffer(source)) return;
  for (const [key, raw] of Object.entries(source as Record<string, unknown>)) {
    // A repeated parameter counts once, with its last value.
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (isMultipartFile(value)) files[key] = toUploadedFile(key, value);
    else if (isMultipartField(value)) values[key] = String(value.value);
    else if (typeof value === "string") values[key] = value;
    else if (value !== undefined && value !== null) values[key] = JSON.stringify(value);
  }
}

interface MultipartFieldLike {
  type: "field";
  value: unknown;
}

interface MultipartFileLike {
  type: "file";
  filename: string;
  mimetype: string;
  value: unknown;
}

function isMultipartField(value: unknown): value is MultipartFieldLike {
  return (
    typeof value === "object" && value !== null && (value as { type?: unknown }).type === "field"
  );
}

function isMultipartFile(value: unknown): value is MultipartFileLike {
  return (
    typeof value === "object" && value !== null && (value as { type?: unknown }).type === "file"
  );
}

function toUploadedFile(key: string, part: MultipartFileLike): UploadedFile {
  // File names become paths on disk: control characters (NUL above all) are refused up front.
  if ([...part.filename].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    throw invalidParameter(key, "has a file name with control characters.");
  const data = Buffer.isBuffer(part.value) ? part.value : Buffer.alloc(0);
  return { filename: part.filename, mimetype: part.mimetype, data };
}
