// The kernel side of the map widget: a Jupyter widget model whose state the browser views
// draw with @arcgis/core, and whose navigation values follow the user's pans and zooms.
import { writeFile } from "fs/promises";
import type { Item } from "../content/item";
import type { ItemProperties } from "../content/item-json";
import type { GIS } from "../gis";
import { display, displaySymbol, type Displayable } from "../jupyter/display";
import type { JsonObject, MimeBundle } from "../jupyter/protocol";
import { Widget } from "../jupyter/widget";
import { credentialsForViews } from "./credentials";
import { featureCollectionExtent } from "./geojson";
import { toGraphicSpecs } from "./graphics";
import { toLayerSpec, type AddLayerOptions } from "./layer-spec";
import {
  checkExtent,
  checkFiniteNumber,
  checkLatLon,
  checkMode,
  checkPositiveNumber,
  checkRange,
  checkZoom,
} from "./map-arguments";
import {
  MAP_MODEL_SPEC,
  type Extent,
  type GraphicSpec,
  type LatLon,
  type LayerSpec,
  type MapMode,
  type MapState,
} from "./map-state";
import { PendingRequests } from "./pending-requests";
import { standaloneMapPage, type ExportToHtmlOptions } from "./standalone-page";
import { serviceExtent } from "./service-extent";
import { toWebMapJson } from "./web-map";

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
  private readonly screenshots = new PendingRequests<Buffer>();

  /** @internal Use `gis.map()`. */
  constructor(
    private readonly gis: GIS | null,
    state: MapState,
  ) {
    // A number (not null) asks the front end to count the views it shows (ipywidgets' _view_count).
    super(MAP_MODEL_SPEC, { ...state, _view_count: 0 });
    this.onCustomMessage((content, buffers) => this.receiveEvent(content, buffers));
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
    return this.state.center;
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
    return this.state.zoom;
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
    this.set({ scale: checkPositiveNumber(value, "scale") });
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
    this.set({ rotation: checkRange(value, "rotation", -360, 360) });
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
    this.set({ heading: checkRange(value, "heading", -360, 360) });
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
    this.set({ tilt: checkRange(value, "tilt", 0, 180) });
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

  /** Python: `MapView.basemap = "topo"`. @example map.basemap = "offline" */
  set basemap(value: string | null) {
    if (value !== null && (typeof value !== "string" || value.trim() === "")) {
      throw new TypeError("basemap: expected a basemap name, or null for the portal's default");
    }
    this.set({ basemap: value });
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
    this.set({ layers: [...this.state.layers, spec] });
    if (spec.url && this.gis) await this.sendCredentials();
    return spec;
  }

  /**
   * Removes the given layers (specs from `map.layers`, or their ids), or all with no argument.
   * Returns true when something was removed. Python: `MapView.remove_layers(layers=None)`.
   * @example
   * map.removeLayers([map.layers[0]]);
   */
  removeLayers(layers?: LayerSpec | string | (LayerSpec | string)[]): boolean {
    const before = this.state.layers;
    if (layers === undefined) {
      this.set({ layers: [] });
      return before.length > 0;
    }
    const ids = new Set(
      (Array.isArray(layers) ? layers : [layers]).map((layer, index) => layerId(layer, index)),
    );
    const kept = before.filter((layer) => !ids.has(layer.id));
    this.set({ layers: kept });
    return kept.length < before.length;
  }

  /**
   * Sets the extent to a layer's: a layer of this map, an item (its extent) or GeoJSON.
   * Python: `MapView.zoom_to_layer(item, options={})`.
   * @example
   * await map.zoomToLayer(map.layers[0]);
   */
  async zoomToLayer(layer: LayerSpec | string | Record<string, unknown>): Promise<void> {
    const extent = await this.extentOf(layer);
    if (!extent) throw new Error("layer: it has no extent to zoom to");
    this.set({ extent: checkExtent(extent, "layer extent"), center: null });
  }

  /**
   * Draws geometries or features (ArcGIS JSON or GeoJSON) as graphics, with an optional
   * ArcGIS JSON symbol. Python: `MapView.draw(shape, popup=None, symbol=None, attributes=None)`.
   * @example
   * map.draw({ type: "Point", coordinates: [2.35, 48.85] }, { type: "esriSMS", color: [255, 0, 0, 255], size: 10 });
   */
  draw(shape: unknown, symbol?: Record<string, unknown>): void {
    const graphics = toGraphicSpecs(shape, symbol);
    this.set({ graphics: [...this.state.graphics, ...graphics] });
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
    checkPositiveNumber(timeoutSeconds, "options.timeoutSeconds");
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
   * Saves the map as a Web Map item (layers, graphics, basemap, extent) that
   * `gis.map(item)` reopens. `itemProperties` needs `title`, `snippet` and `tags`, as in Python.
   * Python: `MapView.save(item_properties, thumbnail=None, metadata=None, owner=None, folder=None)`.
   * @example
   * const item = await map.save({ title: "Parks", snippet: "Parks of Paris", tags: ["parks"] });
   */
  async save(itemProperties: ItemProperties, options: { folder?: string } = {}): Promise<Item> {
    if (!this.gis) throw new Error("save: the map is not connected to a GIS");
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
    return this.gis.content.add(
      {
        ...itemProperties,
        type: "Web Map",
        typeKeywords: ["Web Map", "Map", "Online Map", "tsgis"],
        text: toWebMapJson(this.state),
      },
      { folder: options.folder },
    );
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
    }
  }

  private deliverClick(content: JsonObject): void {
    const latitude = checkFiniteNumber(content.latitude, "click.latitude");
    const longitude = checkFiniteNumber(content.longitude, "click.longitude");
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

  private async sendCredentials(): Promise<void> {
    if (!this.gis || this.isClosed) return;
    try {
      const credentials = await credentialsForViews(this.gis, this.state.layers);
      this.sendCustom({ command: "credentials", credentials });
    } catch (error) {
      process.emitWarning(`the map could not get credentials for its views: ${String(error)}`);
    }
  }

  private async extentOf(
    layer: LayerSpec | string | Record<string, unknown>,
  ): Promise<Extent | null> {
    const spec =
      typeof layer === "string"
        ? this.state.layers.find((candidate) => candidate.id === layer)
        : this.state.layers.find((candidate) => candidate.id === (layer as { id?: unknown }).id);
    if (typeof layer === "string" && !spec) {
      throw new RangeError(`layer: no layer with id "${layer}" on this map`);
    }
    if (spec?.geojson) return featureCollectionExtent(spec.geojson);
    const record = (spec ?? layer) as Record<string, unknown>;
    if (Array.isArray(record.extent)) return itemExtent(record.extent);
    if (record.type === "FeatureCollection" || record.type === "Feature") {
      return featureCollectionExtent(record);
    }
    const url = typeof record.url === "string" ? record.url : null;
    if (url && this.gis) return serviceExtent(this.gis, url);
    throw new TypeError("layer: expected a layer of this map, an item with an extent, or GeoJSON");
  }
}

function layerId(layer: LayerSpec | string, index: number): string {
  if (typeof layer === "string") return layer;
  if (layer && typeof layer === "object" && typeof layer.id === "string") return layer.id;
  throw new TypeError(`layers[${index}]: expected a layer from map.layers or its id`);
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
