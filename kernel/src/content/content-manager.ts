import { searchItems } from "../rest/items";
import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import type { RequestParams } from "../session/params";
import { getItem, canDeleteItem, shareItem } from "../rest/items";
import * as folders from "../rest/folders";
import type { FolderJSON } from "../rest/folders";
import * as userItems from "../rest/user-items";
import type { BatchResult } from "../rest/user-items";
import { CategorySchemaManager } from "./category-schema-manager";
import { cloneItems, type CloneOptions } from "./clone-items";
import { chunks, mapConcurrent } from "./concurrency";
import { checkFileInput, prepareFile, type FileInput, type PreparedFile } from "./file-inputs";
import {
  groupIdsOf,
  itemIdOf,
  itemIdsOf,
  itemPropertyParams,
  usernameOf,
  type GroupLike,
  type ItemLike,
} from "./item-arguments";
import { Item } from "./item";
import { withPreparedFiles } from "./item-files";
import { itemTypeClause } from "./item-type-query";
import { itemTypeFromFile } from "./item-type-from-file";
import type { ItemJSON, ItemProperties } from "./item-json";
import { addItemInParts, MULTIPART_THRESHOLD } from "./multipart-upload";
import { pagedSearch, type SearchPageJSON } from "../rest/paged-search";
import type { FeatureCollection } from "../features/feature-collection";
import type { GeoJsonFeatureCollection } from "../features/geojson-conversion";
import {
  analyze,
  importData,
  type AnalyzeOptions,
  type ImportDataOptions,
} from "../publishing/content-publishing";
import { replaceService, type ReplaceServiceOptions } from "../publishing/replace-service";
import {
  createService,
  isServiceNameAvailable,
  type CreateServiceOptions,
} from "../publishing/create-service";
import {
  describe,
  optionalBoolean,
  optionalNonEmptyString,
  plainObject,
  requireString,
} from "../arguments";

const BATCH_SIZE = 100;
const CONCURRENT_BATCHES = 4;
const CONCURRENT_UPDATES = 8;

export type { FolderJSON } from "../rest/folders";
export type { BatchResult } from "../rest/user-items";

/** Options of `gis.content.search`. */
export interface SearchOptions {
  itemType?: string;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  maxItems?: number;
  outsideOrg?: boolean;
  categories?: string | string[];
  categoryFilters?: string | string[];
}

/** Options of `gis.content.advancedSearch`. */
export interface AdvancedSearchOptions {
  bbox?: string | number[];
  categories?: string | string[];
  categoryFilters?: string | string[];
  start?: number;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  countFields?: string | string[];
  countSize?: number;
  asDict?: boolean;
}

/** A page of item search results, with field counts when `countFields` was asked for. */
export type ItemSearchPage<T> = SearchPageJSON<T> & {
  query?: string;
  aggregations?: {
    counts: { fieldName: string; fieldValues: { value: string; count: number }[] }[];
  };
};

/**
 * The content of the GIS: search, add, get and manage items. Python: `arcgis.gis.ContentManager`
 * (reached through `gis.content`).
 * @example
 * const maps = await gis.content.search("owner:me", { itemType: "Web Map", maxItems: 50 });
 */
export class ContentManager {
  private categoryManager: CategorySchemaManager | undefined;

  /**
   * Made by the GIS: use `gis.content` rather than calling this.
   * Python: `ContentManager(gis)`.
   * @example
   * const manager = gis.content;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The organisation's content categories. Python: `ContentManager.categories`.
   * @example
   * const schema = await gis.content.categories.getSchema();
   */
  get categories(): CategorySchemaManager {
    this.categoryManager ??= new CategorySchemaManager("portals/self", this.gis);
    return this.categoryManager;
  }

  /**
   * Searches for items; by default within the organisation. `itemType` takes Python's
   * `item_type` values ("Feature Layer" finds Feature Service items, "Web Map" leaves out Web
   * Mapping Applications, …). Python: `ContentManager.search(query,
   * item_type=None, sort_field='avgRating', sort_order='desc', max_items=10, outside_org=False, …)`.
   * @example
   * const items = await gis.content.search("tags:water", { maxItems: -1 });
   */
  async search(query: string, options: SearchOptions = {}): Promise<Item[]> {
    if (typeof query !== "string")
      throw new TypeError(`query: expected a string, got ${describe(query)}`);
    const itemType = optionalNonEmptyString(options.itemType, "itemType");
    const maxItems = options.maxItems ?? 10;
    if (!Number.isInteger(maxItems) || maxItems < -1) {
      throw new RangeError(
        `maxItems: expected a whole number or -1 for all, got ${String(maxItems)}`,
      );
    }
    const outsideOrg = optionalBoolean(options.outsideOrg, "outsideOrg") ?? false;
    const sortOrder = checkSortOrder(options.sortOrder) ?? "desc";
    if (options.categories !== undefined && options.categoryFilters !== undefined) {
      throw new TypeError("categoryFilters: cannot be combined with categories");
    }
    const q = this.scopedQuery(query, itemType, outsideOrg);
    const results = await pagedSearch<ItemJSON>(
      this.gis.session,
      "search",
      {
        q,
        sortField: optionalNonEmptyString(options.sortField, "sortField") ?? "avgRating",
        sortOrder,
        categories: stringList(options.categories, "categories"),
        categoryFilters: stringList(options.categoryFilters, "categoryFilters"),
      },
      maxItems,
    );
    return results.map((json) => new Item(this.gis, json.id, json));
  }

  /** Adds the type and (unless searching outside it) the organisation to a query. */
  private scopedQuery(query: string, itemType: string | undefined, outsideOrg: boolean): string {
    const parts = query.trim() === "" ? [] : [`(${query})`];
    if (itemType) parts.push(itemTypeClause(itemType));
    const orgId = this.gis.properties.id;
    if (!outsideOrg && this.gis.users.me && typeof orgId === "string") parts.push(`orgid:${orgId}`);
    return parts.length === 0 ? "*" : parts.join(" AND ");
  }

  /**
   * One page of a search with every option of the REST API; results are Items unless `asDict`.
   * Python: `ContentManager.advanced_search(query, bbox=None, …, as_dict=False)`.
   * @example
   * const page = await gis.content.advancedSearch("type:CSV", { countFields: "tags", start: 101 });
   * for (const item of page.results) console.log(item.title);
   */
  async advancedSearch(
    query: string,
    options: AdvancedSearchOptions & { asDict: true },
  ): Promise<ItemSearchPage<ItemJSON>>;
  async advancedSearch(
    query: string,
    options?: AdvancedSearchOptions & { asDict?: false },
  ): Promise<ItemSearchPage<Item>>;
  async advancedSearch(
    query: string,
    options?: AdvancedSearchOptions,
  ): Promise<ItemSearchPage<Item> | ItemSearchPage<ItemJSON>>;
  async advancedSearch(
    query: string,
    options: AdvancedSearchOptions = {},
  ): Promise<ItemSearchPage<Item> | ItemSearchPage<ItemJSON>> {
    if (typeof query !== "string")
      throw new TypeError(`query: expected a string, got ${describe(query)}`);
    const start = options.start ?? 1;
    if (!Number.isInteger(start) || start < 1)
      throw new RangeError(`start: expected a whole number from 1, got ${String(start)}`);
    const countSize = options.countSize;
    if (
      countSize !== undefined &&
      (!Number.isInteger(countSize) || countSize < 1 || countSize > 200)
    ) {
      throw new RangeError(
        `countSize: expected a whole number from 1 to 200, got ${String(countSize)}`,
      );
    }
    const bbox = options.bbox;
    if (
      bbox !== undefined &&
      !(typeof bbox === "string" || (Array.isArray(bbox) && bbox.length === 4))
    ) {
      throw new TypeError(
        "bbox: expected xmin,ymin,xmax,ymax as a string or a list of four numbers",
      );
    }
    const asDict = optionalBoolean(options.asDict, "asDict");
    const page = await searchItems(this.gis.session, {
      q: query,
      bbox,
      categories: stringList(options.categories, "categories"),
      categoryFilters: stringList(options.categoryFilters, "categoryFilters"),
      start,
      num: 100,
      sortField: optionalNonEmptyString(options.sortField, "sortField") ?? "avgrating",
      sortOrder: checkSortOrder(options.sortOrder) ?? "desc",
      countFields: stringList(options.countFields, "countFields"),
      countSize,
    });
    if (asDict) return page;
    return { ...page, results: page.results.map((json) => new Item(this.gis, json.id, json)) };
  }

  /**
   * The item with this id, or null when it does not exist or is hidden from you.
   * Python: `ContentManager.get(itemid)`.
   * @example
   * const item = await gis.content.get("4f5b…");
   */
  async get(itemid: string): Promise<Item | null> {
    requireString(itemid, "itemid");
    try {
      const json = await getItem(this.gis.session, itemid);
      return new Item(this.gis, json.id, json);
    } catch (error) {
      if (error instanceof ArcGISError && error.messageCode === "CONT_0001") return null;
      throw error;
    }
  }

  /**
   * Adds an item. `data`, `thumbnail` and `metadata` take a path, a URL, a Buffer or a stream;
   * data over 10 MB goes up in parts. Without `type`, the type is read from the file's name (and a
   * zip's contents: Shapefile, File Geodatabase) as Python infers it. Python: `ContentManager.add(item_properties, data=None,
   * thumbnail=None, metadata=None, owner=None, folder=None)`.
   * @example
   * const csv = await gis.content.add({ title: "Trees", type: "CSV", tags: ["trees"] }, { data: "trees.csv" });
   */
  async add(
    itemProperties: ItemProperties,
    options: {
      data?: FileInput;
      thumbnail?: FileInput;
      metadata?: FileInput;
      owner?: string | { username: string };
      folder?: string;
    } = {},
  ): Promise<Item> {
    const properties = plainObject(itemProperties, "itemProperties") as ItemProperties;
    if (properties.type !== undefined) requireString(properties.type, "itemProperties.type");
    const data = checkFileInput(options.data, "data");
    const thumbnail = checkFileInput(options.thumbnail, "thumbnail");
    const metadata =
      typeof options.metadata === "string" && options.metadata.trim().startsWith("<")
        ? Buffer.from(options.metadata)
        : checkFileInput(options.metadata, "metadata");
    const owner = this.ownerName(options.owner);
    const folder = optionalNonEmptyString(options.folder, "folder");
    if (properties.type === undefined && data === undefined) {
      throw new TypeError('itemProperties.type: required (the item\'s type, such as "CSV")');
    }

    const folderId = folder ? await this.folderId(folder, owner, true) : undefined;
    const params = itemPropertyParams(properties);
    const fallbackName = properties.fileName ?? properties.title ?? "data";
    const prepared =
      data === undefined ? undefined : await prepareFile(this.gis.session, data, fallbackName);
    try {
      if (properties.type === undefined && prepared) {
        params.type = inferredItemType(prepared, properties.fileName);
      }
      if (prepared && prepared.path && prepared.size > MULTIPART_THRESHOLD) {
        if (params.title === undefined) params.title = prepared.filename;
        const id = await addItemInParts(this.gis, owner, folderId, params, {
          ...prepared,
          path: prepared.path,
        });
        const item = await new Item(this.gis, id).refresh();
        if (thumbnail !== undefined || metadata !== undefined)
          await item.update({ thumbnail, metadata });
        return item;
      }
      const result = await withPreparedFiles(
        this.gis,
        { thumbnail, metadata },
        { thumbnail: "thumbnail.png", metadata: "metadata.xml" },
        (files) => {
          const all = { ...(files ?? {}), ...(prepared ? { file: prepared.part } : {}) };
          const withName: RequestParams = prepared
            ? { filename: properties.fileName ?? prepared.filename, ...params }
            : params;
          return userItems.addItem(
            this.gis.session,
            owner,
            folderId,
            withName,
            Object.keys(all).length > 0 ? all : undefined,
          );
        },
      );
      return await new Item(this.gis, result.id).refresh();
    } finally {
      prepared?.cleanup();
    }
  }

  /** The username for an `owner` option, defaulting to the signed-in user. */
  private ownerName(owner: unknown): string {
    const name = usernameOf(owner, "owner") ?? this.gis.users.me?.username;
    if (!name) throw new TypeError("owner: required when no user is signed in");
    return name;
  }

  /**
   * The folders of a user.
   * tsgis's shortcut for Python's `User.folders` of that owner.
   * @example
   * const folders = await gis.content.folders("publisher");
   */
  async folders(owner?: string): Promise<FolderJSON[]> {
    const name = this.ownerName(owner);
    return folders.getFolders(this.gis.session, name);
  }

  /** A folder's id from its title or id. @internal */
  async folderId(folder: string, owner: string, required = true): Promise<string | undefined> {
    const list = await this.folders(owner);
    const match =
      list.find((f) => f.id === folder) ??
      list.find((f) => f.title.toLowerCase() === folder.toLowerCase());
    if (!match && required) throw new RangeError(`folder: ${owner} has no folder "${folder}"`);
    return match?.id;
  }

  /**
   * Creates a folder; null if it already exists. Python: `ContentManager.create_folder(folder, owner=None)`.
   * @example
   * await gis.content.createFolder("Projects");
   */
  async createFolder(
    folder: string,
    options: { owner?: string | { username: string } } = {},
  ): Promise<FolderJSON | null> {
    requireString(folder, "folder");
    if (folder === "/") throw new RangeError('folder: "/" is the root folder, which always exists');
    const owner = this.ownerName(options.owner);
    try {
      const answer = await folders.createFolder(this.gis.session, owner, folder);
      return answer.folder;
    } catch (error) {
      if (error instanceof ArcGISError && error.messageCode === "CONT_0042") return null;
      throw error;
    }
  }

  /**
   * Renames a folder. Python: `ContentManager.rename_folder(old_folder, new_folder, owner=None)`.
   * @example
   * await gis.content.renameFolder("Projects", "Archive");
   */
  async renameFolder(
    oldFolder: string,
    newFolder: string,
    options: { owner?: string | { username: string } } = {},
  ): Promise<boolean> {
    requireString(oldFolder, "oldFolder");
    requireString(newFolder, "newFolder");
    const owner = this.ownerName(options.owner);
    const id = (await this.folderId(oldFolder, owner)) as string;
    const answer = await folders.updateFolder(this.gis.session, owner, id, newFolder);
    return answer.success === true;
  }

  /**
   * Deletes a folder and the items in it. Python: `ContentManager.delete_folder(folder, owner=None)`.
   * @example
   * await gis.content.deleteFolder("Archive");
   */
  async deleteFolder(
    folder: string,
    options: { owner?: string | { username: string } } = {},
  ): Promise<boolean> {
    requireString(folder, "folder");
    const owner = this.ownerName(options.owner);
    const id = await this.folderId(folder, owner, false);
    if (!id) return false;
    const answer = await folders.deleteFolder(this.gis.session, owner, id);
    return answer.success === true;
  }

  /**
   * Whether an item can be deleted (not protected, no blocking dependents).
   * Python: `ContentManager.can_delete(item)`.
   * @example
   * const { success } = await gis.content.canDelete(item);
   */
  async canDelete(
    item: ItemLike,
  ): Promise<{ itemId: string; success: boolean; reason?: { message?: string } }> {
    const loaded = await this.itemOf(item, "item");
    return canDeleteItem(this.gis.session, loaded.owner as string, loaded.id);
  }

  /**
   * Deletes several items of the signed-in user (or, for admins, of their owners); true if all
   * were deleted. Python: `ContentManager.delete_items(items)`.
   * @example
   * await gis.content.deleteItems([item1, item2]);
   */
  async deleteItems(items: ItemLike[]): Promise<boolean> {
    const ids = itemIdsOf(items, "items");
    if (ids.length === 0) return true;
    const loaded = await mapConcurrent(ids, CONCURRENT_UPDATES, (id) => this.itemOf(id, "items"));
    const byOwner = new Map<string, string[]>();
    for (const item of loaded)
      byOwner.set(item.owner as string, [...(byOwner.get(item.owner as string) ?? []), item.id]);
    const outcomes = await mapConcurrent(
      [...byOwner.entries()].flatMap(([owner, list]) =>
        chunks(list, BATCH_SIZE).map((batch) => ({ owner, batch })),
      ),
      CONCURRENT_BATCHES,
      ({ owner, batch }) => userItems.deleteItems(this.gis.session, owner, batch),
    );
    return outcomes.every((outcome) => (outcome.results ?? []).every((result) => result.success));
  }

  /**
   * Applies the same properties to many items; returns one result per item.
   * Python: `ContentManager.bulk_update(itemids, properties)`.
   * @example
   * await gis.content.bulkUpdate([a, b], { categories: ["/Categories/Water"] });
   */
  async bulkUpdate(
    itemids: ItemLike[],
    properties: ItemProperties,
  ): Promise<{ results: { itemid: string; success: boolean }[] }[]> {
    const ids = itemIdsOf(itemids, "itemids");
    plainObject(properties, "properties");
    const results = await mapConcurrent(ids, CONCURRENT_UPDATES, async (id) => {
      try {
        const item = await this.itemOf(id, "itemids");
        return { itemid: id, success: await item.update({ itemProperties: properties }) };
      } catch {
        return { itemid: id, success: false };
      }
    });
    return [{ results }];
  }

  /**
   * Shares many items at once, in batches of 100. Python: `ContentManager.share_items(items,
   * everyone=False, org=False, groups=None, allow_members_to_edit=False)`.
   * @example
   * await gis.content.shareItems(items, { groups: [group] });
   */
  async shareItems(
    items: ItemLike[],
    options: {
      everyone?: boolean;
      org?: boolean;
      groups?: GroupLike[] | string;
      allowMembersToEdit?: boolean;
    } = {},
  ): Promise<{ results: BatchResult[] }> {
    const ids = itemIdsOf(items, "items");
    const groups = groupIdsOf(options.groups, "groups");
    const everyone = optionalBoolean(options.everyone, "everyone") ?? false;
    const org = optionalBoolean(options.org, "org") ?? false;
    const allowMembersToEdit =
      optionalBoolean(options.allowMembersToEdit, "allowMembersToEdit") ?? false;
    const me = this.ownerName(undefined);
    const pages = await mapConcurrent(chunks(ids, BATCH_SIZE), CONCURRENT_BATCHES, (batch) =>
      userItems.shareItems(this.gis.session, me, {
        items: batch,
        groups,
        everyone,
        org,
        confirmItemControl: allowMembersToEdit || undefined,
      }),
    );
    return { results: pages.flatMap((page) => page.results ?? []) };
  }

  /**
   * Stops sharing many items with groups (and, with `everyone`/`org`, with the public or the
   * organisation). Python: `ContentManager.unshare_items(items, groups=None, everyone=None, org=None)`.
   * @example
   * await gis.content.unshareItems(items, { groups: [group] });
   */
  async unshareItems(
    items: ItemLike[],
    options: { groups?: GroupLike[] | string; everyone?: boolean; org?: boolean } = {},
  ): Promise<{ results: BatchResult[] }> {
    const ids = itemIdsOf(items, "items");
    const groups = groupIdsOf(options.groups, "groups");
    const everyone = optionalBoolean(options.everyone, "everyone") ?? false;
    const org = optionalBoolean(options.org, "org") ?? false;
    if (groups.length === 0 && !everyone && !org) {
      throw new TypeError("groups: give groups, everyone or org to unshare from");
    }
    const me = this.ownerName(undefined);
    const results: BatchResult[] = [];
    if (groups.length > 0) {
      const pages = await mapConcurrent(chunks(ids, BATCH_SIZE), CONCURRENT_BATCHES, (batch) =>
        userItems.unshareItems(this.gis.session, me, { items: batch, groups }),
      );
      results.push(...pages.flatMap((page) => page.results ?? []));
    }
    if (everyone || org) {
      // Narrowing access is a per-item share with the remaining level.
      const narrowed = await mapConcurrent(ids, CONCURRENT_UPDATES, async (id) => {
        const json = await getItem(this.gis.session, id);
        const keepOrg = !org && (json.access === "org" || json.access === "public");
        await shareItem(this.gis.session, id, {
          everyone: false,
          org: keepOrg,
        });
        return { itemId: id, success: true };
      });
      if (groups.length === 0) results.push(...narrowed);
    }
    return { results };
  }

  /**
   * Copies items (and the items they depend on) into this GIS, from this or another GIS; web
   * maps and apps get the new ids. Python: `ContentManager.clone_items(items, folder=None, …)`.
   * @example
   * const cloned = await target.content.cloneItems([webmap], { folder: "Copies" });
   */
  async cloneItems(items: Item[], options: CloneOptions = {}): Promise<Item[]> {
    if (!Array.isArray(items) || items.some((item) => !(item instanceof Item))) {
      throw new TypeError("items: expected a list of Item objects");
    }
    return cloneItems(this.gis, items, options);
  }

  /**
   * Creates an empty hosted feature service (or view) and its item.
   * Python: `ContentManager.create_service(name, service_description='', ...)`.
   * @example
   * const item = await gis.content.createService("Parks", { capabilities: "Query,Editing", wkid: 4326 });
   */
  async createService(name: string, options: CreateServiceOptions = {}): Promise<Item> {
    return createService(this.gis, name, options);
  }

  /**
   * Whether no service of this name and type exists yet.
   * Python: `ContentManager.is_service_name_available(service_name, service_type)`.
   * @example
   * if (await gis.content.isServiceNameAvailable("Parks", "featureService")) { ... }
   */
  async isServiceNameAvailable(serviceName: string, serviceType: string): Promise<boolean> {
    return isServiceNameAvailable(this.gis, serviceName, serviceType);
  }

  /**
   * Analyzes a CSV file, text or item and proposes publishParameters (detected location
   * fields included). Python: `ContentManager.analyze(url=None, item=None, file_path=None, ...)`.
   * @example
   * const { publishParameters } = await gis.content.analyze({ item: csvItem, fileType: "csv" });
   */
  async analyze(options: AnalyzeOptions = {}): Promise<Record<string, unknown>> {
    return analyze(this.gis, options);
  }

  /**
   * Imports records (located by coordinates or geocoded addresses) as an in-memory
   * FeatureCollection, or publishes a GeoJSON FeatureCollection as a hosted feature layer.
   * Python: `ContentManager.import_data(df, address_fields=None, folder=None, **kwargs)`.
   * @example
   * const layerItem = await gis.content.importData(geojson, { title: "Stations" });
   */
  async importData(
    df: Record<string, unknown>[] | GeoJsonFeatureCollection,
    options: ImportDataOptions = {},
  ): Promise<Item | FeatureCollection> {
    return importData(this.gis, df, options);
  }

  /**
   * Replaces the service behind `replaceItem` with the one behind `newItem`; the old service is
   * archived under `replacedServiceName`. Python: `ContentManager.replace_service(replace_item,
   * new_item, replaced_service_name=None, replace_metadata=False)`.
   * @example
   * await gis.content.replaceService(production, staging, { replacedServiceName: "Tiles_2024" });
   */
  async replaceService(
    replaceItem: Item | string,
    newItem: Item | string,
    options: ReplaceServiceOptions = {},
  ): Promise<boolean> {
    return replaceService(this.gis, replaceItem, newItem, options);
  }

  /** An Item (loaded) from an Item or an id. */
  private async itemOf(value: ItemLike, argument: string): Promise<Item> {
    if (value instanceof Item && value.owner) return value;
    const id = itemIdOf(value, argument);
    const item = await this.get(id);
    if (!item) throw new RangeError(`${argument}: no item ${id}`);
    return item;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `ContentManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.content));
   */
  [inspect.custom](): string {
    return `<ContentManager url:"${this.gis.url}">`;
  }
}

function checkSortOrder(value: unknown): "asc" | "desc" | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== "asc" && value !== "desc")
    throw new RangeError(`sortOrder: expected "asc" or "desc", got ${String(value)}`);
  return value;
}

function stringList(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
  throw new TypeError(
    `${argument}: expected a string or a list of strings, got ${describe(value)}`,
  );
}

/** The type of an item added without one, from its file as Python infers it. */
function inferredItemType(prepared: PreparedFile, fileName: string | undefined): string {
  const name = fileName ?? prepared.filename;
  const buffer = "buffer" in prepared.part ? prepared.part.buffer : undefined;
  const type = itemTypeFromFile(name, { path: prepared.path, buffer });
  if (type === undefined) {
    throw new TypeError(
      `itemProperties.type: required, as the type of "${name}" cannot be told from its name or contents`,
    );
  }
  return type;
}
