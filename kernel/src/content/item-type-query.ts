/**
 * What the portal indexes for the `item_type` values Python translates, as Python's
 * `ContentManager.search` does (arcgis/gis/__init__.py): the layer names its users know map to
 * the item types the portal stores, and a few types exclude the longer types that contain them.
 */
const PYTHON_ITEM_TYPE_QUERIES: Readonly<Record<string, string>> = {
  "web map": '(type:"web map" NOT type:"web mapping application")',
  "web scene": '(type:"web scene" NOT type:"CityEngine Web Scene")',
  "feature layer": '(type:"feature service")',
  "feature layer collection": '(type:"feature service")',
  "geoprocessing tool": '(type:"geoprocessing service")',
  "geoprocessing toolbox": '(type:"geoprocessing service")',
  "image layer": '(type:"image service")',
  "imagery layer": '(type:"image service")',
  "map image layer": '(type:"map service")',
  "vector tile layer": '(type:"vector tile service")',
  "scene layer": '(type:"scene service")',
  layer: '(type:"layer" NOT type:"layer package" NOT type:"Explorer Layer")',
  "feature collection": '(type:"feature collection" NOT type:"feature collection template")',
  "desktop application": '(type:"desktop application" NOT type:"desktop application template")',
};

/** The query clause that restricts a search to `itemType`, as Python's `item_type` does. */
export function itemTypeClause(itemType: string): string {
  const mapped = PYTHON_ITEM_TYPE_QUERIES[itemType.trim().toLowerCase()];
  return mapped ?? `(type:"${itemType.replace(/"/g, '\\"')}")`;
}
