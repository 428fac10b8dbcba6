// An item's files: its data (read as JSON or text, or saved to disk), the files under its
// info folder (thumbnail, metadata), and the upload parts an update or an add sends.
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import * as rest from "../rest/items";
import type { FilePart } from "../session/files";
import type { Session } from "../session/session";
import {
  checkFileInput,
  prepareFile,
  saveStream,
  temporaryFolder,
  type FileInput,
  type PreparedFile,
} from "./file-inputs";
import type { ItemJSON } from "./item-json";

/** Data files read as text (and parsed as JSON when asked); every other file is saved. */
const TEXT_EXTENSIONS = new Set([".json", ".geojson", ".txt", ".xml", ".csv"]);

/** Python's `Item.get_data`: parsed JSON, text, or the path of a saved copy; null when empty. */
export async function readItemData(
  session: Session,
  item: ItemJSON,
  tryJson: boolean,
): Promise<unknown> {
  const name = item.name;
  const isText = !name || TEXT_EXTENSIONS.has(path.extname(name).toLowerCase());
  if (!isText) {
    const stream = await rest.getItemDataStream(session, item.id);
    return saveStream(stream, temporaryFolder(), name);
  }
  const text = await rest.getItemDataText(session, item.id);
  if (text === "") return null;
  if (!tryJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Saves the item's data in `folder`; null when the item has none. */
export async function downloadItemData(
  session: Session,
  item: ItemJSON,
  folder: string,
  fileName: string | undefined,
): Promise<string | null> {
  const stream = await rest.getItemDataStream(session, item.id);
  const target = await saveStream(stream, folder, fileName ?? item.name ?? `${item.id}.json`);
  if (fs.statSync(target).size === 0 && !item.name) {
    fs.rmSync(target);
    return null;
  }
  return target;
}

/** A file under the item's info folder (`thumbnail/x.png`, `metadata/metadata.xml`), or null. */
export async function readInfoFile(
  session: Session,
  itemId: string,
  relative: string,
): Promise<Buffer | null> {
  try {
    return await rest.getItemInfoBuffer(session, itemId, relative);
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

/** Saves a file of the item's info folder in `folder` under its own name; null when absent. */
export async function downloadInfoFile(
  session: Session,
  itemId: string,
  relative: string,
  folder: string,
): Promise<string | null> {
  let stream: Readable;
  try {
    stream = await rest.getItemInfoStream(session, itemId, relative);
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  return saveStream(stream, folder, path.basename(relative));
}

/** A missing info file answers 400 or 404; an item the caller cannot read must still throw. */
function isMissingFile(error: unknown): boolean {
  return (
    error instanceof ArcGISError &&
    (error.code === 400 || error.code === 404) &&
    !/inaccessible/i.test(error.message)
  );
}

/** Metadata may also be given as XML text. */
export function metadataInput(value: unknown, argument: string): FileInput | undefined {
  if (typeof value === "string" && value.trim().startsWith("<")) return Buffer.from(value, "utf8");
  return checkFileInput(value, argument);
}

/** Prepares upload parts (downloading URLs, spooling streams), runs `send`, then cleans up. */
export async function withPreparedFiles<T>(
  gis: GIS,
  inputs: Record<string, FileInput | undefined>,
  names: Record<string, string>,
  send: (files: Record<string, FilePart> | undefined) => Promise<T>,
): Promise<T> {
  const prepared: Record<string, PreparedFile> = {};
  try {
    for (const [field, input] of Object.entries(inputs)) {
      if (input !== undefined)
        prepared[field] = await prepareFile(gis.session, input, names[field] ?? field);
    }
    const files = Object.fromEntries(
      Object.entries(prepared).map(([field, file]) => [field, file.part]),
    );
    return await send(Object.keys(files).length > 0 ? files : undefined);
  } finally {
    for (const file of Object.values(prepared)) file.cleanup();
  }
}
