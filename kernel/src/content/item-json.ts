/** The JSON of a portal item, as `content/items/{id}` and search results give it. */
export interface ItemJSON {
  id: string;
  owner?: string;
  orgId?: string;
  isOrgItem?: boolean;
  guid?: string | null;
  created?: number;
  modified?: number;
  name?: string | null;
  title?: string;
  type?: string;
  typeKeywords?: string[];
  description?: string | null;
  tags?: string[];
  snippet?: string | null;
  thumbnail?: string | null;
  documentation?: string | null;
  extent?: number[][];
  categories?: string[];
  spatialReference?: string | null;
  accessInformation?: string | null;
  licenseInfo?: string | null;
  culture?: string | null;
  properties?: Record<string, unknown> | null;
  advancedSettings?: Record<string, unknown> | null;
  url?: string | null;
  proxyFilter?: Record<string, unknown> | null;
  access?: "private" | "shared" | "org" | "public";
  size?: number;
  subInfo?: number;
  appCategories?: string[];
  industries?: string[];
  languages?: string[];
  largeThumbnail?: string | null;
  banner?: string | null;
  screenshots?: string[];
  listed?: boolean;
  ownerFolder?: string | null;
  protected?: boolean;
  commentsEnabled?: boolean;
  numComments?: number;
  numRatings?: number;
  avgRating?: number;
  numViews?: number;
  itemControl?: "admin" | "update" | "read";
  scoreCompleteness?: number;
  groupDesignations?: string | null;
  lastViewed?: number;
  contentStatus?: string;
  isFav?: boolean;
  [field: string]: unknown;
}

/** Item fields for `add` and `update` (`itemProperties`), in the REST API's names. */
export interface ItemProperties {
  type?: string;
  typeKeywords?: string | string[];
  title?: string;
  description?: string;
  snippet?: string;
  tags?: string | string[];
  url?: string;
  /** Text data of text-based items (web maps, JSON); an object is sent as JSON. */
  text?: string | Record<string, unknown>;
  extent?: string | number[] | number[][];
  spatialReference?: string;
  accessInformation?: string;
  licenseInfo?: string;
  culture?: string;
  commentsEnabled?: boolean;
  categories?: string[];
  properties?: Record<string, unknown>;
  /** The file name to store the data under (defaults to the uploaded file's name). */
  fileName?: string;
  [field: string]: unknown;
}
