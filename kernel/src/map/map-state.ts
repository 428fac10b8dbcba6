// The map widget's synced state: the shape both sides agree on. The browser side
// (widget/src/state.ts) mirrors it; test/widget checks that the two lists of keys agree.
// Nothing secret ever goes here: this state is saved into the notebook file.

/** `[latitude, longitude]` in degrees. */
export type LatLon = [number, number];

/** A rectangle in a spatial reference (ArcGIS JSON envelope). */
export interface Extent {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  spatialReference?: { wkid?: number; latestWkid?: number; wkt?: string };
}

export type MapMode = "2D" | "3D";

/** How a layer on the map is described to the browser. */
export interface LayerSpec {
  /** Stable id, so `removeLayers` and the browser agree on which layer is which. */
  id: string;
  kind: "item" | "url" | "geojson";
  title: string | null;
  /** Service or layer URL (kind "url", and items that have one). */
  url: string | null;
  /** The portal item id (kind "item"). */
  itemId: string | null;
  /** The portal the item lives in (kind "item"). */
  portalUrl: string | null;
  /** GeoJSON FeatureCollection (kind "geojson"). */
  geojson: Record<string, unknown> | null;
  /** Layer options: opacity, visible, renderer, popupTemplate, definitionExpression … */
  options: Record<string, unknown>;
}

/** A drawn graphic: ArcGIS JSON geometry in WGS84 or Web Mercator, with its symbol. */
export interface GraphicSpec {
  geometry: Record<string, unknown>;
  symbol: Record<string, unknown> | null;
  attributes: Record<string, unknown>;
}

/** The state the map widget syncs between the kernel and the browser (saved in the notebook). */
export interface MapState {
  [key: string]: unknown;
  mode: MapMode;
  center: LatLon | null;
  zoom: number | null;
  scale: number | null;
  extent: Extent | null;
  rotation: number;
  heading: number;
  tilt: number;
  /** A basemap id ("topo-vector", …), "offline" for Natural Earth, or null: the portal's. */
  basemap: string | null;
  /** The portal's default basemap (portals/self defaultBasemap); URLs only, no token. */
  portalBasemap: Record<string, unknown> | null;
  portalUrl: string | null;
  layers: LayerSpec[];
  graphics: GraphicSpec[];
}

/** The keys of MapState, in one list: the browser's mirror must list the same. */
export const MAP_STATE_KEYS = [
  "mode",
  "center",
  "zoom",
  "scale",
  "extent",
  "rotation",
  "heading",
  "tilt",
  "basemap",
  "portalBasemap",
  "portalUrl",
  "layers",
  "graphics",
] as const;

export const MAP_MODEL_SPEC = {
  modelName: "MapModel",
  modelModule: "@tsgis/widget",
  modelModuleVersion: "^0.1.0",
  viewName: "MapWidgetView",
  viewModule: "@tsgis/widget",
  viewModuleVersion: "^0.1.0",
};

export function initialMapState(overrides: Partial<MapState> = {}): MapState {
  return {
    mode: "2D",
    center: null,
    zoom: null,
    scale: null,
    extent: null,
    rotation: 0,
    heading: 0,
    tilt: 0,
    basemap: null,
    portalBasemap: null,
    portalUrl: null,
    layers: [],
    graphics: [],
    ...overrides,
  };
}
