// The basemap names a map accepts: @arcgis/core's named basemaps, the offline one, and the
// titles of the portal's basemap gallery (a group of Web Map items the portal names).
import type { GIS } from "../gis";
import type { GalleryBasemapSpec } from "./contract";

/** The named basemaps @arcgis/core 4.34 draws (Basemap.fromId), plus the offline Natural Earth one. */
export const BASEMAP_NAMES: readonly string[] = Object.freeze([
  "satellite",
  "hybrid",
  "terrain",
  "oceans",
  "osm",
  "dark-gray-vector",
  "gray-vector",
  "streets-vector",
  "topo-vector",
  "streets-night-vector",
  "streets-relief-vector",
  "streets-navigation-vector",
  "offline",
]);

/** How many gallery basemaps are read: galleries hold a few dozen at most. */
const GALLERY_LIMIT = 100;

// Each GIS's gallery is read once: it changes rarely, and every gis.map() would otherwise pay for it.
const galleries = new WeakMap<GIS, Promise<GalleryBasemapSpec[]>>();

/** The Web Maps of the portal's basemap gallery group; none when the portal names no group it has. */
export function galleryBasemaps(gis: GIS): Promise<GalleryBasemapSpec[]> {
  let gallery = galleries.get(gis);
  if (!gallery) {
    gallery = readGallery(gis).catch((error: unknown) => {
      galleries.delete(gis);
      process.emitWarning(`the portal's basemap gallery could not be read: ${String(error)}`);
      return [];
    });
    galleries.set(gis, gallery);
  }
  return gallery;
}

async function readGallery(gis: GIS): Promise<GalleryBasemapSpec[]> {
  const properties = gis.properties as Record<string, unknown>;
  const query =
    properties.useVectorBasemaps === true &&
    typeof properties.vectorBasemapGalleryGroupQuery === "string"
      ? properties.vectorBasemapGalleryGroupQuery
      : properties.basemapGalleryGroupQuery;
  if (typeof query !== "string" || query.trim() === "") return [];
  const [group] = await gis.groups.search(query, { maxGroups: 1, outsideOrg: true });
  if (!group) return [];
  const items = await gis.content.search(`group:${group.id}`, {
    itemType: "Web Map",
    maxItems: GALLERY_LIMIT,
    outsideOrg: true,
  });
  return items
    .filter((item) => typeof item.title === "string" && item.title !== "")
    .map((item) => ({ title: item.title as string, itemId: item.id }));
}
