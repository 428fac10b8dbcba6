import { ownerOf } from "./item-owner";
import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { Group } from "../groups/group";
import * as rest from "../rest/items";
import type { ItemComment } from "../rest/items";
import { registerApp, unregisterApp } from "../rest/oauth-apps";
import { addRelationship, deleteRelationship } from "../rest/user-items";
import { itemUrl, ownerItemUrl } from "../rest/content-urls";
import {
  groupIdsOf,
  itemIdOf,
  itemPropertyParams,
  usernameOf,
  type GroupLike,
  type ItemLike,
} from "./item-arguments";
import type { FeatureLayer } from "../features/feature-layer";
import { itemServiceLayers } from "../features/feature-layer-collection";
import type { FeatureCollection } from "../features/feature-collection";
import { featureCollectionItemLayers } from "../features/feature-collection-item";
import { createThumbnail } from "../publishing/thumbnail";
import { createTileService, type CreateTileServiceOptions } from "../publishing/tile-service";
import {
  copyFeatureLayerCollection,
  type CopyFeatureLayerCollectionOptions,
} from "../publishing/copy-feature-layer-collection";
import {
  exportItem,
  itemStatus,
  publishItem,
  type ExportOptions,
  type PublishOptions,
} from "../publishing/item-publishing";
import type { JobStatus } from "../publishing/job-wait";
import { itemCardHtml } from "./item-card";
import { shownTypeName } from "./item-type-names";
import { ItemDependencies } from "./item-dependencies";
import type { ItemJSON, ItemProperties } from "./item-json";
import { checkFileInput, temporaryFolder, type FileInput } from "./file-inputs";
import { ResourceManager } from "./resource-manager";
import { exposeJsonFields } from "../json-fields";
import { usageRange, type UsageRow } from "./usage";
import { getUsage, type UsageReport } from "../rest/portals";
import {
  numberInRange,
  optionalBoolean,
  optionalChoice,
  optionalNonEmptyString,
  plainObject,
  requireChoice,
  requireString,
} from "../arguments";
import {
  downloadInfoFile,
  downloadItemData,
  metadataInput,
  readInfoFile,
  readItemData,
  withPreparedFiles,
} from "./item-files";
import { relationshipType } from "./item-relationships";

const APP_TYPES = ["browser", "native", "server", "multiple"] as const;

/** The sharing state of an item. Python: the `Item.shared_with` dictionary. */
export interface SharedWith {
  everyone: boolean;
  org: boolean;
  groups: Group[];
}

/** A comment on an item (declared with its REST operation). */
export type { ItemComment };

/**
 * An item (a unit of content) in the GIS. Its REST fields are readonly properties
 * (`item.title`, `item.type`, …); `toJSON()` gives the raw JSON.
 *
 * Python: `arcgis.gis.Item`.
 * @example
 * const item = await gis.content.get("4f5b…");
 * console.log(item?.title, item?.type, item?.owner);
 */
export class Item {
  /** Whether the item belongs to the signed-in user's organisation. Python: `Item.isOrgItem`. @example item.isOrgItem */
  declare readonly isOrgItem: boolean | undefined;
  /** The item's GUID, where one was given. Python: `Item.guid`. @example item.guid */
  declare readonly guid: string | null | undefined;
  /** Documentation text of the item. Python: `Item.documentation`. @example item.documentation */
  declare readonly documentation: string | null | undefined;
  /** Advanced settings of the item. Python: `Item.advancedSettings`. @example item.advancedSettings */
  declare readonly advancedSettings: Record<string, unknown> | null | undefined;
  /** Filters a service proxy applies. Python: `Item.proxyFilter`. @example item.proxyFilter */
  declare readonly proxyFilter: Record<string, unknown> | null | undefined;
  /** Subscription information of premium content. Python: `Item.subInfo`. @example item.subInfo */
  declare readonly subInfo: number | undefined;
  /** Categories of an application item. Python: `Item.appCategories`. @example item.appCategories */
  declare readonly appCategories: string[] | undefined;
  /** Industries an application item is for. Python: `Item.industries`. @example item.industries */
  declare readonly industries: string[] | undefined;
  /** Languages an application item supports. Python: `Item.languages`. @example item.languages */
  declare readonly languages: string[] | undefined;
  /** The large thumbnail of an application item. Python: `Item.largeThumbnail`. @example item.largeThumbnail */
  declare readonly largeThumbnail: string | null | undefined;
  /** The banner image of an application item. Python: `Item.banner`. @example item.banner */
  declare readonly banner: string | null | undefined;
  /** Screenshots of an application item. Python: `Item.screenshots`. @example item.screenshots */
  declare readonly screenshots: string[] | undefined;
  /** Whether the item is listed in the marketplace. Python: `Item.listed`. @example item.listed */
  declare readonly listed: boolean | undefined;
  /** Whether comments on the item are allowed. Python: `Item.commentsEnabled`. @example item.commentsEnabled */
  declare readonly commentsEnabled: boolean | undefined;
  /** How many ratings the item has. Python: `Item.numRatings`. @example item.numRatings */
  declare readonly numRatings: number | undefined;
  /** What the signed-in user may do with the item. Python: `Item.itemControl`. @example item.itemControl */
  declare readonly itemControl: "admin" | "update" | "read" | undefined;
  /** How complete the item's description is (0 to 100). Python: `Item.scoreCompleteness`. @example item.scoreCompleteness */
  declare readonly scoreCompleteness: number | undefined;
  /** Designations of the groups the item is shared with. Python: `Item.groupDesignations`. @example item.groupDesignations */
  declare readonly groupDesignations: string | null | undefined;
  /** When the item was last viewed (milliseconds since the epoch). Python: `Item.lastViewed`. @example item.lastViewed */
  declare readonly lastViewed: number | undefined;
  /** Whether the item is among the signed-in user's favorites. Python: `Item.isFav`. @example item.isFav */
  declare readonly isFav: boolean | undefined;

  /**
   * The item's id. Python: `Item.itemid` / `Item.id`.
   * @example
   * console.log(item.itemid);
   */
  readonly itemid: string;
  /**
   * The GIS the item belongs to.
   * Python keeps it private as `Item._gis`.
   * @example
   * console.log(item.gis.url);
   */
  readonly gis: GIS;
  private json: ItemJSON;
  private resourceManager: ResourceManager | undefined;
  private dependencyManager: ItemDependencies | undefined;

  /**
   * Python: `Item(gis, itemid, itemdict=None)`. Without `itemdict` only `id` is known until
   * `await item.refresh()`; `gis.content.get(id)` gives a loaded item.
   * @example
   * const item = new Item(gis, "4f5b…");
   * await item.refresh();
   */
  constructor(gis: GIS, itemid: string, itemdict?: ItemJSON) {
    requireString(itemid, "itemid");
    this.gis = gis;
    this.itemid = itemid;
    this.json = { ...(itemdict ?? {}), id: itemid };
    exposeJsonFields(this, this.json);
  }

  /** The item's id. Python: `Item.id`. @example item.id */
  get id(): string {
    return this.itemid;
  }
  /** Python: `Item.title`. @example item.title */
  declare readonly title: string | undefined;
  /** Python: `Item.type`. @example item.type */
  declare readonly type: string | undefined;
  /** Python: `Item.typeKeywords`. @example item.typeKeywords */
  declare readonly typeKeywords: string[] | undefined;
  /** Python: `Item.owner`. @example item.owner */
  declare readonly owner: string | undefined;
  /** Python: `Item.orgId`. @example item.orgId */
  declare readonly orgId: string | undefined;
  /** Python: `Item.name` (the data's file name). @example item.name */
  declare readonly name: string | null | undefined;
  /** Python: `Item.snippet`. @example item.snippet */
  declare readonly snippet: string | null | undefined;
  /** Python: `Item.description`. @example item.description */
  declare readonly description: string | null | undefined;
  /** Python: `Item.tags`. @example item.tags */
  declare readonly tags: string[] | undefined;
  /** Python: `Item.url`. @example item.url */
  declare readonly url: string | null | undefined;
  /** Python: `Item.access`. @example item.access */
  declare readonly access: ItemJSON["access"];
  /** Python: `Item.created` (epoch ms). @example item.created */
  declare readonly created: number | undefined;
  /** Python: `Item.modified` (epoch ms). @example item.modified */
  declare readonly modified: number | undefined;
  /** Python: `Item.size` (bytes). @example item.size */
  declare readonly size: number | undefined;
  /** Python: `Item.extent`. @example item.extent */
  declare readonly extent: number[][] | undefined;
  /** Python: `Item.thumbnail` (path under the item's info). @example item.thumbnail */
  declare readonly thumbnail: string | null | undefined;
  /** Python: `Item.categories`. @example item.categories */
  declare readonly categories: string[] | undefined;
  /** Python: `Item.ownerFolder` (folder id, null at the root). @example item.ownerFolder */
  declare readonly ownerFolder: string | null | undefined;
  /** Python: `Item.protected`. @example item.protected */
  declare readonly protected: boolean | undefined;
  /** Python: `Item.numViews`. @example item.numViews */
  declare readonly numViews: number | undefined;
  /** Python: `Item.numComments`. @example item.numComments */
  declare readonly numComments: number | undefined;
  /** Python: `Item.avgRating`. @example item.avgRating */
  declare readonly avgRating: number | undefined;
  /** Python: `Item.properties` (the item's `properties` field). @example item.properties */
  declare readonly properties: Record<string, unknown> | null | undefined;
  /** Python: `Item.spatialReference`. @example item.spatialReference */
  declare readonly spatialReference: string | null | undefined;
  /** Python: `Item.licenseInfo`. @example item.licenseInfo */
  declare readonly licenseInfo: string | null | undefined;
  /** Python: `Item.accessInformation`. @example item.accessInformation */
  declare readonly accessInformation: string | null | undefined;
  /** Python: `Item.culture`. @example item.culture */
  declare readonly culture: string | null | undefined;

  /**
   * The item's page in the portal. Python: `Item.homepage`.
   * @example
   * console.log(item.homepage);
   */
  get homepage(): string {
    return `${this.gis.url}/home/item.html?id=${encodeURIComponent(this.itemid)}`;
  }

  /**
   * "authoritative", "deprecated" or null. Python: `Item.content_status` (getter).
   * @example
   * if (item.contentStatus === "deprecated") console.log("do not use");
   */
  get contentStatus(): "authoritative" | "deprecated" | null {
    const status = this.json.contentStatus;
    if (typeof status !== "string") return null;
    if (status.endsWith("authoritative")) return "authoritative";
    return status === "deprecated" ? "deprecated" : null;
  }

  /**
   * The item's resource files. Python: `Item.resources`.
   * @example
   * await item.resources.add({ fileName: "style.json", text: "{}" });
   */
  get resources(): ResourceManager {
    this.resourceManager ??= new ResourceManager(this);
    return this.resourceManager;
  }

  /**
   * The item's dependencies (ids and URLs it relies on). Python: `Item.dependencies`.
   * @example
   * console.log(await item.dependencies.list());
   */
  get dependencies(): ItemDependencies {
    this.dependencyManager ??= new ItemDependencies(this);
    return this.dependencyManager;
  }

  /**
   * The item's REST JSON.
   * Python: `dict(item)`.
   * @example
   * JSON.stringify(item)
   */
  toJSON(): ItemJSON {
    return structuredClone(this.json);
  }

  /**
   * Reloads the item's JSON from the portal.
   * Python: reading a property of a stale `Item` reloads it the same way.
   * @example
   * await item.refresh();
   */
  async refresh(): Promise<this> {
    this.json = await rest.getItem(this.gis.session, this.itemid);
    exposeJsonFields(this, this.json);
    return this;
  }

  /**
   * `content/items/{id}`.
   * The item's REST path, relative to the Sharing REST root. Python has none public.
   * @example
   * const json = await item.gis.session.get(item.itemUrl);
   */
  get itemUrl(): string {
    return itemUrl(this.itemid);
  }

  /**
   * `content/users/{owner}/items/{id}`, loading the owner if it is not known yet.
   * Python has none public.
   * @example
   * await item.gis.session.post(`${await item.ownerItemUrl()}/update`, { snippet: "x" });
   */
  async ownerItemUrl(): Promise<string> {
    return ownerItemUrl(await this.ownerName(), this.itemid);
  }

  /** The owner's username, loading the item if it is not known yet. */
  private ownerName(): Promise<string> {
    return ownerOf(this);
  }

  /**
   * Sets the content status. Python: `Item.content_status` (setter).
   * @example
   * await item.setContentStatus("deprecated");
   */
  async setContentStatus(value: "authoritative" | "deprecated" | null): Promise<boolean> {
    if (value !== null && value !== "authoritative" && value !== "deprecated") {
      throw new RangeError(
        `value: expected "authoritative", "deprecated" or null, got ${String(value)}`,
      );
    }
    const result = await rest.setContentStatus(this.gis.session, this.itemid, {
      status: value ?? "",
      clearEmptyFields: value === null,
    });
    await this.refresh();
    return result.success === true;
  }

  /**
   * Updates the item's properties and, optionally, its data, thumbnail and metadata (each a
   * path, URL, Buffer or stream). Python: `Item.update(item_properties, data, thumbnail, metadata)`.
   * @example
   * await item.update({ itemProperties: { snippet: "Updated" }, thumbnail: "thumb.png" });
   */
  async update(
    options: {
      itemProperties?: ItemProperties;
      data?: FileInput;
      thumbnail?: FileInput;
      metadata?: FileInput;
    } = {},
  ): Promise<boolean> {
    const properties =
      options.itemProperties === undefined
        ? {}
        : plainObject(options.itemProperties, "itemProperties");
    const inputs = {
      file: checkFileInput(options.data, "data"),
      thumbnail: checkFileInput(options.thumbnail, "thumbnail"),
      metadata: metadataInput(options.metadata, "metadata"),
    };
    const owner = await this.ownerName();
    const result = await withPreparedFiles(
      this.gis,
      inputs,
      this.uploadNames(properties),
      (files) =>
        rest.updateItem(
          this.gis.session,
          owner,
          this.itemid,
          itemPropertyParams(properties),
          files,
        ),
    );
    await this.refresh();
    return result.success === true;
  }

  private uploadNames(properties: ItemProperties): Record<string, string> {
    return {
      file: properties.fileName ?? this.json.name ?? "data",
      thumbnail: "thumbnail.png",
      metadata: "metadata.xml",
    };
  }

  /**
   * Deletes the item; with `dryRun` only reports whether it could be deleted.
   * Python: `Item.delete(force=False, dry_run=False)`.
   * @example
   * const check = await item.delete({ dryRun: true });
   * if ((check as { canDelete: boolean }).canDelete) await item.delete();
   */
  async delete(
    options: { force?: boolean; dryRun?: boolean } = {},
  ): Promise<boolean | { canDelete: boolean; details: Record<string, unknown> }> {
    const force = optionalBoolean(options.force, "force");
    const dryRun = optionalBoolean(options.dryRun, "dryRun");
    const owner = await this.ownerName();
    if (dryRun) {
      const answer = await rest.canDeleteItem(this.gis.session, owner, this.itemid);
      return {
        canDelete: answer.success === true,
        details: {
          code: answer.success === true ? 200 : 400,
          message: answer.reason?.message ?? "",
          offendingItems: (answer.offendingItems ?? []).map(
            (json) => new Item(this.gis, json.id, json),
          ),
        },
      };
    }
    const result = await rest.deleteItem(this.gis.session, owner, this.itemid, { force });
    return result.success === true;
  }

  /**
   * Turns delete protection on or off. Python: `Item.protect(enable=True)`.
   * @example
   * await item.protect();
   */
  async protect(options: { enable?: boolean } = {}): Promise<{ success: boolean }> {
    const enable = optionalBoolean(options.enable, "enable") ?? true;
    const owner = await this.ownerName();
    const result = enable
      ? await rest.protectItem(this.gis.session, owner, this.itemid)
      : await rest.unprotectItem(this.gis.session, owner, this.itemid);
    await this.refresh();
    return { success: result.success === true };
  }

  /**
   * Moves the item to a folder of its owner ("/" is the root). Python: `Item.move(folder, owner=None)`.
   * @example
   * await item.move("Archive");
   */
  async move(
    folder: string | { id: string },
    options: { owner?: string | { username: string } } = {},
  ): Promise<{ success: boolean; itemId: string; owner: string; folder: string }> {
    const folderRef =
      folder && typeof folder === "object" && typeof folder.id === "string"
        ? folder.id
        : requireString(folder, "folder");
    const ownerName = usernameOf(options.owner, "owner");
    const owner = ownerName ?? (await this.ownerName());
    const folderId = folderRef === "/" ? "/" : await this.gis.content.folderId(folderRef, owner);
    const result = await rest.moveItem(this.gis.session, owner, this.itemid, folderId as string);
    await this.refresh();
    return result;
  }

  /**
   * Gives the item to another user (administrators). Python: `Item.reassign_to(target_owner, target_folder=None)`.
   * @example
   * await item.reassignTo("colleague", { targetFolder: "Handover" });
   */
  async reassignTo(
    targetOwner: string | { username: string },
    options: { targetFolder?: string } = {},
  ): Promise<boolean> {
    const target = usernameOf(targetOwner, "targetOwner") as string;
    if (target === undefined) throw new TypeError("targetOwner: expected a username or a User");
    const targetFolder = optionalNonEmptyString(options.targetFolder, "targetFolder");
    const owner = await this.ownerName();
    const result = await rest.reassignItem(this.gis.session, owner, this.itemid, {
      targetUsername: target,
      targetFoldername: targetFolder,
    });
    await this.refresh();
    return result.success === true;
  }

  /**
   * Shares the item with everyone, the organisation and/or groups.
   * Python: `Item.share(everyone=False, org=False, groups=None, allow_members_to_edit=False)`.
   * @example
   * await item.share({ org: true, groups: [group] });
   */
  async share(
    options: {
      everyone?: boolean;
      org?: boolean;
      groups?: GroupLike[] | string;
      allowMembersToEdit?: boolean;
    } = {},
  ): Promise<{ notSharedWith: string[] }> {
    const everyone = optionalBoolean(options.everyone, "everyone") ?? false;
    const org = optionalBoolean(options.org, "org") ?? false;
    const groups = groupIdsOf(options.groups, "groups");
    const allowMembersToEdit =
      optionalBoolean(options.allowMembersToEdit, "allowMembersToEdit") ?? false;
    const result = await rest.shareItem(this.gis.session, this.itemid, {
      everyone,
      org,
      groups,
      confirmItemControl: allowMembersToEdit || undefined,
    });
    await this.refresh();
    return { notSharedWith: result.notSharedWith ?? [] };
  }

  /**
   * Stops sharing the item with groups. Python: `Item.unshare(groups)`.
   * @example
   * await item.unshare([group]);
   */
  async unshare(groups: GroupLike[] | string): Promise<{ notUnsharedFrom: string[] }> {
    const ids = groupIdsOf(groups, "groups");
    if (ids.length === 0) throw new TypeError("groups: expected at least one group");
    const result = await rest.unshareItem(this.gis.session, this.itemid, { groups: ids });
    await this.refresh();
    return { notUnsharedFrom: result.notUnsharedFrom ?? [] };
  }

  /**
   * Who the item is shared with. Python: `Item.shared_with`.
   * @example
   * const { everyone, org, groups } = await item.getSharedWith();
   */
  async getSharedWith(): Promise<SharedWith> {
    const [json, groups] = await Promise.all([
      rest.getItem(this.gis.session, this.itemid),
      rest.getItemGroups(this.gis.session, this.itemid),
    ]);
    this.json = json;
    exposeJsonFields(this, this.json);
    const all = [...(groups.admin ?? []), ...(groups.member ?? []), ...(groups.other ?? [])];
    return {
      everyone: json.access === "public",
      org: json.access === "public" || json.access === "org",
      groups: all.map((group) => new Group(this.gis, group.id, group)),
    };
  }

  /**
   * The item's data: parsed JSON (with `tryJson`), text, or for files the path of a copy in a
   * temporary folder; null when the item has no data. Python: `Item.get_data(try_json=True)`.
   * @example
   * const webmap = await item.getData();
   */
  async getData(options: { tryJson?: boolean } = {}): Promise<unknown> {
    const tryJson = optionalBoolean(options.tryJson, "tryJson") ?? true;
    if (!this.json.type) await this.refresh();
    return readItemData(this.gis.session, this.json, tryJson);
  }

  /**
   * Downloads the item's data to a folder (a temporary one by default); null when the item
   * has no data. Python: `Item.download(save_path=None, file_name=None)`.
   * @example
   * const file = await item.download({ savePath: "/tmp/out" });
   */
  async download(options: { savePath?: string; fileName?: string } = {}): Promise<string | null> {
    const savePath = optionalNonEmptyString(options.savePath, "savePath") ?? temporaryFolder();
    const fileName = optionalNonEmptyString(options.fileName, "fileName");
    if (!this.json.type) await this.refresh();
    return downloadItemData(this.gis.session, this.json, savePath, fileName);
  }

  /**
   * Downloads the item's metadata XML; null when it has none.
   * Python: `Item.download_metadata(save_folder=None)`.
   * @example
   * const xml = await item.downloadMetadata({ saveFolder: "/tmp" });
   */
  async downloadMetadata(options: { saveFolder?: string } = {}): Promise<string | null> {
    const folder = optionalNonEmptyString(options.saveFolder, "saveFolder") ?? temporaryFolder();
    return downloadInfoFile(this.gis.session, this.itemid, "metadata/metadata.xml", folder);
  }

  /**
   * Downloads the thumbnail; null when the item has none. Python: `Item.download_thumbnail(save_folder=None)`.
   * @example
   * const png = await item.downloadThumbnail();
   */
  async downloadThumbnail(options: { saveFolder?: string } = {}): Promise<string | null> {
    const folder = optionalNonEmptyString(options.saveFolder, "saveFolder") ?? temporaryFolder();
    if (!this.json.type) await this.refresh();
    if (!this.json.thumbnail) return null;
    return downloadInfoFile(this.gis.session, this.itemid, this.json.thumbnail, folder);
  }

  /**
   * The thumbnail's bytes, or null. Python: `Item.get_thumbnail()`.
   * @example
   * const bytes = await item.getThumbnail();
   */
  async getThumbnail(): Promise<Buffer | null> {
    if (!this.json.type) await this.refresh();
    if (!this.json.thumbnail) return null;
    return readInfoFile(this.gis.session, this.itemid, this.json.thumbnail);
  }

  /**
   * The metadata XML, or null. Python: `Item.metadata` (getter).
   * @example
   * const xml = await item.getMetadata();
   */
  async getMetadata(): Promise<string | null> {
    const bytes = await readInfoFile(this.gis.session, this.itemid, "metadata/metadata.xml");
    return bytes ? bytes.toString("utf8") : null;
  }

  /**
   * Sets the metadata from XML text or a file. Python: `Item.metadata` (setter).
   * @example
   * await item.setMetadata("<metadata><Esri/></metadata>");
   */
  async setMetadata(xmlOrPath: string | Buffer): Promise<boolean> {
    return this.update({ metadata: metadataInput(xmlOrPath, "xmlOrPath") });
  }

  /**
   * Adds a comment; returns its id. Python: `Item.add_comment(comment)`.
   * @example
   * const id = await item.addComment("Nice map");
   */
  async addComment(comment: string): Promise<string | null> {
    requireString(comment, "comment");
    const result = await rest.addComment(this.gis.session, this.itemid, comment);
    await this.refresh();
    return result.success ? (result.commentId ?? null) : null;
  }

  /**
   * The item's comments, oldest first. Python: `Item.comments`.
   * @example
   * for (const c of await item.getComments()) console.log(c.owner, c.comment);
   */
  async getComments(): Promise<ItemComment[]> {
    const result = await rest.getComments(this.gis.session, this.itemid);
    return result.comments ?? [];
  }

  /**
   * The signed-in user's rating (1–5), or null. Python: `Item.rating` (getter).
   * @example
   * const stars = await item.getRating();
   */
  async getRating(): Promise<number | null> {
    const result = await rest.getRating(this.gis.session, this.itemid);
    return typeof result.rating === "number" ? result.rating : null;
  }

  /**
   * Rates the item from 1 to 5. Python: `Item.rating` (setter).
   * @example
   * await item.setRating(4);
   */
  async setRating(n: number): Promise<boolean> {
    numberInRange(n, "n", 1, 5);
    const result = await rest.addRating(this.gis.session, this.itemid, n);
    await this.refresh();
    return result.success === true;
  }

  /**
   * Removes the signed-in user's rating. Python: `Item.delete_rating()`.
   * @example
   * await item.deleteRating();
   */
  async deleteRating(): Promise<boolean> {
    const result = await rest.deleteRating(this.gis.session, this.itemid);
    await this.refresh();
    return result.success === true;
  }

  /**
   * Relates this item (origin) to another (destination). Python: `Item.add_relationship(rel_item, rel_type)`.
   * @example
   * await webmap.addRelationship(service, "Map2Service");
   */
  async addRelationship(relItem: ItemLike, relType: string): Promise<boolean> {
    return this.changeRelationship(addRelationship, relItem, relType);
  }

  /**
   * Removes a relationship. Python: `Item.delete_relationship(rel_item, rel_type)`.
   * @example
   * await webmap.deleteRelationship(service, "Map2Service");
   */
  async deleteRelationship(relItem: ItemLike, relType: string): Promise<boolean> {
    return this.changeRelationship(deleteRelationship, relItem, relType);
  }

  private async changeRelationship(
    operation: typeof addRelationship,
    relItem: ItemLike,
    relType: string,
  ): Promise<boolean> {
    const destination = itemIdOf(relItem, "relItem");
    const relationship = relationshipType(relType);
    const me = this.gis.users.me;
    if (!me) throw new TypeError("relationships need a signed-in user");
    const result = await operation(this.gis.session, me.username, {
      originItemId: this.itemid,
      destinationItemId: destination,
      relationshipType: relationship,
    });
    return result.success === true;
  }

  /**
   * Items related to this one. Python: `Item.related_items(rel_type, direction='forward')`.
   * @example
   * const services = await webmap.relatedItems("Map2Service");
   */
  async relatedItems(
    relType: string,
    options: { direction?: "forward" | "reverse" } = {},
  ): Promise<Item[]> {
    const relationship = relationshipType(relType);
    const direction =
      optionalChoice(options.direction, "direction", ["forward", "reverse"] as const) ?? "forward";
    const result = await rest.getRelatedItems(this.gis.session, this.itemid, {
      relationshipType: relationship,
      direction,
    });
    return (result.relatedItems ?? []).map((json) => new Item(this.gis, json.id, json));
  }

  /**
   * Registers the item as an app, giving it a client id and secret.
   * Python: `Item.register(app_type, redirect_uris=None)`.
   * @example
   * const app = await item.register("browser", { redirectUris: ["https://app.example.com"] });
   */
  async register(
    appType: string,
    options: { redirectUris?: string[] } = {},
  ): Promise<Record<string, unknown>> {
    const type = requireChoice(appType, "appType", APP_TYPES);
    const redirectUris = options.redirectUris ?? [];
    if (!Array.isArray(redirectUris) || redirectUris.some((uri) => typeof uri !== "string")) {
      throw new TypeError("redirectUris: expected a list of URI strings");
    }
    const result = await registerApp(this.gis.session, {
      itemId: this.itemid,
      appType: type,
      redirect_uris: JSON.stringify(redirectUris),
    });
    await this.refresh();
    return result;
  }

  /**
   * Removes the app registration. Python: `Item.unregister()`.
   * @example
   * await item.unregister();
   */
  async unregister(): Promise<boolean> {
    const info = await this.getAppInfo();
    const clientId = info.client_id;
    if (typeof clientId !== "string") return false;
    const result = await unregisterApp(this.gis.session, clientId);
    await this.refresh();
    return result.success === true;
  }

  /**
   * The registered app's details (client id, secret, redirect URIs); empty when not registered.
   * Python: `Item.app_info`.
   * @example
   * const { client_id } = await item.getAppInfo();
   */
  async getAppInfo(): Promise<Record<string, unknown>> {
    const owner = await this.ownerName();
    try {
      return await rest.getRegisteredAppInfo(this.gis.session, owner, this.itemid);
    } catch (error) {
      if (error instanceof ArcGISError && error.code === 400) return {};
      throw error;
    }
  }

  /**
   * The hosted proxies of a registered app. Python: `Item.proxies`.
   * @example
   * const proxies = await item.getProxies();
   */
  async getProxies(): Promise<Record<string, unknown>[]> {
    const owner = await this.ownerName();
    const result = await rest.getItemProxies(this.gis.session, owner, this.itemid);
    return result.appProxies ?? [];
  }

  /**
   * Views of the item over a period ("24H", "7D", "14D", "30D", "60D", "6M", "1Y"): rows of
   * `{ date, usage }` (with `asDf`) or the raw answer. Python: `Item.usage(date_range='7D', as_df=True)`.
   * @example
   * const rows = await item.usage({ dateRange: "30D" });
   */
  async usage(
    options: { dateRange?: string; asDf?: boolean } = {},
  ): Promise<UsageRow[] | UsageReport> {
    const range = usageRange(options.dateRange ?? "7D");
    const asDf = optionalBoolean(options.asDf, "asDf") ?? true;
    const answer = await getUsage(this.gis.session, {
      startTime: range.startTime,
      endTime: range.endTime,
      period: range.period,
      vars: "num",
      groupby: "name",
      etype: "svcusg",
      name: this.itemid,
    });
    if (!asDf) return answer;
    return (answer.data?.[0]?.num ?? []).map(([time, count]) => ({
      date: new Date(time),
      usage: Number(count),
    }));
  }

  /**
   * A new item of the signed-in user with this item's data, thumbnail and resources.
   * Python: `Item.copy(title=None, tags=None, snippet=None, description=None, layers=None)`.
   * @example
   * const backup = await item.copy({ title: "Backup" });
   */
  async copy(
    options: {
      title?: string;
      tags?: string[] | string;
      snippet?: string;
      description?: string;
      layers?: number[];
    } = {},
  ): Promise<Item> {
    const me = this.gis.users.me;
    if (!me) throw new TypeError("copy needs a signed-in user");
    const params: rest.CopyItemParams = {
      title: optionalNonEmptyString(options.title, "title"),
      tags: options.tags,
      snippet: optionalNonEmptyString(options.snippet, "snippet"),
      description: optionalNonEmptyString(options.description, "description"),
    };
    if (
      options.layers !== undefined &&
      (!Array.isArray(options.layers) || options.layers.some((n) => !Number.isInteger(n)))
    ) {
      throw new TypeError("layers: expected a list of layer indexes");
    }
    const result = await rest.copyItem(this.gis.session, me.username, this.itemid, params);
    const copy = new Item(this.gis, result.itemId);
    return copy.refresh();
  }

  /**
   * Items, URLs and servers this item depends on. Python: `Item.dependent_upon()`.
   * @example
   * const { list } = await webmap.dependentUpon();
   */
  async dependentUpon(): Promise<Record<string, unknown>> {
    return rest.getItemDependencies(this.gis.session, this.itemid);
  }

  /**
   * Items that depend on this item. Python: `Item.dependent_to()`.
   * @example
   * const { list } = await service.dependentTo();
   */
  async dependentTo(): Promise<Record<string, unknown>> {
    return rest.listDependentsTo(this.gis.session, this.itemid);
  }

  /**
   * The layers of a Feature Service item, or of a Feature Collection item (as
   * `FeatureCollection`s read from its data: name that type, `getLayers<FeatureCollection>()`);
   * empty for other items. Python: `Item.layers`.
   * @example
   * const [layer] = await item.getLayers();
   * const count = await layer.query({ returnCountOnly: true });
   */
  async getLayers<Layer extends FeatureLayer | FeatureCollection = FeatureLayer>(): Promise<
    Layer[]
  > {
    if (!this.json.type) await this.refresh();
    if (this.json.type === "Feature Collection") {
      return (await featureCollectionItemLayers(this)) as Layer[];
    }
    return (await itemServiceLayers(this, "layers")) as Layer[];
  }

  /**
   * The tables of a Feature Service item (empty for other items). Python: `Item.tables`.
   * @example
   * const tables = await item.getTables();
   */
  async getTables(): Promise<FeatureLayer[]> {
    return itemServiceLayers(this, "tables");
  }

  /**
   * Publishes this data item (CSV, GeoJSON ...) as a hosted feature layer and waits for the job;
   * `overwrite` replaces the data of the layer published before and keeps its item id.
   * Python: `Item.publish(publish_parameters=None, address_fields=None, ...)`.
   * @example
   * const layerItem = await csvItem.publish({ onProgress: (status) => console.log(status.status) });
   */
  async publish(options: PublishOptions = {}): Promise<Item> {
    return publishItem(this, options);
  }

  /**
   * Exports this hosted feature layer to a new item (CSV, GeoJson, Shapefile, KML ...).
   * Python: `Item.export(title, export_format, parameters=None, wait=True, enforce_fld_vis=None)`.
   * @example
   * const csv = await layerItem.export("Cities as CSV", "CSV");
   */
  async export(
    title: string,
    exportFormat: string,
    options: ExportOptions = {},
  ): Promise<Item | Record<string, unknown>> {
    return exportItem(this, title, exportFormat, options);
  }

  /**
   * The status of a publishing or export job of this item.
   * Python: `Item.status(job_id=None, job_type=None)`.
   * @example
   * const { status } = await item.status({ jobId, jobType: "publish" });
   */
  async status(options: { jobId?: string; jobType?: string } = {}): Promise<JobStatus> {
    return itemStatus(this, options);
  }

  /**
   * Copies this hosted feature layer (its layers, tables and features) to a new service.
   * Python: `Item.copy_feature_layer_collection(service_name, layers=None, tables=None, ...)`.
   * @example
   * const copy = await layerItem.copyFeatureLayerCollection("Cities_copy", { layers: [0] });
   */
  async copyFeatureLayerCollection(
    serviceName: string,
    options: CopyFeatureLayerCollectionOptions = {},
  ): Promise<Item> {
    return copyFeatureLayerCollection(this, serviceName, options);
  }

  /**
   * Draws this hosted feature layer with the portal's print service and, with `update` (the
   * default), makes the image the item's thumbnail. Resolves to the saved PNG's path.
   * Python: `Item.create_thumbnail(update=True)`.
   * @example
   * const png = await layerItem.createThumbnail();
   */
  async createThumbnail(options: { update?: boolean } = {}): Promise<string> {
    return createThumbnail(this, options);
  }

  /**
   * Publishes this hosted feature layer as a tile layer between two scales.
   * Python: `Item.create_tile_service(title, min_scale, max_scale, cache_info=None, build_cache=False)`.
   * @example
   * const tiles = await layerItem.createTileService("ParksTiles", 577790, 0);
   */
  async createTileService(
    title: string,
    minScale: number,
    maxScale: number,
    options: CreateTileServiceOptions = {},
  ): Promise<Item | null> {
    return createTileService(this, title, minScale, maxScale, options);
  }

  /**
   * The item's HTML card for notebooks (thumbnail, title, type, owner, modified).
   * Python: `Item._repr_html_()`.
   * @example
   * display(html(item._repr_html_()));
   */
  _repr_html_(): string {
    return itemCardHtml(this.gis.session.restUrl, this.json, this.homepage);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Item.__repr__()`.
   * @example
   * console.log(util.inspect(item));
   */
  [inspect.custom](): string {
    return `<Item title:${JSON.stringify(this.json.title ?? "")} type:${shownTypeName(this.json.type)} owner:${this.json.owner ?? ""}>`;
  }
}
