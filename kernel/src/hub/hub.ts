import { inspect } from "node:util";
import type { GIS } from "../gis";
import type { Item } from "../content/item";

/** Item types that make up ArcGIS Hub: sites, initiatives and their pages. */
export const HUB_ITEM_TYPES = {
  site: ["Hub Site Application", "Site Application"],
  initiative: ["Hub Initiative"],
  page: ["Hub Page", "Site Page"],
} as const;

/** A kind of Hub item (`site`, `initiative`, `page`, …), as Python's Hub search takes it. */
export type HubItemKind = keyof typeof HUB_ITEM_TYPES;

/**
 * The ArcGIS Hub sites, initiatives and pages of the organisation (items of the Hub types).
 * Python: `arcgis.apps.hub.Hub` (reached through `gis.hub`).
 * @example
 * const sites = await gis.hub.search({ kind: "site" });
 */
export class Hub {
  /**
   * Made by the GIS: use `gis.hub`.
   * Python: `arcgis.apps.hub.Hub(gis)`.
   * @example
   * const hub = gis.hub;
   */
  constructor(private readonly gis: GIS) {}

  /**
   * Hub items matching an optional query, of one kind or of every Hub kind.
   * Python: `Hub.search()`.
   * @example
   * const initiatives = await gis.hub.search({ query: "water", kind: "initiative", maxItems: 50 });
   */
  async search(
    options: { query?: string; kind?: HubItemKind; maxItems?: number; outsideOrg?: boolean } = {},
  ): Promise<Item[]> {
    const kinds =
      options.kind === undefined ? (Object.keys(HUB_ITEM_TYPES) as HubItemKind[]) : [options.kind];
    for (const kind of kinds) {
      if (!(kind in HUB_ITEM_TYPES)) {
        throw new RangeError(
          `kind: expected one of ${Object.keys(HUB_ITEM_TYPES).join(", ")}, got ${String(kind)}`,
        );
      }
    }
    if (options.query !== undefined && typeof options.query !== "string")
      throw new TypeError("query: expected a string");
    const types = kinds.flatMap((kind) => HUB_ITEM_TYPES[kind]).map((type) => `type:"${type}"`);
    const query = [options.query?.trim() ? `(${options.query})` : "", `(${types.join(" OR ")})`]
      .filter(Boolean)
      .join(" AND ");
    return this.gis.content.search(query, {
      maxItems: options.maxItems ?? 100,
      outsideOrg: options.outsideOrg,
      sortField: "title",
      sortOrder: "asc",
    });
  }

  /**
   * A Hub item by id; null when it does not exist, is hidden, or is not a Hub item.
   * Python: `Hub.initiatives.get()` / `Hub.sites.get()`.
   * @example
   * const site = await gis.hub.get("1a2b…");
   */
  async get(itemid: string): Promise<Item | null> {
    const item = await this.gis.content.get(itemid);
    const hubTypes: readonly string[] = Object.values(HUB_ITEM_TYPES).flat();
    return item && item.type && hubTypes.includes(item.type) ? item : null;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Hub.__repr__()`.
   * @example
   * console.log(util.inspect(gis.hub));
   */
  [inspect.custom](): string {
    return `<Hub url:"${this.gis.url}">`;
  }
}
