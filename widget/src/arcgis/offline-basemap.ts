// The offline basemap: Natural Earth land and borders drawn from data bundled with the
// extension, for when the portal's basemap cannot be reached. Tiled basemaps define what a
// zoom level means; this one has no tiles, so the 2D view gets the standard Web Mercator
// levels of detail, and `zoomlevel` 10 shows the same ground as on any tiled basemap.
import Graphic from "@arcgis/core/Graphic";
import FeatureLayer from "@arcgis/core/layers/FeatureLayer";
import TileInfo from "@arcgis/core/layers/support/TileInfo";
import type Layer from "@arcgis/core/layers/Layer";
import type { Topology } from "topojson-specification";
import { offlineWorld } from "../basemap/natural-earth";

export const OCEAN_COLOR = [170, 211, 223, 1];
const LAND_COLOR = [242, 239, 233, 1];
const BORDER_COLOR = [150, 150, 150, 1];

/** Levels of detail of the ArcGIS Online / Google / OSM tiling scheme: level 0 to 23. */
export function webMercatorLods(): __esri.LODProperties[] {
  return TileInfo.create({
    spatialReference: { wkid: 102100 } as __esri.SpatialReference,
    numLODs: 24,
  }).lods.map((lod) => lod.toJSON());
}

let worldPromise: Promise<ReturnType<typeof offlineWorld>> | undefined;

function loadWorld(): Promise<ReturnType<typeof offlineWorld>> {
  worldPromise ??= Promise.all([
    import("world-atlas/land-50m.json"),
    import("world-atlas/countries-50m.json"),
  ]).then(([land, countries]) => offlineWorld(topologyOf(land), topologyOf(countries)));
  return worldPromise;
}

/** A JSON module, whether webpack hands it over as the default export or as itself. */
function topologyOf(module: unknown): Topology {
  const value = module as { default?: unknown };
  return (value.default ?? value) as Topology;
}

export async function offlineBasemapLayers(): Promise<Layer[]> {
  const world = await loadWorld();
  const spatialReference = { wkid: 4326 };
  const land = new FeatureLayer({
    id: "tsgis-offline-land",
    title: "Natural Earth land",
    listMode: "hide",
    popupEnabled: false,
    geometryType: "polygon",
    spatialReference,
    objectIdField: "oid",
    fields: [{ name: "oid", type: "oid" }],
    source: world.land.map(
      (rings, index) =>
        new Graphic({
          geometry: { type: "polygon", rings, spatialReference },
          attributes: { oid: index + 1 },
        }),
    ),
    renderer: {
      type: "simple",
      symbol: { type: "simple-fill", color: LAND_COLOR, outline: { color: LAND_COLOR, width: 0 } },
    },
  });
  const borders = new FeatureLayer({
    id: "tsgis-offline-borders",
    title: "Natural Earth borders",
    listMode: "hide",
    popupEnabled: false,
    geometryType: "polyline",
    spatialReference,
    objectIdField: "oid",
    fields: [{ name: "oid", type: "oid" }],
    source: world.borders.map(
      (path, index) =>
        new Graphic({
          geometry: { type: "polyline", paths: [path], spatialReference },
          attributes: { oid: index + 1 },
        }),
    ),
    renderer: {
      type: "simple",
      symbol: { type: "simple-line", color: BORDER_COLOR, width: 0.6 },
    },
  });
  return [land, borders];
}
