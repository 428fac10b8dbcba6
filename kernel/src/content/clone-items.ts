import type { GIS } from "../gis";
import { usernameOf } from "./item-arguments";
import { Item } from "./item";
import type { ItemProperties } from "./item-json";
import { cloneFeatureService, isHostedFeatureService } from "../publishing/clone-feature-service";
import { optionalBoolean, optionalNonEmptyString } from "../arguments";

/** Options of `gis.content.cloneItems`. */
export interface CloneOptions {
  folder?: string;
  itemExtent?: number[][] | { xmin: number; ymin: number; xmax: number; ymax: number };
  useOrgBasemap?: boolean;
  copyData?: boolean;
  searchExistingItems?: boolean;
  itemMapping?: Record<string, string>;
  groupMapping?: Record<string, string>;
  owner?: string | { username: string };
}

const SERVICE_TYPES = /Service$|^Feature Collection$|^Vector Tile|^Scene Layer|^Map Image Layer/;
const ITEM_ID = /\b[0-9a-f]{32}\b/g;
const SOURCE_KEYWORD = "source-";

/**
 * Clones non-service items into `target`: each item's dependencies (item ids found in its data)
 * are cloned first, then its data is rewritten so every id points at the clone ("swizzling").
 * Items already cloned (marked with a `source-<id>` type keyword) are reused when
 * `searchExistingItems` is on. Hosted feature layers are copied with their data
 * (publishing/clone-feature-service.ts); other service items are refused.
 */
export async function cloneItems(
  target: GIS,
  items: Item[],
  options: CloneOptions,
): Promise<Item[]> {
  const folder = optionalNonEmptyString(options.folder, "folder");
  const owner = usernameOf(options.owner, "owner") ?? target.users.me?.username;
  if (!owner) throw new TypeError("owner: cloning needs a signed-in user in the target GIS");
  const copyData = optionalBoolean(options.copyData, "copyData") ?? true;
  const searchExisting =
    optionalBoolean(options.searchExistingItems, "searchExistingItems") ?? true;
  optionalBoolean(options.useOrgBasemap, "useOrgBasemap");
  const mapping = new Map(Object.entries(options.itemMapping ?? {}));
  for (const item of items) {
    if (item.type && SERVICE_TYPES.test(item.type) && !isHostedFeatureService(item)) {
      throw new TypeError(
        `items: "${item.title}" is a ${item.type}; cloning services is not supported here`,
      );
    }
  }
  if (folder) await target.content.createFolder(folder, { owner });
  const created: Item[] = [];
  const visiting = new Set<string>();
  const serviceUrls = new Map<string, string>();

  const cloneOne = async (source: Item): Promise<string> => {
    const known = mapping.get(source.id);
    if (known) return known;
    if (visiting.has(source.id)) return source.id;
    visiting.add(source.id);
    if (!source.type) await source.refresh();
    if (searchExisting) {
      const existing = await target.content.search(
        `typekeywords:"${SOURCE_KEYWORD}${source.id}" AND owner:${owner}`,
        {
          maxItems: 1,
          outsideOrg: true,
        },
      );
      if (existing.length > 0) {
        mapping.set(source.id, existing[0].id);
        return existing[0].id;
      }
    }
    if (isHostedFeatureService(source)) {
      // A hosted layer is copied with its data; maps that use it get the copy's URL.
      const clone = await cloneFeatureService(source, target, {
        owner,
        folder,
        extraKeywords: [`${SOURCE_KEYWORD}${source.id}`],
      });
      mapping.set(source.id, clone.id);
      if (source.url && clone.url) serviceUrls.set(source.url, clone.url);
      created.push(clone);
      return clone.id;
    }
    let text: string | undefined;
    let file: string | undefined;
    if (copyData && source.name) {
      file = (await source.download()) ?? undefined;
    } else if (copyData) {
      const data = await source.getData({ tryJson: false });
      if (typeof data === "string") {
        // Clone what the text refers to first, so the new text can point at the clones.
        for (const id of new Set(data.match(ITEM_ID) ?? [])) {
          if (id === source.id) continue;
          const dependency = await source.gis.content.get(id);
          if (
            dependency &&
            (isHostedFeatureService(dependency) ||
              !(dependency.type && SERVICE_TYPES.test(dependency.type)))
          )
            await cloneOne(dependency);
        }
        text = data.replace(ITEM_ID, (id) => mapping.get(id) ?? id);
        for (const [from, to] of serviceUrls) text = text.split(from).join(to);
      }
    }
    const json = source.toJSON();
    const properties: ItemProperties = {
      title: json.title,
      type: json.type,
      typeKeywords: [
        ...(json.typeKeywords ?? []).filter((k) => !k.startsWith(SOURCE_KEYWORD)),
        `${SOURCE_KEYWORD}${source.id}`,
      ],
      tags: json.tags,
      snippet: json.snippet ?? undefined,
      description: json.description ?? undefined,
      url: json.url ?? undefined,
      extent: extentOf(options.itemExtent) ?? json.extent,
      accessInformation: json.accessInformation ?? undefined,
      licenseInfo: json.licenseInfo ?? undefined,
      culture: json.culture ?? undefined,
      text,
      fileName: json.name ?? undefined,
    };
    const thumbnail = json.thumbnail ? ((await source.getThumbnail()) ?? undefined) : undefined;
    const clone = await target.content.add(stripUndefined(properties), {
      data: file,
      thumbnail,
      owner,
      folder,
    });
    mapping.set(source.id, clone.id);
    created.push(clone);
    return clone.id;
  };

  for (const item of items) await cloneOne(item);
  return created;
}

function extentOf(extent: CloneOptions["itemExtent"]): number[][] | undefined {
  if (!extent) return undefined;
  if (Array.isArray(extent)) return extent;
  return [
    [extent.xmin, extent.ymin],
    [extent.xmax, extent.ymax],
  ];
}

function stripUndefined(properties: ItemProperties): ItemProperties {
  return Object.fromEntries(
    Object.entries(properties).filter(([, value]) => value !== undefined),
  ) as ItemProperties;
}
