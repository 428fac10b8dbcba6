import fs from "node:fs";
import path from "node:path";
import { defaultPortalProperties } from "../model/portal-defaults";
import type { PortalServices } from "../server/portal-services";
import { restUrlOf } from "../server/portal-services";

export const BASEMAP_GALLERY_TITLE = "Basemaps (tsgis)";
const BASEMAP_ITEM_TITLE = "Offline basemap";
// The group is recognised by this marker, not by its title, which an administrator may change.
const MARKER = "basemapGallery";
const ITEM_MARKER = "basemapItemId";

/**
 * The basemap the gallery offers: the organisation's default basemap. When the portal serves
 * its own basemap, this is the one place to point at it.
 */
export function offlineBasemap(context: PortalServices): Record<string, unknown> {
  const properties = {
    ...defaultPortalProperties(restUrlOf(context)),
    ...context.organisations.get().properties,
  };
  return properties.defaultBasemap as Record<string, unknown>;
}

/** The query portals/self answers as `basemapGalleryGroupQuery`, finding the gallery group. */
export function basemapGalleryQuery(gallery: { owner: string; title: string }): string {
  return `title:"${gallery.title}" AND owner:${gallery.owner}`;
}

/**
 * Makes sure the organisation has its basemap gallery: a public group, owned by the first
 * administrator, holding a public Web Map of the offline basemap, as ArcGIS Online's gallery
 * group holds its basemaps. The Web Map follows the default basemap (and the portal's address,
 * which may change between runs on the same data). Returns the group's id, owner and title, or
 * null while the organisation has no administrator to own it.
 */
export function ensureBasemapGallery(
  context: PortalServices,
): { groupId: string; owner: string; title: string } | null {
  const { db } = context;
  const { items, files, groups } = context;
  const text = JSON.stringify(webMapOf(offlineBasemap(context)));
  const existing = db
    .prepare(
      `SELECT id, owner, title, json_extract(extra_json, '$.${ITEM_MARKER}') AS itemId
       FROM groups WHERE json_extract(extra_json, '$.${MARKER}') = 1 LIMIT 1`,
    )
    .get() as { id: string; owner: string; title: string; itemId: string | null } | undefined;
  if (existing) {
    if (existing.itemId && items.get(existing.itemId)) {
      writeIfChanged(files.textFile(existing.itemId), text, () =>
        items.update(existing.itemId!, { size: Buffer.byteLength(text) }, false),
      );
    }
    return { groupId: existing.id, owner: existing.owner, title: existing.title };
  }
  const [owner] = context.users.administrators();
  if (!owner) return null;

  const organisation = context.organisations.get();
  return db.transaction(() => {
    const item = items.insert(owner, organisation.id, {
      title: BASEMAP_ITEM_TITLE,
      type: "Web Map",
      typeKeywords: ["ArcGIS Online", "Explorer Web Map", "Map", "Online Map", "Web Map"],
      tags: ["basemap", "offline"],
      snippet: "Drawn from Natural Earth data, with no network needed.",
      access: "public",
      size: Buffer.byteLength(text),
    });
    const group = groups.create(organisation.id, owner, {
      title: BASEMAP_GALLERY_TITLE,
      snippet: "The basemaps that maps of this organisation can use.",
      tags: ["basemaps"],
      access: "public",
      extra: { [MARKER]: true, [ITEM_MARKER]: item.id, sortField: "title", sortOrder: "asc" },
    });
    writeIfChanged(files.textFile(item.id), text, () => undefined);
    items.shareWithGroup(item.id, group.id);
    return { groupId: group.id, owner, title: group.title };
  })();
}

function webMapOf(basemap: Record<string, unknown>): Record<string, unknown> {
  return {
    operationalLayers: [],
    baseMap: { baseMapLayers: basemap.baseMapLayers ?? [], title: basemap.title ?? "Basemap" },
    spatialReference: { wkid: 102100, latestWkid: 3857 },
    authoringApp: "tsgis",
    authoringAppVersion: "1",
    version: "2.31",
  };
}

function writeIfChanged(file: string, text: string, afterWrite: () => void): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (current === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  afterWrite();
}
