import { invalidParameter } from "../server/arcgis-error";
import { optionalBoolean, optionalJsonObject, optionalString } from "../server/param-readers";
import type { ItemFields } from "../store/item-store";
import type { ItemRecord } from "../model/item-record";

const EXTRA_STRING_FIELDS = [
  "culture",
  "licenseInfo",
  "accessInformation",
  "documentation",
  "proxyFilter",
] as const;

const MAX_SNIPPET = 2048;

/**
 * Reads the item fields of an addItem or update request. Only fields present in the request
 * are returned; empty ones are cleared when `clearEmptyFields=true`, as the real API does.
 */
export function readItemFields(
  params: Record<string, string>,
  current: ItemRecord | null,
): { fields: ItemFields; categories: string[] | undefined } {
  const clearEmpty = optionalBoolean(params, "clearEmptyFields") ?? false;
  const has = (name: string): boolean =>
    name in params && (params[name].trim() !== "" || clearEmpty);
  const fields: ItemFields = {};
  if (has("title")) {
    const title = params.title.trim();
    if (title === "") throw invalidParameter("title", "must not be empty.");
    fields.title = title;
  }
  if (has("type")) fields.type = params.type.trim();
  if (has("typeKeywords")) fields.typeKeywords = readList(params.typeKeywords);
  if (has("tags")) fields.tags = readList(params.tags);
  if (has("snippet")) {
    if (params.snippet.length > MAX_SNIPPET) {
      throw invalidParameter("snippet", `must be at most ${MAX_SNIPPET} characters.`);
    }
    fields.snippet = params.snippet || null;
  }
  if (has("description")) fields.description = params.description || null;
  if (has("url")) fields.url = params.url || null;
  if (has("extent")) fields.extent = readExtent(params.extent);
  if (has("properties")) fields.properties = optionalJsonObject(params, "properties") ?? null;

  const extra: Record<string, unknown> = { ...(current?.extra ?? {}) };
  let extraChanged = false;
  for (const name of EXTRA_STRING_FIELDS) {
    if (!has(name)) continue;
    extra[name] = optionalString(params, name) ?? null;
    extraChanged = true;
  }
  if (has("spatialReference")) {
    extra.spatialReference = optionalString(params, "spatialReference") ?? null;
    extraChanged = true;
  }
  if (has("commentsEnabled")) {
    extra.commentsEnabled = optionalBoolean(params, "commentsEnabled") ?? true;
    extraChanged = true;
  }
  if (extraChanged) fields.extra = extra;
  const categories = has("categories") ? readList(params.categories) : undefined;
  return { fields, categories };
}

/** `xmin,ymin,xmax,ymax` or `[[xmin,ymin],[xmax,ymax]]`; an empty value clears the extent. */
function readExtent(text: string): number[][] | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "[]") return null;
  let numbers: number[];
  if (trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw invalidParameter("extent", "is not valid JSON.");
    }
    numbers = (Array.isArray(parsed) ? parsed.flat() : []).map(Number);
  } else {
    numbers = trimmed.split(/[\s,]+/).map(Number);
  }
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidParameter("extent", "must be xmin,ymin,xmax,ymax.");
  }
  const [xmin, ymin, xmax, ymax] = numbers;
  return [
    [xmin, ymin],
    [xmax, ymax],
  ];
}

/** Comma-separated lists, or JSON arrays of strings, as clients send both. */
export function readList(text: string | undefined): string[] {
  if (text === undefined) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed)) return parsed.map((value) => String(value).trim()).filter(Boolean);
    } catch {
      // Not JSON after all: read it as a comma-separated list.
    }
  }
  return trimmed
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}
