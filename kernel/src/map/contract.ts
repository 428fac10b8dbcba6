// The map widget's contract, in one place: the synced state (keys, types, defaults), the custom
// messages that travel beside it, and the browser module that renders it. The kernel uses it
// here; the browser side (@tsgis/widget) imports this same file, so the two cannot drift.
// It must import nothing: the widget bundles it into the browser. Nothing secret ever goes into
// the state, which Jupyter saves into the notebook file; tokens travel in custom messages only.

/** The browser module that draws the map, as the kernel names it in `_model_module`. */
export const MAP_WIDGET_MODULE = {
  name: "@tsgis/widget",
  version: "0.1.0",
  modelName: "MapModel",
  viewName: "MapWidgetView",
} as const;

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

/**
 * A smart-mapping renderer the browser computes from the layer's data with @arcgis/core's
 * smartMapping: `type` names the renderer as Python does ("ClassedColorRenderer", "HeatmapRenderer" …).
 */
export interface SmartRendererSpec {
  type: SmartRendererName;
  field: string | null;
  /** Passed through to the smartMapping creator. */
  options: SmartRendererOptions;
}

/** How smartMapping classifies a field (Python's `classification_method`). */
export type ClassificationMethod =
  "natural-breaks" | "equal-interval" | "quantile" | "standard-deviation";

/** Every classification method, for checking a value at run time. */
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = [
  "natural-breaks",
  "equal-interval",
  "quantile",
  "standard-deviation",
];

/** The options of a smart-mapping renderer that the browser passes to smartMapping. */
export interface SmartRendererOptions {
  /** Default "natural-breaks". */
  classificationMethod?: ClassificationMethod;
  /** How many classes, 1 to 10 (default 5). */
  numClasses?: number;
}

/**
 * An ArcGIS JSON object as a Web Map stores it (a renderer, a popup template): `type` and the
 * other keys the web map specification gives it. The browser turns it into @arcgis/core's form.
 */
export interface ArcGISJsonObject {
  type?: string;
  [key: string]: unknown;
}

/** The layer properties a LayerSpec carries, as ArcGIS JSON (what a Web Map's layer holds). */
export interface MapLayerProperties {
  /** 0 (transparent) to 1 (opaque). */
  opacity?: number;
  visible?: boolean;
  /** An ArcGIS JSON renderer (`drawingInfo.renderer`); absent for a smart-mapping renderer. */
  renderer?: ArcGISJsonObject;
  /** An ArcGIS JSON popup template (the web map's `popupInfo`). */
  popupTemplate?: ArcGISJsonObject;
  /** A SQL where clause that filters the features drawn. */
  definitionExpression?: string;
}

/**
 * The smart-mapping renderers by Python's names; the browser computes each from the layer's
 * data. Those marked true need a field.
 */
export const SMART_RENDERERS = {
  ClassedColorRenderer: true,
  ClassedSizeRenderer: true,
  UniqueValueRenderer: true,
  HeatmapRenderer: false,
} as const;
export type SmartRendererName = keyof typeof SMART_RENDERERS;

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
  /** Layer properties: opacity, visibility, renderer and popup (ArcGIS JSON), definition expression. */
  options: MapLayerProperties;
  /** A renderer computed in the browser from the data (null: the explicit or the layer's own). */
  smartRenderer: SmartRendererSpec | null;
}

/** A drawn graphic: ArcGIS JSON geometry in WGS84 or Web Mercator, with its symbol and popup. */
export interface GraphicSpec {
  geometry: Record<string, unknown>;
  symbol: Record<string, unknown> | null;
  attributes: Record<string, unknown>;
  /** ArcGIS JSON popup template (`{ title, content }`), or null for none. */
  popupTemplate: Record<string, unknown> | null;
}

/** A named place of the map (Python: bookmarks). */
export interface BookmarkSpec {
  name: string;
  extent: Extent;
}

/** The time slider's window over time-aware layers, epoch milliseconds. */
export interface TimeExtentSpec {
  start: number;
  end: number;
  /** Step of the slider, in `unit`s. */
  interval: number;
  unit: "milliseconds" | "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years";
}

/** A basemap of the portal's basemap gallery: a Web Map item whose basemap the view draws. */
export interface GalleryBasemapSpec {
  title: string;
  itemId: string;
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
  /** A basemap id ("topo-vector", …), "offline" for Natural Earth, a gallery title, or null: the portal's. */
  basemap: string | null;
  /** The portal's default basemap (portals/self defaultBasemap); URLs only, no token. */
  portalBasemap: Record<string, unknown> | null;
  /** The portal's basemap gallery, so a view can draw a gallery basemap chosen by title. */
  galleryBasemaps: GalleryBasemapSpec[];
  portalUrl: string | null;
  layers: LayerSpec[];
  graphics: GraphicSpec[];
  /** Zoom only to whole levels in 2D (Python 2.4: `snap_to_zoom`). */
  snapToZoom: boolean;
  /** Show the legend / the layer list / the bookmarks widget on the view. */
  legend: boolean;
  layerList: boolean;
  bookmarksWidget: boolean;
  bookmarks: BookmarkSpec[];
  /** Show the time slider; `timeExtent` is its window. */
  timeSlider: boolean;
  timeExtent: TimeExtentSpec | null;
  /** Hide the 2D/3D switch button (Python: `hide_mode_switch`). */
  hideModeSwitch: boolean;
  /** Model ids of the maps whose navigation follows this one's (`syncNavigation`). */
  linkedMaps: string[];
}

/** What the user draws in the browser after `map.draw("polygon")` (Python's shape names). */
export const DRAW_TOOLS = [
  "point",
  "multipoint",
  "polyline",
  "polygon",
  "rectangle",
  "circle",
] as const;
export type DrawTool = (typeof DRAW_TOOLS)[number];

/** The navigation values a view reports back after the user moves it. */
export const NAVIGATION_KEYS = [
  "center",
  "zoom",
  "scale",
  "extent",
  "rotation",
  "heading",
  "tilt",
] as const satisfies readonly (keyof MapState)[];

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
    galleryBasemaps: [],
    portalUrl: null,
    layers: [],
    graphics: [],
    snapToZoom: false,
    legend: false,
    layerList: false,
    bookmarksWidget: false,
    bookmarks: [],
    timeSlider: false,
    timeExtent: null,
    hideModeSwitch: false,
    linkedMaps: [],
  };
}

/** A token for @arcgis/core's IdentityManager.registerToken. */
export interface ServerCredential {
  server: string;
  token: string;
  expires: number;
  ssl: boolean;
}

/** A feature under the pointer when the user clicked. */
export interface ClickedFeature {
  layerId: string | null;
  layerTitle: string | null;
  attributes: Record<string, unknown>;
}

/** Custom messages the kernel sends to the views (never saved in the notebook). */
export type KernelCommand =
  | { command: "credentials"; credentials: ServerCredential[] }
  | { command: "screenshot"; requestId: string }
  | { command: "draw"; requestId: string; tool: DrawTool };

/** Custom messages a view sends to the kernel. A screenshot answer carries the PNG as a buffer. */
export type ViewEvent =
  | { event: "requestCredentials" }
  | { event: "screenshot"; requestId: string; ok: true }
  | { event: "screenshot"; requestId: string; ok: false; error: string }
  | {
      event: "click";
      latitude: number;
      longitude: number;
      mapPoint: Record<string, unknown>;
      features: ClickedFeature[];
    }
  /** The shape the user drew for the `draw` command `requestId`, ArcGIS JSON in WGS84. */
  | { event: "drawEnd"; requestId: string; geometry: Record<string, unknown> };
