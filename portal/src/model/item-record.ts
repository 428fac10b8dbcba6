/** Who may see an item: only its owner (and admins), groups it is shared with, the org, anyone. */
export type ItemAccess = "private" | "shared" | "org" | "public";

/** An item as the portal stores it. */
export interface ItemRecord {
  readonly id: string;
  readonly rowid: number;
  readonly owner: string;
  readonly orgId: string;
  readonly folderId: string | null;
  readonly title: string;
  readonly type: string;
  readonly typeKeywords: string[];
  readonly tags: string[];
  readonly snippet: string | null;
  readonly description: string | null;
  readonly url: string | null;
  readonly extent: number[][] | null;
  readonly access: ItemAccess;
  readonly protected: boolean;
  readonly contentStatus: string | null;
  readonly properties: Record<string, unknown> | null;
  /** Item fields without a column of their own (culture, licenseInfo, spatialReference, …). */
  readonly extra: Record<string, unknown>;
  readonly numViews: number;
  readonly created: number;
  readonly modified: number;
  /** The file name of the item's data, when it has a file. */
  readonly name: string | null;
  readonly size: number;
  /** The thumbnail's path relative to the item's `info` resource, e.g. `thumbnail/map.png`. */
  readonly thumbnail: string | null;
  readonly avgRating: number;
  readonly numRatings: number;
  readonly numComments: number;
  /** Multipart uploads and asynchronous adds: "partial", "processing", "completed" or null. */
  readonly uploadStatus: string | null;
}

export interface ItemRow {
  rowid: number;
  id: string;
  owner: string;
  org_id: string;
  folder_id: string | null;
  title: string;
  type: string;
  type_keywords_json: string;
  tags_json: string;
  snippet: string | null;
  description: string | null;
  url: string | null;
  extent_json: string | null;
  access: ItemAccess;
  protected: number;
  content_status: string | null;
  properties_json: string | null;
  extra_json: string;
  num_views: number;
  created: number;
  modified: number;
  name: string | null;
  size: number;
  thumbnail: string | null;
  avg_rating: number;
  num_ratings: number;
  num_comments: number;
  upload_status: string | null;
}

export function itemFromRow(row: ItemRow): ItemRecord {
  return {
    id: row.id,
    rowid: row.rowid,
    owner: row.owner,
    orgId: row.org_id,
    folderId: row.folder_id,
    title: row.title,
    type: row.type,
    typeKeywords: JSON.parse(row.type_keywords_json) as string[],
    tags: JSON.parse(row.tags_json) as string[],
    snippet: row.snippet,
    description: row.description,
    url: row.url,
    extent: row.extent_json ? (JSON.parse(row.extent_json) as number[][]) : null,
    access: row.access,
    protected: row.protected !== 0,
    contentStatus: row.content_status,
    properties: row.properties_json
      ? (JSON.parse(row.properties_json) as Record<string, unknown>)
      : null,
    extra: JSON.parse(row.extra_json) as Record<string, unknown>,
    numViews: row.num_views,
    created: row.created,
    modified: row.modified,
    name: row.name,
    size: row.size,
    thumbnail: row.thumbnail,
    avgRating: row.avg_rating,
    numRatings: row.num_ratings,
    numComments: row.num_comments,
    uploadStatus: row.upload_status,
  };
}

/** Fields kept in `extra_json`, as the REST API names them, with their defaults. */
export const EXTRA_ITEM_FIELDS = {
  culture: "en-us",
  licenseInfo: null,
  accessInformation: null,
  spatialReference: null,
  documentation: null,
  screenshots: [],
  banner: null,
  largeThumbnail: null,
  appCategories: [],
  industries: [],
  languages: [],
  proxyFilter: null,
  advancedSettings: null,
  commentsEnabled: true,
  listed: false,
  contentOrigin: "self",
} as const satisfies Record<string, unknown>;

/** The item JSON of `content/items/{id}` and of search results. */
export function itemJson(item: ItemRecord, categories: string[]): Record<string, unknown> {
  return {
    id: item.id,
    owner: item.owner,
    orgId: item.orgId,
    created: item.created,
    isOrgItem: true,
    modified: item.modified,
    guid: null,
    name: item.name,
    title: item.title,
    type: item.type,
    typeKeywords: item.typeKeywords,
    description: item.description,
    tags: item.tags,
    snippet: item.snippet,
    thumbnail: item.thumbnail,
    extent: item.extent ?? [],
    categories,
    ...EXTRA_ITEM_FIELDS,
    ...item.extra,
    properties: item.properties,
    url: item.url,
    access: item.access,
    size: item.size,
    subInfo: 0,
    ownerFolder: item.folderId,
    protected: item.protected,
    numComments: item.numComments,
    numRatings: item.numRatings,
    avgRating: item.avgRating,
    numViews: item.numViews,
    itemControl: undefined,
    scoreCompleteness: completeness(item),
    groupDesignations: null,
    // Views are counted per day only (item usage), so the moment of the last view is unknown.
    lastViewed: -1,
    contentStatus: item.contentStatus ?? undefined,
    status: item.uploadStatus ?? undefined,
  };
}

/** A rough score like the portal's: how many of the descriptive fields are filled. */
function completeness(item: ItemRecord): number {
  const filled = [
    item.title,
    item.snippet,
    item.description,
    item.tags.length > 0,
    item.thumbnail,
    item.extent,
    item.extra.accessInformation,
    item.extra.licenseInfo,
  ].filter(Boolean).length;
  return Math.round((filled / 8) * 100);
}
