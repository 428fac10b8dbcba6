import {
  changeItemResources,
  getItemResourceStream,
  getItemResourceText,
  listItemResources,
  removeItemResources,
} from "../rest/item-resources";
import { ownerOf } from "./item-owner";
import { inspect } from "node:util";
import path from "node:path";
import { checkFileInput, saveStream, temporaryFolder, type FileInput } from "./file-inputs";
import type { Item } from "./item";
import { withPreparedFiles } from "./item-files";
import { optionalBoolean, optionalNonEmptyString, requireString } from "../arguments";

/** One resource file of an item, as `list()` gives it. */
export interface ResourceInfo {
  resource: string;
  created?: number;
  size?: number;
  access?: string;
}

/** The answer of addResources/updateResources. */
export interface ResourceChange {
  success: boolean;
  itemId?: string;
  owner?: string;
  folder?: string;
}

/**
 * The resource files of an item (styles, images, configuration).
 * Python: `arcgis.gis.ResourceManager` (reached through `item.resources`).
 * @example
 * await item.resources.add({ file: "logo.png", folderName: "images" });
 * console.log(await item.resources.list());
 */
export class ResourceManager {
  /**
   * Made by the item: use `item.resources`.
   * Python: `ResourceManager(item, gis)`.
   * @example
   * const resources = item.resources;
   */
  constructor(private readonly item: Item) {}

  /**
   * Adds a file (or text saved as `fileName`); with `archive` a zip is unpacked into the
   * resources. Python: `ResourceManager.add(file=None, folder_name=None, file_name=None, text=None, archive=False)`.
   * @example
   * await item.resources.add({ fileName: "config.json", text: JSON.stringify({ a: 1 }) });
   */
  async add(
    options: {
      file?: FileInput;
      folderName?: string;
      fileName?: string;
      text?: string;
      archive?: boolean;
    } = {},
  ): Promise<ResourceChange> {
    return this.change(
      "addResources",
      options.file,
      options,
      optionalBoolean(options.archive, "archive") ?? false,
    );
  }

  /**
   * Replaces an existing resource file.
   * Python: `ResourceManager.update(file, folder_name=None, file_name=None, text=None)`.
   * @example
   * await item.resources.update("logo.png", { folderName: "images" });
   */
  async update(
    file: FileInput | null,
    options: { folderName?: string; fileName?: string; text?: string } = {},
  ): Promise<ResourceChange> {
    return this.change("updateResources", file ?? undefined, options, false);
  }

  private async change(
    operation: "addResources" | "updateResources",
    file: FileInput | undefined,
    options: { folderName?: string; fileName?: string; text?: string },
    archive: boolean,
  ): Promise<ResourceChange> {
    const input = checkFileInput(file, "file");
    const folderName = optionalNonEmptyString(options.folderName, "folderName");
    const fileName = optionalNonEmptyString(options.fileName, "fileName");
    const text = options.text;
    if (text !== undefined && typeof text !== "string")
      throw new TypeError("text: expected a string");
    if (input === undefined && text === undefined) throw new TypeError("file: give a file or text");
    if (text !== undefined && fileName === undefined)
      throw new TypeError("fileName: required together with text");
    const owner = await ownerOf(this.item);
    const fallback = fileName ?? (typeof input === "string" ? path.basename(input) : "resource");
    return withPreparedFiles(
      this.item.gis,
      { file: text === undefined ? input : undefined },
      { file: fallback },
      (files) =>
        changeItemResources(
          this.item.gis.session,
          owner,
          this.item.id,
          operation,
          { resourcesPrefix: folderName, fileName, text, archive: archive || undefined },
          files,
        ),
    );
  }

  /**
   * Reads a resource: JSON parsed (with `tryJson`), otherwise saved to a file whose path is
   * returned. Python: `ResourceManager.get(file, try_json=True, out_folder=None, out_file_name=None)`.
   * @example
   * const config = await item.resources.get("config.json");
   */
  async get(
    file: string,
    options: { tryJson?: boolean; outFolder?: string; outFileName?: string } = {},
  ): Promise<unknown> {
    requireString(file, "file");
    const tryJson = optionalBoolean(options.tryJson, "tryJson") ?? true;
    const outFolder = optionalNonEmptyString(options.outFolder, "outFolder");
    const outFileName = optionalNonEmptyString(options.outFileName, "outFileName");
    const session = this.item.gis.session;
    if (tryJson && /\.json$/i.test(file)) {
      return JSON.parse(await getItemResourceText(session, this.item.id, file)) as unknown;
    }
    const stream = await getItemResourceStream(session, this.item.id, file);
    return saveStream(stream, outFolder ?? temporaryFolder(), outFileName ?? path.basename(file));
  }

  /**
   * Every resource file of the item. Python: `ResourceManager.list()`.
   * @example
   * for (const r of await item.resources.list()) console.log(r.resource);
   */
  async list(): Promise<ResourceInfo[]> {
    const answer = await listItemResources(this.item.gis.session, this.item.id);
    return answer.resources ?? [];
  }

  /**
   * Removes one resource file, or all of them when `file` is omitted.
   * Python: `ResourceManager.remove(file=None)`.
   * @example
   * await item.resources.remove({ file: "images/logo.png" });
   */
  async remove(options: { file?: string } = {}): Promise<boolean> {
    const file = optionalNonEmptyString(options.file, "file");
    const answer = await removeItemResources(
      this.item.gis.session,
      await ownerOf(this.item),
      this.item.id,
      file,
    );
    return answer.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `ResourceManager.__repr__()`.
   * @example
   * console.log(util.inspect(item.resources));
   */
  [inspect.custom](): string {
    return `<ResourceManager item:${this.item.id}>`;
  }
}
