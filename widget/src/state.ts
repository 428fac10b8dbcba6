// The map widget's synced state as the browser sees it: the mirror of the kernel's
// kernel/src/map/map-state.ts (test/widget checks the two lists of keys agree).

export type LatLon = [number, number];

export interface ExtentJson {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  spatialReference?: { wkid?: number; latestWkid?: number; wkt?: string };
}

export type MapMode = "2D" | "3D";

export interface LayerSpec {
  id: string;
  kind: "item" | "url" | "geojson";
  title: string | null;
  url: string | null;
  itemId: string | null;
  portalUrl: string | null;
  geojson: Record<string, unknown> | null;
  options: Record<string, unknown>;
}

export interface GraphicSpec {
  geometry: Record<string, unknown>;
  symbol: Record<string, unknown> | null;
  attributes: Record<string, unknown>;
}

export interface MapState {
  mode: MapMode;
  center: LatLon | null;
  zoom: number | null;
  scale: number | null;
  extent: ExtentJson | null;
  rotation: number;
  heading: number;
  tilt: number;
  basemap: string | null;
  portalBasemap: Record<string, unknown> | null;
  portalUrl: string | null;
  layers: LayerSpec[];
  graphics: GraphicSpec[];
}

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
] as const satisfies readonly (keyof MapState)[];

/** The navigation values a view reports back after the user moves it. */
export const NAVIGATION_KEYS = [
  "center",
  "zoom",
  "scale",
  "extent",
  "rotation",
  "heading",
  "tilt",
] as const;

export function defaultMapState(): MapState {
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
  };
}
