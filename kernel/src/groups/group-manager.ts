import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { pagedSearch } from "../rest/paged-search";
import { thumbnailUpload } from "../rest/thumbnails";
import { Group, groupParams, SORT_ORDERS, type GroupJSON } from "./group";
import {
  maxCount,
  optionalBoolean,
  optionalChoice,
  optionalString,
  plainObject,
  requireString,
  tagList,
} from "../arguments";
import { createGroup, getGroup, GROUP_SEARCH_URL } from "../rest/groups";

/** The options of `gis.groups.create`, named after the Python keyword arguments. */
export interface GroupCreateOptions {
  description?: string;
  snippet?: string;
  access?: "private" | "org" | "public";
  thumbnail?: string;
  isInvitationOnly?: boolean;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  isViewOnly?: boolean;
  autoJoin?: boolean;
  providerGroupName?: string;
  provider?: string;
  maxFileSize?: number;
  usersUpdateItems?: boolean;
}

const GROUP_SORT_FIELDS = ["title", "owner", "created", "modified", "id"] as const;

/**
 * The groups of the GIS: search, get and create groups. Python: `arcgis.gis.GroupManager`
 * (reached through `gis.groups`).
 * @example
 * const groups = await gis.groups.search("owner:admin");
 */
export class GroupManager {
  /**
   * Made by the GIS: use `gis.groups` rather than calling this.
   * Python: `GroupManager(gis)`.
   * @example
   * const manager = gis.groups;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Creates a group; only the title and tags are required. Python: `GroupManager.create(title,
   * tags, description=None, snippet=None, access='public', ...)`.
   * @example
   * const group = await gis.groups.create("Field crews", "field, crews", { access: "org" });
   */
  async create(
    title: string,
    tags: string | string[],
    options: GroupCreateOptions = {},
  ): Promise<Group | null> {
    requireString(title, "title");
    const tagsList = tagList(tags, "tags");
    if (!tagsList)
      throw new TypeError("tags: expected a comma-separated string or an array of strings");
    const params = groupParams({
      isInvitationOnly: false,
      sortField: "avgRating",
      sortOrder: "desc",
      isViewOnly: false,
      ...options,
      access: options.access ?? "public",
      title,
      tags: tagsList,
    });
    const autoJoin = optionalBoolean(options.autoJoin, "autoJoin") ?? false;
    const provider = optionalString(options.provider, "provider");
    const providerGroupName = optionalString(options.providerGroupName, "providerGroupName");
    const upload = thumbnailUpload(options.thumbnail, "thumbnail");
    const result = await createGroup(
      this.gis.session,
      { ...params, autoJoin, provider, providerGroupName, ...upload.params },
      upload.files,
    );
    if (result.success !== true || !result.group) return null;
    return new Group(this.gis, result.group.id, result.group);
  }

  /**
   * Creates a group from a dictionary of the `create` arguments (camelCase or REST names).
   * Python: `GroupManager.create_from_dict(dict)`.
   * @example
   * const group = await gis.groups.createFromDict({ title: "Crews", tags: "field" });
   */
  async createFromDict(dict: Record<string, unknown>): Promise<Group | null> {
    const values = plainObject(dict, "dict");
    const { title, tags, ...rest } = values;
    return this.create(title as string, tags as string | string[], rest as GroupCreateOptions);
  }

  /**
   * The group with this id, or null when it does not exist or is hidden from you.
   * Python: `GroupManager.get(groupid)`.
   * @example
   * const group = await gis.groups.get("3d5f…");
   */
  async get(groupid: string): Promise<Group | null> {
    requireString(groupid, "groupid");
    try {
      const json = await getGroup(this.gis.session, groupid);
      return new Group(this.gis, json.id, json);
    } catch (error) {
      if (error instanceof ArcGISError && (error.code === 400 || error.code === 403)) return null;
      throw error;
    }
  }

  /**
   * Searches groups with the portal's query syntax; by default within your organisation.
   * Python: `GroupManager.search(query='', sort_field='title', sort_order='asc',
   * max_groups=1000, outside_org=False, categories=None)`.
   * @example
   * const groups = await gis.groups.search("tags:field", { maxGroups: 20 });
   */
  async search(
    query?: string,
    options: {
      sortField?: string;
      sortOrder?: "asc" | "desc";
      maxGroups?: number;
      outsideOrg?: boolean;
      categories?: string | string[];
    } = {},
  ): Promise<Group[]> {
    const text = optionalString(query, "query") ?? "";
    const sortField = optionalChoice(options.sortField, "sortField", GROUP_SORT_FIELDS) ?? "title";
    const sortOrder = optionalChoice(options.sortOrder, "sortOrder", SORT_ORDERS) ?? "asc";
    const maxGroups = maxCount(options.maxGroups, "maxGroups", 1000);
    const outsideOrg = optionalBoolean(options.outsideOrg, "outsideOrg") ?? false;
    const categories = tagList(options.categories, "categories");
    const q = outsideOrg ? text : withinOrganisation(text, this.gis.properties.id);
    const results = await pagedSearch<GroupJSON>(
      this.gis.session,
      GROUP_SEARCH_URL,
      { q, sortField, sortOrder, categories },
      maxGroups,
    );
    return results.map((json) => new Group(this.gis, json.id, json));
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `GroupManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.groups));
   */
  [inspect.custom](): string {
    return `<GroupManager url:"${this.gis.url}">`;
  }
}

/** Limits a query to the organisation, keeping an OR inside the caller's query together. */
export function withinOrganisation(query: string, orgId: string | undefined): string {
  if (!orgId) return query;
  const trimmed = query.trim();
  return trimmed === "" ? `orgid:${orgId}` : `(${trimmed}) AND orgid:${orgId}`;
}
