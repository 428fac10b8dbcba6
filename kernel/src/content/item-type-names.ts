/**
 * The names Python's `Item` repr and card give service item types: a Feature Service item shows
 * as a "Feature Layer Collection", as the ArcGIS Online interface names it.
 */
const SHOWN_TYPE_NAMES: Record<string, string> = {
  "Feature Service": "Feature Layer Collection",
  "Map Service": "Map Image Layer",
  "Image Service": "Imagery Layer",
  "Vector Tile Service": "Vector Tile Layer",
  "Scene Service": "Scene Layer",
};

/** How an item's type reads in its repr and card. */
export function shownTypeName(type: string | undefined): string {
  if (type === undefined) return "";
  return SHOWN_TYPE_NAMES[type] ?? type;
}
