// The kernel side of the map widget: a Jupyter widget model whose state the browser views
// draw with @arcgis/core, and whose navigation values follow the user's pans and zooms.
import { randomUUID } from "crypto";
import { writeFile } from "fs/promises";
import type { Item } from "../content/item";
import type { ItemProperties } from "../content/item-json";
import type { GIS } from "../gis";
import { display, displaySymbol, type Displayable } from "../jupyter/display";
import type { JsonObject, MimeBundle } from "../jupyter/protocol";
import { Widget } from "../jupyter/widget";
import { credentialsForViews } from "./credentials";
import { BASEMAP_NAMES } from "./basemaps";
import { centerOfExtent, zoomOfExtent } from "./extent-viewpoint";
import { featureCollectionExtent } from "./geojson";
import { checkDrawOptions, toGraphicSpecs, type DrawOptions } from "./graphics";
import { AddedLayerInputs, layersNamedBy } from "./layer-lookup";
import { toLayerSpec, type AddLayerOptions } from "./layer-spec";
import {
  layerIndex,
  replacedLayerSpec,
  repositionedLayers,
  updatedLayerSpec,
  type UpdateLayerOptions,
} from "./layer-update";
import { checkExtent, checkLatLon, checkMode, checkZoom } from "./map-arguments";
import {
  DRAW_TOOLS,
  MAP_WIDGET_MODULE,
  type DrawTool,
  type BookmarkSpec,
  type Extent,
  type GraphicSpec,
  type TimeExtentSpec,
  type LatLon,
  type LayerSpec,
  type MapMode,
  type MapState,
} from "./contract";
import { PendingRequests } from "./pending-requests";
import { printMap, type PrintMapOptions } from "./print-map";
import { standaloneMapPage, type ExportToHtmlOptions } from "./standalone-page";
import { serviceExtent } from "./service-extent";
import { toWebMapJson } from "./web-map";
import {
  describe,
  finiteNumber,
  numberInRange,
  positiveNumber,
  requireBoolean,
} from "../arguments";

/** Where the user clicked, and the features under the pointer. */
export interface MapClickEvent {
  latitude: number;
  longitude: number;
  /** The point in the view's spatial reference (ArcGIS JSON). */
  mapPoint: Record<string, unknown>;
  /** Features of the map's layers at that point: their layer and attributes. */
  features: { layerId: string | null; layerTitle: string | null; attributes: JsonObject }[];
}

export type MapClickCallback = (map: MapView, event: MapClickEvent) => void;

/** Called with the shape the user drew in the browser (ArcGIS JSON geometry, WGS84). */
export type MapDrawEndCallback = (map: MapView, geometry: Record<string, unknown>) => void;

/** Options of `MapView.save` and `MapView.update` besides the item properties. */
export interface SaveMapOptions {
  /** The item's thumbnail: a path, a URL or PNG bytes (e.g. from `takeScreenshot`). */
  thumbnail?: string | Buffer;
  /** The item's metadata: a path, a URL, XML text or bytes. */
  metadata?: string | Buffer;
  /** Save into this user's content (an administrator saving for someone). */
  owner?: string;
  /** Save into this folder, created when it does not exist yet. */
  folder?: string;
}

/** Options of `MapView.takeScreenshot`. */
export interface TakeScreenshotOptions {
  /** Show the image in the cell's output (default true). */
  outputInCell?: boolean;
  /** Also write the PNG to this file. */
  filePath?: string;
  /** How long to wait for a displayed view to answer (default 30). */
  timeoutSeconds?: number;
}

const DEFAULT_SCREENSHOT_TIMEOUT_SECONDS = 30;

/** Any 0.x release of the browser module with the same contract renders the map. */
const MAP_MODEL_SPEC = {
  modelName: MAP_WIDGET_MODULE.modelName,
  modelModule: MAP_WIDGET_MODULE.name,
  modelModuleVersion: `^${MAP_WIDGET_MODULE.version}`,
  viewName: MAP_WIDGET_MODULE.viewName,
  viewModule: MAP_WIDGET_MODULE.name,
  viewModuleVersion: `^${MAP_WIDGET_MODULE.version}`,
};

/**
 * A live 2D or 3D map in the notebook, drawn by @arcgis/core in JupyterLab. Made with
 * `await gis.map(...)`; shows when it is a cell's last expression or passed to `display()`.
 *
 * Python: `arcgis.widgets.MapView` (returned by `GIS.map`).
 * @example
 * const map = await gis.map([51.5, -0.12], { zoomlevel: 10 });
 * map.basemap = "offline";
 * map;
 */
export class MapView extends Widget<MapState> {
  private readonly clickCallbacks = new Set<MapClickCallback>();
  private readonly drawEndCallbacks = new Set<MapDrawEndCallback>();
  /** The style of each shape the user was asked to draw, by request id. */
  private readonly drawRequests = new Map<
    string,
    Omit<DrawOptions, "symbol"> & { symbol: Record<string, unknown> | null }
  >();
  private readonly screenshots = new PendingRequests<Buffer>();
  private readonly addedInputs = new AddedLayerInputs();
  /** The Web Map item this map was opened from or last saved as: what `update` writes. */
  private webMapItem: Item | null;

  private static readonly open = new Map<string, MapView>();

  /** @internal Use `gis.map()`. */
  constructor(
    private readonly gis: GIS | null,
    state: MapState,
    item: Item | null = null,
  ) {
    // A number (not null) asks the front end to count the views it shows (ipywidgets' _view_count).
    super(MAP_MODEL_SPEC, { ...state, _view_count: 0 });
    this.webMapItem = item;
    MapView.open.set(this.modelId, this);
    this.onCustomMessage((content, buffers) => this.receiveEvent(content, buffers));
    // Sent with the comm's opening, the credentials are in the browser before its view asks
    // for them: the first view then draws without a round trip to a kernel that may be busy.
    void this.sendCredentials();
  }

  /** @internal The open map with this model id (for syncNavigation). */
  static byModelId(modelId: string): MapView | undefined {
    return MapView.open.get(modelId);
  }

  /**
   * How many views of this map the front ends show now (0 when nothing renders it, e.g. when
   * the notebook runs headless). Python: the widget's `_view_count`.
   * @example
   * if (map.viewCount > 0) await map.takeScreenshot();
   */
  get viewCount(): number {
    const count = this.state._view_count;
    return typeof count === "number" ? count : 0;
  }

  /**
   * The map's centre as `[latitude, longitude]`; follows the user's pans.
   * Python: `MapView.center`.
   * @example
   * map.center = [48.85, 2.35];
   */
  get center(): LatLon | null {
    if (this.state.center) return this.state.center;
    return this.state.extent ? centerOfExtent(this.state.extent) : null;
  }

  /** Moves the view. Python: `MapView.center = [lat, lon]`. @example map.center = [48.85, 2.35] */
  set center(value: LatLon | null) {
    this.set({ center: checkLatLon(value, "center") });
  }

  /**
   * The zoom level (0 = the world, as on a tiled basemap). Python: `MapView.zoom`.
   * @example
   * map.zoom = 12;
   */
  get zoom(): number | null {
    if (this.state.zoom !== null) return this.state.zoom;
    // Before a view reports, an extent gives the level at which it fits a usual view size.
    return this.state.extent ? zoomOfExtent(this.state.extent) : null;
  }

  /** Python: `MapView.zoom = 12`. @example map.zoom = 12 */
  set zoom(value: number | null) {
    this.set({ zoom: checkZoom(value, "zoom") });
  }

  /**
   * The map scale (1:scale). Python: `MapView.scale`.
   * @example
   * map.scale = 50000;
   */
  get scale(): number | null {
    return this.state.scale;
  }

  /** Python: `MapView.scale = 50000`. @example map.scale = 50000 */
  set scale(value: number | null) {
    this.set({ scale: positiveNumber(value, "scale") });
  }

  /**
   * The visible area; after the user pans, the view's current extent. Python: `MapView.extent`.
   * @example
   * map.extent = { xmin: -10, ymin: 35, xmax: 30, ymax: 60, spatialReference: { wkid: 4326 } };
   */
  get extent(): Extent | null {
    return this.state.extent;
  }

  /** Python: `MapView.extent = {...}`. @example map.extent = otherMap.extent */
  set extent(value: Extent | null) {
    this.set({ extent: checkExtent(value, "extent") });
  }

  /**
   * Clockwise rotation of the 2D view in degrees. Python: `MapView.rotation`.
   * @example
   * map.rotation = 45;
   */
  get rotation(): number {
    return this.state.rotation;
  }

  /** Python: `MapView.rotation = 45`. @example map.rotation = 45 */
  set rotation(value: number) {
    this.set({ rotation: numberInRange(value, "rotation", -360, 360) });
  }

  /**
   * Compass heading of the 3D camera in degrees. Python: `MapView.heading`.
   * @example
   * map.heading = 90;
   */
  get heading(): number {
    return this.state.heading;
  }

  /** Python: `MapView.heading = 90`. @example map.heading = 90 */
  set heading(value: number) {
    this.set({ heading: numberInRange(value, "heading", -360, 360) });
  }

  /**
   * Tilt of the 3D camera in degrees (0 looks straight down). Python: `MapView.tilt`.
   * @example
   * map.tilt = 60;
   */
  get tilt(): number {
    return this.state.tilt;
  }

  /** Python: `MapView.tilt = 60`. @example map.tilt = 60 */
  set tilt(value: number) {
    this.set({ tilt: numberInRange(value, "tilt", 0, 180) });
  }

  /**
   * "2D" (a MapView) or "3D" (a SceneView); switchable after creation. Python: `MapView.mode`.
   * @example
   * map.mode = "3D";
   */
  get mode(): MapMode {
    return this.state.mode;
  }

  /**
   * Switches between the 2D and 3D view. Python: `MapView.mode = "3D"`. @example map.mode = "3D"
   */
  set mode(value: MapMode) {
    this.set({ mode: checkMode(value, "mode") });
  }

  /**
   * The basemap: an @arcgis/core basemap id, "offline" for the Natural Earth basemap, or
   * null for the portal's default. Python: `MapView.basemap`.
   * @example
   * map.basemap = "offline";
   */
  get basemap(): string | null {
    return this.state.basemap;
  }

  /**
   * Python: `MapView.basemap = "topo-vector"`: a name of `basemaps` or `galleryBasemaps`.
   * @example map.basemap = "offline"
   */
  set basemap(value: string | null) {
    if (value !== null && (typeof value !== "string" || value.trim() === "")) {
      throw new TypeError("basemap: expected a basemap name, or null for the portal's default");
    }
    if (value !== null && !this.basemaps.includes(value) && !this.galleryBasemaps.includes(value)) {
      throw new RangeError(
        `basemap: "${value}" is neither in map.basemaps (${this.basemaps.join(", ")}) nor in map.galleryBasemaps`,
      );
    }
    this.set({ basemap: value });
  }

  /**
   * The basemap names `basemap` accepts besides the gallery's: @arcgis/core's named basemaps
   * and "offline". Python: `MapView.basemaps`.
   * @example
   * console.log(map.basemaps.includes("topo-vector")); // true
   */
  get basemaps(): string[] {
    return [...BASEMAP_NAMES];
  }

  /**
   * The titles of the portal's basemap gallery (its basemap gallery group's Web Maps), which
   * `basemap` also accepts. Python: `MapView.gallery_basemaps`.
   * @example
   * if (map.galleryBasemaps.length > 0) map.basemap = map.galleryBasemaps[0];
   */
  get galleryBasemaps(): string[] {
    return this.state.galleryBasemaps.map((basemap) => basemap.title);
  }

  /**
   * Whether the 2D view zooms to whole levels only. Python: `Map.snap_to_zoom`.
   * @example
   * map.snapToZoom = true;
   */
  get snapToZoom(): boolean {
    return this.state.snapToZoom;
  }

  /** Python: `Map.snap_to_zoom = True`. @example map.snapToZoom = true */
  set snapToZoom(value: boolean) {
    this.set({ snapToZoom: requireBoolean(value, "snapToZoom") });
  }

  /**
   * Shows the legend of the map's layers on the view. Python: `MapView.legend`.
   * @example
   * map.legend = true;
   */
  get legend(): boolean {
    return this.state.legend;
  }

  /** Python: `MapView.legend = True`. @example map.legend = true */
  set legend(value: boolean) {
    this.set({ legend: requireBoolean(value, "legend") });
  }

  /**
   * Shows the list of layers, with their visibility toggles, on the view.
   * Python: `Map.layer_list.enabled`.
   * @example
   * map.layerList = true;
   */
  get layerList(): boolean {
    return this.state.layerList;
  }

  /** Python: `Map.layer_list.enabled = True`. @example map.layerList = true */
  set layerList(value: boolean) {
    this.set({ layerList: requireBoolean(value, "layerList") });
  }

  /**
   * Hides the button that switches between 2D and 3D. Python: `MapView.hide_mode_switch`.
   * @example
   * map.hideModeSwitch = true;
   */
  get hideModeSwitch(): boolean {
    return this.state.hideModeSwitch;
  }

  /** Python: `MapView.hide_mode_switch = True`. @example map.hideModeSwitch = true */
  set hideModeSwitch(value: boolean) {
    this.set({ hideModeSwitch: requireBoolean(value, "hideModeSwitch") });
  }

  /**
   * Shows a time slider for the map's time-aware layers; `setTimeExtent` sets its window.
   * Python: `MapView.time_slider`.
   * @example
   * map.timeSlider = true;
   */
  get timeSlider(): boolean {
    return this.state.timeSlider;
  }

  /** Python: `MapView.time_slider = True`. @example map.timeSlider = true */
  set timeSlider(value: boolean) {
    this.set({ timeSlider: requireBoolean(value, "timeSlider") });
  }

  /**
   * The time window the time slider shows, or null for the layers' whole extent.
   * Python: `MapView.start_time` / `end_time` (1.x), `Map.time_slider.time_extent` (2.4).
   * @example
   * console.log(map.timeExtent);
   */
  get timeExtent(): TimeExtentSpec | null {
    return this.state.timeExtent;
  }

  /**
   * Sets the time slider's window (Dates or epoch milliseconds) and its step, and shows it.
   * Python: `MapView.set_time_extent(start_time, end_time, interval=1, unit='milliseconds')`.
   * @example
   * map.setTimeExtent(new Date("2020-01-01"), new Date("2021-01-01"), { interval: 1, unit: "months" });
   */
  setTimeExtent(
    startTime: Date | number,
    endTime: Date | number,
    options: { interval?: number; unit?: TimeExtentSpec["unit"] } = {},
  ): void {
    const start = checkTime(startTime, "startTime");
    const end = checkTime(endTime, "endTime");
    if (end < start) throw new RangeError("endTime: must not be before startTime");
    const interval = positiveNumber(options.interval ?? 1, "options.interval");
    const unit = options.unit ?? "milliseconds";
    if (!TIME_UNITS.includes(unit)) {
      throw new RangeError(`options.unit: expected one of ${TIME_UNITS.join(", ")}`);
    }
    this.set({ timeExtent: { start, end, interval, unit }, timeSlider: true });
  }

  /**
   * The map's bookmarks. Python: `Map.bookmarks.list()`.
   * @example
   * console.log(map.bookmarks.map((bookmark) => bookmark.name));
   */
  get bookmarks(): readonly BookmarkSpec[] {
    return this.state.bookmarks;
  }

  /**
   * Adds a bookmark of `extent` (by default the current one) under `name`.
   * Python: `Map.bookmarks.add(name, extent)`.
   * @example
   * map.addBookmark("Paris", { xmin: 2.2, ymin: 48.8, xmax: 2.5, ymax: 48.9 });
   */
  addBookmark(name: string, extent?: Extent): void {
    if (typeof name !== "string" || name.trim() === "") {
      throw new TypeError("name: expected a bookmark name");
    }
    const where = extent === undefined ? this.state.extent : checkExtent(extent, "extent");
    if (!where) throw new Error("extent: the map has no extent yet; pass one");
    const others = this.state.bookmarks.filter((bookmark) => bookmark.name !== name);
    this.set({
      bookmarks: [...others, { name, extent: { spatialReference: { wkid: 4326 }, ...where } }],
    });
  }

  /**
   * Removes the bookmark called `name`; true when there was one. Python: `Map.bookmarks.remove(name)`.
   * @example
   * map.removeBookmark("Paris");
   */
  removeBookmark(name: string): boolean {
    const before = this.state.bookmarks;
    const kept = before.filter((bookmark) => bookmark.name !== name);
    this.set({ bookmarks: kept });
    return kept.length < before.length;
  }

  /**
   * Shows the bookmarks on the view, to go to one with a click. Python: `Map.bookmarks.enabled`.
   * @example
   * map.bookmarksWidget = true;
   */
  get bookmarksWidget(): boolean {
    return this.state.bookmarksWidget;
  }

  /** Python: `Map.bookmarks.enabled = True`. @example map.bookmarksWidget = true */
  set bookmarksWidget(value: boolean) {
    this.set({ bookmarksWidget: requireBoolean(value, "bookmarksWidget") });
  }

  /**
   * Makes the other maps follow this one's navigation and this one follow theirs (centre,
   * zoom and angles), in the browser. Python: `MapView.sync_navigation(mapview)`.
   * @example
   * left.syncNavigation(right);
   */
  syncNavigation(maps: MapView | MapView[]): void {
    const others = (Array.isArray(maps) ? maps : [maps]).map((map, index) => {
      if (!(map instanceof MapView)) throw new TypeError(`maps[${index}]: expected a MapView`);
      if (map === this) throw new RangeError(`maps[${index}]: a map cannot sync with itself`);
      return map;
    });
    const group = new Set<MapView>([this, ...others]);
    for (const map of group) {
      const linked = new Set([...map.state.linkedMaps]);
      for (const peer of group) if (peer !== map) linked.add(peer.modelId);
      map.set({ linkedMaps: [...linked] });
    }
  }

  /**
   * Stops following the given maps (all with no argument), both ways.
   * Python: `MapView.unsync_navigation(mapview=None)`.
   * @example
   * left.unsyncNavigation();
   */
  unsyncNavigation(maps?: MapView | MapView[]): void {
    const others =
      maps === undefined ? [...linkedMapViews(this)] : Array.isArray(maps) ? maps : [maps];
    const ids = new Set(others.map((map) => map.modelId));
    this.set({ linkedMaps: this.state.linkedMaps.filter((id) => !ids.has(id)) });
    for (const map of others) {
      map.set({ linkedMaps: map.state.linkedMaps.filter((id) => id !== this.modelId) });
    }
  }

  /**
   * The operational layers, in drawing order. Python: `MapView.layers`.
   * @example
   * console.log(map.layers.map((layer) => layer.title));
   */
  get layers(): readonly LayerSpec[] {
    return this.state.layers;
  }

  /**
   * The graphics drawn with `draw`. Python: the widget's drawn graphics.
   * @example
   * console.log(map.graphics.length);
   */
  get graphics(): readonly GraphicSpec[] {
    return this.state.graphics;
  }

  /**
   * Adds a layer: a portal item, a layer object, a service URL or GeoJSON.
   * Python: `MapView.add_layer(item, options=None)`.
   * @example
   * await map.addLayer(`${gis.url}/rest/services/Hosted/Parks/FeatureServer/0`, { opacity: 0.8 });
   */
  async addLayer(layer: unknown, options?: AddLayerOptions): Promise<LayerSpec> {
    const spec = toLayerSpec(layer, options, this.gis?.url ?? null);
    this.addedInputs.remember(layer, spec.id);
    const layers = [...this.state.layers, spec];
    // The views start loading a layer as soon as its record arrives: its server's token must be
    // there first, or the browser's sign-in dialog asks the user for it.
    if (spec.url && this.gis) await this.sendCredentials(layers);
    this.set({ layers });
    return spec;
  }

  /**
   * Removes the given layers, or all with no argument: records from `map.layers` or their ids,
   * or the Items, layer objects and GeoJSON that were passed to `addLayer`. Returns true when
   * something was removed. Python: `MapView.remove_layers(layers=None)`.
   * @example
   * const parks = await gis.content.get(parksId);
   * await map.addLayer(parks);
   * map.removeLayers([parks]);
   */
  removeLayers(layers?: MapLayerReference | MapLayerReference[]): boolean {
    const before = this.state.layers;
    if (layers === undefined) {
      this.set({ layers: [] });
      return before.length > 0;
    }
    const list = Array.isArray(layers) ? layers : [layers];
    const ids = new Set(
      list.flatMap((layer, index) =>
        layersNamedBy(layer, before, this.addedInputs, `layers[${index}]`).map((spec) => spec.id),
      ),
    );
    const kept = before.filter((layer) => !ids.has(layer.id));
    this.set({ layers: kept });
    return kept.length < before.length;
  }

  /**
   * Changes a layer's properties: `title`, `opacity` (or Python 2.4's `transparency`, 0–100),
   * `visible`, `renderer` (ArcGIS JSON, or a smart-mapping renderer by name with `fieldName`),
   * `popupTemplate` and `definitionExpression`; `null` clears one, so the layer's own comes
   * back. `layer` is a record from `map.layers`, its id or its index, or the Item / layer object
   * / GeoJSON that was added. A record alone (Python 1.x: `update_layer(layer)`) puts that
   * record's properties in place of the layer's. The views update the layer where it is.
   * Returns the layers' new records.
   * Python: `MapView.update_layer(layer)` (1.x), `Map.content.update_layer(index, renderer=, transparency=, options=)` (2.4).
   * @example
   * const parks = await map.addLayer(parksUrl);
   * map.updateLayer(parks, { opacity: 0.5, definitionExpression: "AREA > 10" });
   * map.updateLayer(0, { renderer: "ClassedColorRenderer", fieldName: "AREA" });
   */
  updateLayer(layer: MapLayerReference | number, options?: UpdateLayerOptions): LayerSpec[] {
    const targets = this.layersOf(layer, "layer");
    if (options === undefined && !isLayerRecord(layer)) {
      throw new TypeError(
        "options: expected the properties to change (or pass a record from map.layers alone)",
      );
    }
    const updated = new Map(
      targets.map((spec) => [
        spec.id,
        options === undefined
          ? replacedLayerSpec(spec, layer as LayerSpec)
          : updatedLayerSpec(spec, options),
      ]),
    );
    this.set({ layers: this.state.layers.map((spec) => updated.get(spec.id) ?? spec) });
    return [...updated.values()];
  }

  /**
   * Moves a layer to `newIndex` in the drawing order (0 is drawn first, at the bottom; the
   * basemap stays below and the graphics above). `layer` is its current index, a record from
   * `map.layers` or its id, or the Item / layer object added. Python: `Map.content.reposition(current_index, new_index)` (2.4).
   * @example
   * map.repositionLayer(map.layers.length - 1, 0); // the last layer added goes to the bottom
   */
  repositionLayer(layer: MapLayerReference | number, newIndex: number): void {
    const targets = this.layersOf(layer, "layer");
    if (targets.length > 1) {
      throw new RangeError(
        `layer: it names ${targets.length} layers of this map; pass one record, its id or its index`,
      );
    }
    const from = this.state.layers.indexOf(targets[0]);
    this.set({ layers: repositionedLayers(this.state.layers, from, newIndex) });
  }

  /**
   * Sets the extent to a layer's: an Item (its extent, else its service's), a layer object, a
   * record from `map.layers` or its id, GeoJSON, or an array of these (their combined extent).
   * Python: `MapView.zoom_to_layer(item, options={})`.
   * @example
   * await map.zoomToLayer(await gis.content.get(parksId));
   */
  async zoomToLayer(layer: MapLayerReference | MapLayerReference[]): Promise<void> {
    const list = Array.isArray(layer) ? (layer as MapLayerReference[]) : [layer];
    if (list.length === 0) throw new RangeError("layer: an empty array has no extent");
    const extents = await Promise.all(list.map((one) => this.extentOf(one)));
    const found = extents.filter((extent): extent is Extent => extent !== null);
    if (found.length === 0) throw new Error("layer: it has no extent to zoom to");
    const extent = found.length === 1 ? found[0] : unionOfExtents(found);
    this.set({
      extent: checkExtent(extent, "layer extent"),
      center: null,
      zoom: null,
      scale: null,
    });
  }

  /**
   * Draws geometries or features (ArcGIS JSON or GeoJSON) as graphics, with a symbol, a popup
   * (`{ title, content }`) and attributes. A tool name ("point", "multipoint", "polyline",
   * "polygon", "rectangle", "circle") lets the user draw that shape on the displayed map
   * instead: it becomes a graphic with these options and goes to the `onDrawEnd` callbacks.
   * The second argument may also be the symbol alone, as before.
   * Python: `MapView.draw(shape, popup=None, symbol=None, attributes=None)`.
   * @example
   * map.draw({ type: "Point", coordinates: [2.35, 48.85] }, {
   *   symbol: { type: "esriSMS", color: [255, 0, 0, 255], size: 10 },
   *   popup: { title: "Paris", content: "The capital" },
   *   attributes: { name: "Paris" },
   * });
   * map.draw("polygon"); // the user draws it
   */
  draw(shape: unknown, options?: DrawOptions | Record<string, unknown>): void {
    const style = checkDrawOptions(options);
    if (typeof shape === "string") {
      this.startUserDrawing(shape, style);
      return;
    }
    const graphics = toGraphicSpecs(shape, style);
    this.set({ graphics: [...this.state.graphics, ...graphics] });
  }

  /**
   * Calls `callback(map, geometry)` when the user finishes a shape started with
   * `draw("polygon")` (or another tool); `{ remove: true }` unregisters it.
   * Python: `MapView.on_draw_end(callback, remove=False)`.
   * @example
   * map.onDrawEnd((_map, geometry) => console.log(geometry.rings));
   * map.draw("polygon");
   */
  onDrawEnd(callback: MapDrawEndCallback, options: { remove?: boolean } = {}): void {
    if (typeof callback !== "function") throw new TypeError("callback: expected a function");
    if (options.remove) this.drawEndCallbacks.delete(callback);
    else this.drawEndCallbacks.add(callback);
  }

  /**
   * Removes every graphic drawn with `draw`. Python: `MapView.clear_graphics()`.
   * @example
   * map.clearGraphics();
   */
  clearGraphics(): void {
    this.set({ graphics: [] });
  }

  /**
   * Calls `callback(map, event)` when the user clicks the map, with the point and the features
   * under it; `{ remove: true }` unregisters it. Python: `MapView.on_click(callback, remove=False)`.
   * @example
   * map.onClick((_map, event) => console.log(event.latitude, event.longitude));
   */
  onClick(callback: MapClickCallback, options: { remove?: boolean } = {}): void {
    if (typeof callback !== "function") throw new TypeError("callback: expected a function");
    if (options.remove) this.clickCallbacks.delete(callback);
    else this.clickCallbacks.add(callback);
  }

  /**
   * Asks a displayed view for a PNG of the map and resolves with its bytes; shows it in the
   * cell unless `outputInCell` is false. Python: `MapView.take_screenshot(output_in_cell=True, file_path=None)`.
   * @example
   * const png = await map.takeScreenshot({ filePath: "map.png" });
   */
  async takeScreenshot(options: TakeScreenshotOptions = {}): Promise<Buffer> {
    const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_SCREENSHOT_TIMEOUT_SECONDS;
    positiveNumber(timeoutSeconds, "options.timeoutSeconds");
    if (options.filePath !== undefined && typeof options.filePath !== "string") {
      throw new TypeError("options.filePath: expected a string");
    }
    if (this.isClosed) throw new Error("takeScreenshot: the map widget is closed");
    const png = await this.screenshots.start(
      (requestId) => this.sendCustom({ command: "screenshot", requestId }),
      timeoutSeconds * 1000,
      `takeScreenshot: no map view answered within ${timeoutSeconds} s (is the map displayed?)`,
    );
    if (options.filePath) await writeFile(options.filePath, png);
    if (options.outputInCell !== false) display(new PngImage(png));
    return png;
  }

  /**
   * Writes a standalone HTML page showing this map (layers, graphics, extent; no token).
   * Python: `MapView.export_to_html(path_to_file, title='Exported ArcGIS Map Widget')`.
   * @example
   * await map.exportToHtml("map.html", { title: "Parks" });
   */
  async exportToHtml(path: string, options: ExportToHtmlOptions = {}): Promise<boolean> {
    if (typeof path !== "string" || path === "") throw new TypeError("path: expected a file path");
    await writeFile(path, standaloneMapPage(this.state, options), "utf8");
    return true;
  }

  /**
   * Has the GIS's print service draw the map (its layers and graphics) and resolves with the
   * URL of the file it made. Formats and layouts are the service's: ArcGIS Online prints PDF,
   * PNG, JPG … with layouts; the tsgis portal prints PNG32/PNG8, MAP_ONLY, hosted feature layers.
   * Python: `Map.print(file_format, extent, dpi=92, output_dimensions=(500, 500), scale=None, rotation=None, layout_template='MAP_ONLY', layout_options=None)` (2.4).
   * @example
   * const url = await map.print("PNG32", { outputDimensions: [800, 600] });
   */
  async print(fileFormat: string, options: PrintMapOptions = {}): Promise<string> {
    if (!this.gis) throw new Error("print: the map is not connected to a GIS");
    if (typeof options !== "object" || options === null) {
      throw new TypeError("options: expected an object");
    }
    return printMap(this.gis, this.state, fileFormat, options);
  }

  /**
   * Saves the map as a Web Map item (layers, graphics, basemap, extent) that
   * `gis.map(item)` reopens. `itemProperties` needs `title`, `snippet` and `tags`, as in Python.
   * Python: `MapView.save(item_properties, thumbnail=None, metadata=None, owner=None, folder=None)`.
   * @example
   * const item = await map.save({ title: "Parks", snippet: "Parks of Paris", tags: ["parks"] });
   */
  async save(itemProperties: ItemProperties, options: SaveMapOptions = {}): Promise<Item> {
    const gis = this.gis;
    if (!gis) throw new Error("save: the map is not connected to a GIS");
    checkSaveOptions(options);
    if (typeof itemProperties !== "object" || itemProperties === null) {
      throw new TypeError("itemProperties: expected an object with title, snippet and tags");
    }
    for (const key of ["title", "snippet", "tags"] as const) {
      const value = itemProperties[key];
      if (
        value === undefined ||
        value === null ||
        value === "" ||
        (Array.isArray(value) && value.length === 0)
      ) {
        throw new TypeError(`itemProperties.${key}: required to save a map`);
      }
    }
    if (options.folder !== undefined && options.folder !== "/") {
      // Python creates the folder when it is missing; createFolder answers null when it exists.
      await gis.content.createFolder(options.folder, { owner: options.owner });
    }
    const item = await gis.content.add(
      {
        ...itemProperties,
        type: "Web Map",
        typeKeywords: ["Web Map", "Map", "Online Map", "tsgis"],
        text: toWebMapJson(this.state),
      },
      {
        folder: options.folder === "/" ? undefined : options.folder,
        thumbnail: options.thumbnail,
        metadata: options.metadata,
        owner: options.owner,
      },
    );
    this.webMapItem = item;
    return item;
  }

  /**
   * Writes the map's current layers, graphics, basemap and view into the Web Map it was opened
   * from (`gis.map(item)`) or last saved as, with new item properties, thumbnail or metadata
   * if given. Python: `Map.update(item_properties=None, thumbnail=None, metadata=None)`.
   * @example
   * const reopened = await gis.map(item);
   * await reopened.addLayer(parksUrl);
   * await reopened.update({ snippet: "Now with parks" });
   */
  async update(
    itemProperties: ItemProperties = {},
    options: Pick<SaveMapOptions, "thumbnail" | "metadata"> = {},
  ): Promise<boolean> {
    if (!this.webMapItem) {
      throw new Error("update: the map was neither opened from nor saved as a Web Map; use save()");
    }
    if (typeof itemProperties !== "object" || itemProperties === null) {
      throw new TypeError("itemProperties: expected an object");
    }
    checkSaveOptions(options);
    return this.webMapItem.update({
      itemProperties: { ...itemProperties, text: toWebMapJson(this.state) },
      thumbnail: options.thumbnail,
      metadata: options.metadata,
    });
  }

  /**
   * The Web Map item `update` writes: the one the map was opened from or last saved as.
   * Python: `Map.item` (2.4).
   * @example
   * console.log(map.item?.id);
   */
  get item(): Item | null {
    return this.webMapItem;
  }

  /**
   * Closes the widget: the view disappears and the comm is released.
   * Python: `MapView.close()` (ipywidgets).
   * @example
   * map.close();
   */
  override close(): void {
    this.screenshots.rejectAll(new Error("the map widget was closed"));
    this.clickCallbacks.clear();
    this.drawEndCallbacks.clear();
    this.drawRequests.clear();
    if (this.state.linkedMaps.length > 0) this.unsyncNavigation();
    MapView.open.delete(this.modelId);
    super.close();
  }

  protected override describe(): string {
    const where = this.center
      ? `center [${this.center.map((n) => n.toFixed(4)).join(", ")}] zoom ${this.zoom ?? "?"}`
      : this.extent
        ? `extent ${[this.extent.xmin, this.extent.ymin, this.extent.xmax, this.extent.ymax].map((n) => Number(n.toFixed(4))).join(", ")}`
        : "default extent";
    return `MapView(${this.mode}, ${where}, ${this.layers.length} layer(s))`;
  }

  private receiveEvent(content: JsonObject, buffers: Buffer[]): void {
    switch (content.event) {
      case "requestCredentials":
        void this.sendCredentials();
        return;
      case "screenshot":
        if (content.ok === true && buffers[0]) {
          this.screenshots.settle(content.requestId, { value: Buffer.from(buffers[0]) });
        } else {
          const reason = typeof content.error === "string" ? content.error : "no image";
          this.screenshots.settle(content.requestId, {
            error: new Error(`takeScreenshot: the view failed: ${reason}`),
          });
        }
        return;
      case "click":
        this.deliverClick(content);
        return;
      case "drawEnd":
        this.deliverDrawing(content);
        return;
    }
  }

  private startUserDrawing(tool: string, style: DrawOptions): void {
    if (!(DRAW_TOOLS as readonly string[]).includes(tool)) {
      throw new RangeError(`shape: "${tool}" is not a drawing tool (${DRAW_TOOLS.join(", ")})`);
    }
    if (this.isClosed) throw new Error("draw: the map widget is closed");
    const requestId = randomUUID();
    this.drawRequests.set(requestId, { ...style, symbol: style.symbol ?? null });
    this.sendCustom({ command: "draw", requestId, tool: tool as DrawTool });
  }

  private deliverDrawing(content: JsonObject): void {
    const style =
      typeof content.requestId === "string" ? this.drawRequests.get(content.requestId) : undefined;
    const geometry = content.geometry;
    if (!style || typeof geometry !== "object" || geometry === null || Array.isArray(geometry))
      return;
    this.drawRequests.delete(content.requestId as string);
    const drawn = toGraphicSpecs(geometry, style);
    this.set({ graphics: [...this.state.graphics, ...drawn] });
    for (const callback of [...this.drawEndCallbacks]) {
      try {
        callback(this, drawn[0].geometry);
      } catch (error) {
        // A failing callback must not stop the others, nor the comm handler.
        process.emitWarning(`onDrawEnd callback failed: ${String(error)}`);
      }
    }
  }

  private deliverClick(content: JsonObject): void {
    const latitude = finiteNumber(content.latitude, "click.latitude");
    const longitude = finiteNumber(content.longitude, "click.longitude");
    const event: MapClickEvent = {
      latitude,
      longitude,
      mapPoint: (content.mapPoint as Record<string, unknown>) ?? {},
      features: Array.isArray(content.features)
        ? (content.features as MapClickEvent["features"])
        : [],
    };
    for (const callback of [...this.clickCallbacks]) {
      try {
        callback(this, event);
      } catch (error) {
        // A failing callback must not stop the others, nor the comm handler.
        process.emitWarning(`onClick callback failed: ${String(error)}`);
      }
    }
  }

  private async sendCredentials(layers = this.state.layers): Promise<void> {
    if (!this.gis || this.isClosed) return;
    try {
      const credentials = await credentialsForViews(this.gis, layers);
      this.sendCustom({ command: "credentials", credentials });
    } catch (error) {
      process.emitWarning(`the map could not get credentials for its views: ${String(error)}`);
    }
  }

  /** The layers `layer` names: an index, or what `layersNamedBy` accepts; at least one. */
  private layersOf(layer: MapLayerReference | number, argument: string): LayerSpec[] {
    const layers = this.state.layers;
    if (typeof layer === "number") return [layers[layerIndex(layer, layers.length, argument)]];
    const named = layersNamedBy(layer, layers, this.addedInputs, argument);
    if (named.length === 0) throw new RangeError(`${argument}: it names no layer of this map`);
    return named;
  }

  private async extentOf(layer: MapLayerReference): Promise<Extent | null> {
    const [spec] = layersNamedBy(layer, this.state.layers, this.addedInputs, "layer");
    if (typeof layer === "string" && !spec && !/^https?:\/\//i.test(layer)) {
      throw new RangeError(`layer: no layer with id "${layer}" on this map`);
    }
    if (typeof layer === "string" && !spec) {
      return this.gis ? serviceExtent(this.gis, layer) : null;
    }
    // An Item knows its extent; the layer record made from it does not.
    const given = layer as unknown as Record<string, unknown>;
    if (Array.isArray(given.extent) && given.extent.length > 0) {
      const extent = itemExtent(given.extent);
      if (extent) return extent;
    }
    if (spec?.geojson) return featureCollectionExtent(spec.geojson);
    const record = (spec ?? layer) as unknown as Record<string, unknown>;
    if (record.type === "FeatureCollection" || record.type === "Feature") {
      return featureCollectionExtent(record);
    }
    const url = typeof record.url === "string" ? record.url : null;
    if (url && this.gis) return serviceExtent(this.gis, url);
    throw new TypeError("layer: expected a layer of this map, an item with an extent, or GeoJSON");
  }
}

/**
 * What names a layer to `removeLayers` and `zoomToLayer`: a record from `map.layers` or its id,
 * an Item, a layer object or GeoJSON (the one added, or one naming the same item or service).
 */
export type MapLayerReference =
  LayerSpec | Item | { url: string } | Record<string, unknown> | string;

/** A record as `map.layers` holds it (Python 1.x's layer dict), not an Item or a layer object. */
function isLayerRecord(value: unknown): value is LayerSpec {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.kind === "string" &&
    typeof record.options === "object" &&
    record.options !== null
  );
}

const TIME_UNITS: readonly TimeExtentSpec["unit"][] = [
  "milliseconds",
  "seconds",
  "minutes",
  "hours",
  "days",
  "weeks",
  "months",
  "years",
];

function checkTime(value: unknown, argument: string): number {
  const time = value instanceof Date ? value.getTime() : value;
  if (typeof time !== "number" || !Number.isFinite(time)) {
    throw new TypeError(`${argument}: expected a Date or epoch milliseconds`);
  }
  return time;
}

/** The open maps this one is synced with (closed ones drop out). */
function linkedMapViews(map: MapView): MapView[] {
  return map.state.linkedMaps
    .map((id) => MapView.byModelId(id))
    .filter((peer): peer is MapView => peer !== undefined);
}

function unionOfExtents(extents: Extent[]): Extent {
  const wkids = new Set(
    extents.map((e) => e.spatialReference?.latestWkid ?? e.spatialReference?.wkid ?? 4326),
  );
  if (wkids.size > 1) {
    throw new RangeError("layer: the layers' extents are in different spatial references");
  }
  return {
    xmin: Math.min(...extents.map((e) => e.xmin)),
    ymin: Math.min(...extents.map((e) => e.ymin)),
    xmax: Math.max(...extents.map((e) => e.xmax)),
    ymax: Math.max(...extents.map((e) => e.ymax)),
    spatialReference: extents[0].spatialReference ?? { wkid: 4326 },
  };
}

function checkSaveOptions(options: SaveMapOptions): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`options: expected an object, got ${describe(options)}`);
  }
  const allowed = new Set(["thumbnail", "metadata", "owner", "folder"]);
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) throw new TypeError(`options.${key}: not a save option`);
  }
  for (const key of ["thumbnail", "metadata"] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== "string" && !Buffer.isBuffer(value)) {
      throw new TypeError(`options.${key}: expected a path, a URL or bytes (a Buffer)`);
    }
  }
  for (const key of ["owner", "folder"] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
      throw new TypeError(`options.${key}: expected a non-empty string`);
    }
  }
}

/** An item's extent is `[[xmin, ymin], [xmax, ymax]]` in WGS84. */
function itemExtent(extent: unknown[]): Extent | null {
  const [min, max] = extent as [number[], number[]];
  if (!Array.isArray(min) || !Array.isArray(max)) return null;
  return {
    xmin: min[0],
    ymin: min[1],
    xmax: max[0],
    ymax: max[1],
    spatialReference: { wkid: 4326 },
  };
}

/** A PNG shown as an image output. */
class PngImage implements Displayable {
  constructor(private readonly png: Buffer) {}

  [displaySymbol](): MimeBundle {
    return { "image/png": this.png, "text/plain": `<PNG image, ${this.png.length} bytes>` };
  }
}
