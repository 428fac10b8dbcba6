// One map on screen: an @arcgis/core Map in a MapView (2D) or SceneView (3D), kept in step
// with the model. Changes from the kernel are followed in full; changes another view of the
// same model reported are followed for the centre, zoom and angles only (views differ in
// size, so extents differ); and only the user's own navigation is reported back.
import Graphic from "@arcgis/core/Graphic";
import ArcGISMap from "@arcgis/core/Map";
import * as reactiveUtils from "@arcgis/core/core/reactiveUtils";
import Extent from "@arcgis/core/geometry/Extent";
import GraphicsLayer from "@arcgis/core/layers/GraphicsLayer";
import type Layer from "@arcgis/core/layers/Layer";
import MapView from "@arcgis/core/views/MapView";
import SceneView from "@arcgis/core/views/SceneView";
import type { MapHost } from "./map-host";
import type {
  DrawTool,
  GraphicSpec,
  LayerSpec,
  MapState,
  SmartRendererSpec,
} from "tsgis/dist/map/contract";
import { debounce } from "../sync/debounce";
import { reportFor, roundViewpoint, targetFor, type NavigationTarget } from "../sync/navigation";
import { TaskQueue } from "../sync/task-queue";
import { chooseBasemap } from "./basemap";
import { drawShape } from "./draw-shape";
import { galleryBasemap } from "./gallery-basemap";
import { layerStack, layerChange } from "../sync/layer-diff";
import { applyLayerProperties, createLayer } from "./layers";
import { computeSmartRenderer } from "./smart-renderer";
import { VIEW_WIDGET_KEYS, ViewWidgets } from "./view-widgets";
import { OCEAN_COLOR, webMercatorLods } from "./offline-basemap";
import { readViewpoint } from "./viewpoint";

const REPORT_DEBOUNCE_MS = 150;
/** How long a new view may take to become ready before the steps queued behind it go on. */
const VIEW_READY_WAIT_MS = 15_000;
const FOLLOWED_FROM_PEERS = ["center", "zoom", "rotation", "heading", "tilt"];
/** What a map synced with another (syncNavigation) takes from it: views differ in size. */
const LINKED_KEYS = ["center", "zoom", "rotation", "heading", "tilt"] as const;

type AnyView = MapView | SceneView;

export class MapController {
  // The globe's ground is the ocean's colour, so in 3D the sea is water wherever the basemap
  // does not reach (the poles beyond Web Mercator, or the offline basemap's bare ocean).
  private readonly map = new ArcGISMap({ ground: { surfaceColor: OCEAN_COLOR } });
  private readonly graphicsLayer = new GraphicsLayer({ id: "tsgis-graphics", listMode: "hide" });
  private view: AnyView | null = null;
  private widgets: ViewWidgets | null = null;
  private readonly layersById = new Map<string, Layer>();
  /** The record each of those layers was made from or last brought in line with. */
  private readonly layerSpecs = new Map<string, LayerSpec>();
  private offlineLayers: Layer[] = [];
  /** View creations and navigations, one at a time in the order the model asked for them. */
  private readonly steps = new TaskQueue();
  /** Until the first view exists, start() draws the state as it is then: changes wait. */
  private started = false;
  private readonly changedBeforeStart = new Set<string>();
  /** Layers being made: a second syncLayers must not make them again. */
  private readonly layersInProgress = new Set<string>();
  private destroyed = false;
  private readonly report = debounce(() => this.reportNavigation(), REPORT_DEBOUNCE_MS);
  /** The next report sends every navigation value (set after following the kernel). */
  private fullReportDue = false;
  private readonly handles: IHandle[] = [];
  private firstViewMade: () => void = () => undefined;
  /** Resolves when the first view exists. */
  private readonly firstView = new Promise<void>((resolve) => (this.firstViewMade = resolve));

  constructor(
    private readonly model: MapHost,
    private readonly container: HTMLDivElement,
  ) {}

  private get state(): MapState {
    return this.model.attributes as unknown as MapState;
  }

  /** Resolves when the first view is ready with basemap and layers requested. */
  async start(): Promise<void> {
    await this.model.credentialsReady();
    if (this.destroyed) return;
    this.map.add(this.graphicsLayer);
    // The layers load while the basemap is checked and the view is made, as they would in a
    // map built with all of them at once (a smart-mapping renderer waits for the view).
    void this.syncLayers();
    await this.applyBasemap();
    if (this.destroyed) return;
    this.syncGraphics();
    this.started = true;
    // The first view follows the whole state as it is now; what else changed meanwhile is
    // applied once, here, rather than on a half-built map.
    const changed = [...this.changedBeforeStart];
    this.changedBeforeStart.clear();
    const view = this.steps.run(() => this.createView(true));
    if (changed.includes("basemap") || changed.includes("galleryBasemaps"))
      void this.applyBasemap();
    if (changed.includes("layers")) void this.syncLayers();
    await view;
  }

  /** Called with the keys the model changed. */
  onModelChange(changed: string[]): void {
    if (this.destroyed) return;
    if (!this.started) {
      for (const key of changed) this.changedBeforeStart.add(key);
      return;
    }
    const fromKernel = this.model.kernelChange;
    if (changed.includes("mode")) {
      // The new view takes the whole state once it is ready; navigations queued after this
      // wait for it instead of moving the view being replaced.
      void this.steps.run(() => this.createView(fromKernel));
      if (changed.includes("basemap") || changed.includes("galleryBasemaps"))
        void this.applyBasemap();
      if (changed.includes("layers")) void this.syncLayers();
      if (changed.includes("graphics")) this.syncGraphics();
      return;
    }
    if (changed.includes("basemap") || changed.includes("galleryBasemaps"))
      void this.applyBasemap();
    if (changed.some((key) => VIEW_WIDGET_KEYS.includes(key))) this.widgets?.apply(this.state);
    if (changed.includes("snapToZoom") && this.view?.type === "2d") {
      (this.view as MapView).constraints.snapToZoom = this.state.snapToZoom;
    }
    if (changed.includes("layers")) void this.syncLayers();
    if (changed.includes("graphics")) this.syncGraphics();
    const navigation = fromKernel
      ? changed
      : changed.filter((key) => FOLLOWED_FROM_PEERS.includes(key));
    if (navigation.length > 0) {
      void this.steps.run(() => this.followNow(navigation, fromKernel));
    }
  }

  async screenshotPng(): Promise<Uint8Array> {
    if (!this.view) throw new Error("the view is not ready");
    await reactiveUtils.whenOnce(() => !this.view?.updating);
    const shot = await this.view.takeScreenshot({ format: "png" });
    const base64 = shot.dataUrl.slice(shot.dataUrl.indexOf(",") + 1);
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  }

  /** Lets the user draw one shape on this view (the kernel's `map.draw("polygon")`). */
  async drawShape(tool: DrawTool): Promise<Record<string, unknown>> {
    if (!this.view) throw new Error("the view is not ready");
    await this.view.when();
    return drawShape(this.view, tool);
  }

  /** The widgets shown on the view (for tests in the page). */
  get viewWidgets(): ViewWidgets | null {
    return this.widgets;
  }

  /** The view, once created (for tests and benchmarks in the page). */
  get currentView(): AnyView | null {
    return this.view;
  }

  destroy(): void {
    this.destroyed = true;
    this.report.cancel();
    for (const handle of this.handles.splice(0)) handle.remove();
    this.widgets?.clear();
    this.widgets = null;
    // Destroying the view destroys its map and layers too (createView takes the map away first).
    this.view?.destroy();
    this.view = null;
  }

  /** Replaces the view by one of the state's mode; runs in the step queue. */
  private async createView(fromKernel: boolean): Promise<void> {
    if (this.destroyed) return;
    const previous = this.view;
    for (const handle of this.handles.splice(0)) handle.remove();
    const state = this.state;
    const common = {
      container: this.container,
      map: this.map,
      ui: { components: ["zoom", "compass", "attribution"] },
    };
    if (previous) {
      // Destroying a view destroys its map too, unless the map is taken away first.
      previous.map = null as unknown as ArcGISMap;
      previous.container = null as unknown as HTMLDivElement;
      previous.destroy();
    }
    const view: AnyView =
      state.mode === "3D"
        ? new SceneView({
            ...common,
            qualityProfile: "low",
            environment: { starsEnabled: false, atmosphereEnabled: false },
          })
        : new MapView({
            ...common,
            constraints: {
              lods: webMercatorLods(),
              snapToZoom: state.snapToZoom,
              rotationEnabled: true,
            },
            background: { color: OCEAN_COLOR } as __esri.ColorBackgroundProperties,
          });
    this.view = view;
    this.firstViewMade();
    this.widgets?.clear();
    this.widgets = new ViewWidgets(view, () => this.switchModeFromView());
    this.widgets.apply(state);
    this.handles.push(
      reactiveUtils.watch(
        () => view.stationary,
        (stationary) => {
          if (stationary) this.report();
        },
      ),
      view.on("click", (event: __esri.ViewClickEvent) => void this.reportClick(view, event)),
    );
    const readiness = await readyWithin(view, VIEW_READY_WAIT_MS);
    if (readiness === "failed") return; // destroyed before it was ready (the map was closed)
    if (readiness === "waiting") {
      // A view without a size (its output hidden or collapsed) is not ready until it gets one.
      // The steps behind it must not wait that long: they run now, and this view takes the
      // whole state, as it is then, once it is ready.
      view.when().then(
        () => {
          if (this.destroyed || this.view !== view) return;
          void this.steps.run(() => this.followWholeState(fromKernel));
        },
        () => undefined,
      );
      return;
    }
    if (this.destroyed || this.view !== view) return;
    await this.followWholeState(fromKernel);
  }

  /** Moves the view to every navigation value the model has. */
  private followWholeState(fromKernel: boolean): Promise<void> {
    const all = ["center", "zoom", "scale", "extent", "rotation", "heading", "tilt"];
    return this.followNow(
      all.filter((key) => this.state[key as keyof MapState] !== null),
      fromKernel,
    );
  }

  /** Moves the view to the model's values of `changed`; runs in the step queue. */
  private async followNow(changed: string[], fromKernel: boolean): Promise<void> {
    const view = this.view;
    if (!view || !view.ready || this.destroyed || changed.length === 0) return;
    const target = targetFor(changed, this.state, readViewpoint(view));
    const angles = this.angleTarget(changed, view);
    if (target || angles) {
      try {
        if (view.type === "3d") {
          // One camera move: a tilt applied after the centre pivots the camera away from it.
          await view.goTo(sceneTarget(view as SceneView, target, angles), { animate: false });
        } else {
          if (target) await view.goTo(goToTarget(target), { animate: false });
          if (angles) await view.goTo(angles, { animate: false });
        }
      } catch {
        // goTo is interrupted when the user navigates meanwhile; the user's move wins.
      }
    }
    // After the kernel moved the map, the kernel learns where the view really is: all of it,
    // as a report computed before the kernel's change arrived may have overwritten its values.
    if (fromKernel) {
      this.fullReportDue = true;
      this.report();
    }
  }

  private angleTarget(
    changed: string[],
    view: AnyView,
  ): __esri.GoToTarget2D | __esri.GoToTarget3D | null {
    const state = this.state;
    if (view.type === "3d") {
      const camera = (view as SceneView).camera;
      if (!camera) return null;
      const heading = changed.includes("heading") ? state.heading : camera.heading;
      const tilt = changed.includes("tilt") ? state.tilt : camera.tilt;
      if (Math.abs(heading - camera.heading) < 0.01 && Math.abs(tilt - camera.tilt) < 0.01)
        return null;
      return { heading, tilt } as __esri.GoToTarget3D;
    }
    const mapView = view as MapView;
    if (changed.includes("rotation") && Math.abs(state.rotation - mapView.rotation) >= 0.01) {
      return { rotation: state.rotation } as __esri.GoToTarget2D;
    }
    return null;
  }

  /**
   * Tells the model (and so the kernel) where the view is. Nothing while a step is queued or
   * running: the view is between two places then, and the step reports when it is done.
   * After the kernel moved the view, all values go, not only those that differ from the model's.
   */
  private reportNavigation(): void {
    const view = this.view;
    if (!view || !view.ready || this.steps.busy || this.destroyed) return;
    const viewpoint = readViewpoint(view);
    if (!viewpoint) return;
    const changes = reportFor(this.state, viewpoint);
    if (Object.keys(changes).length > 0) {
      this.model.set(changes);
      this.model.save_changes();
      void this.moveLinkedMaps(changes);
    }
    if (this.fullReportDue) {
      this.fullReportDue = false;
      const { center, zoom, scale, extent, rotation, heading, tilt } = roundViewpoint(viewpoint);
      this.model.send_sync_message({
        center,
        zoom,
        scale,
        extent,
        rotation,
        heading,
        tilt,
      } as never);
    }
  }

  /** Maps synced with this one (syncNavigation) take its centre, zoom and angles. */
  private async moveLinkedMaps(changes: Record<string, unknown>): Promise<void> {
    const linked = this.state.linkedMaps ?? [];
    const moved = Object.fromEntries(
      LINKED_KEYS.filter((key) => key in changes).map((key) => [key, changes[key]]),
    );
    if (linked.length === 0 || Object.keys(moved).length === 0) return;
    for (const id of linked) {
      try {
        const peer = await this.model.peer(id);
        peer.set(moved);
        peer.save_changes();
      } catch {
        // A closed map drops out of the link; the kernel removes it from linkedMaps.
      }
    }
  }

  private switchModeFromView(): void {
    this.model.set({ mode: this.state.mode === "3D" ? "2D" : "3D" });
    this.model.save_changes();
  }

  private async reportClick(view: AnyView, event: __esri.ViewClickEvent): Promise<void> {
    const point = event.mapPoint;
    if (!point || point.latitude == null || point.longitude == null) return;
    const hits = await view.hitTest(event).catch(() => null);
    const features = (hits?.results ?? [])
      .filter((result): result is __esri.GraphicHit => result.type === "graphic")
      .filter((result) => {
        const layer = result.graphic.layer;
        return layer !== null && layer !== undefined && this.layersById.has(String(layer.id));
      })
      .map((result) => ({
        layerId: String(result.graphic.layer?.id),
        layerTitle: result.graphic.layer?.title ?? null,
        attributes: { ...(result.graphic.attributes ?? {}) },
      }));
    this.model.sendEvent({
      event: "click",
      latitude: point.latitude,
      longitude: point.longitude,
      mapPoint: point.toJSON(),
      features,
    });
  }

  private async applyBasemap(): Promise<void> {
    const gallery = galleryBasemap(this.state);
    const choice = gallery
      ? { kind: "basemap" as const, basemap: gallery }
      : await chooseBasemap(this.state.basemap, this.state.portalBasemap);
    if (this.destroyed) return;
    this.map.removeMany(this.offlineLayers);
    this.offlineLayers = [];
    if (choice.kind === "basemap") {
      this.map.basemap = choice.basemap;
    } else {
      this.map.basemap = null as unknown as __esri.Basemap;
      this.offlineLayers = choice.layers;
      this.map.addMany(choice.layers, 0);
    }
  }

  private async syncLayers(): Promise<void> {
    const wanted: LayerSpec[] = this.state.layers ?? [];
    const wantedIds = new Set(wanted.map((spec) => spec.id));
    for (const id of [...this.layersById.keys()]) {
      if (!wantedIds.has(id)) this.dropLayer(id);
    }
    for (const spec of wanted) this.followLayer(spec);
    this.stackLayers();
    for (const spec of wanted) {
      if (this.layersById.has(spec.id) || this.layersInProgress.has(spec.id)) continue;
      this.layersInProgress.add(spec.id);
      let remake = false;
      try {
        const layer = await createLayer(spec);
        if (this.destroyed || !new Set(this.state.layers.map((s) => s.id)).has(spec.id)) continue;
        this.layersById.set(spec.id, layer);
        this.layerSpecs.set(spec.id, spec);
        this.map.add(layer, this.map.layers.indexOf(this.graphicsLayer));
        if (spec.smartRenderer) this.applySmartRenderer(spec.id, layer, spec.smartRenderer);
        // The record may have changed, or others moved, while the layer was being made.
        const latest = this.state.layers.find((s) => s.id === spec.id);
        remake = latest !== undefined && !this.followLayer(latest);
        this.stackLayers();
      } catch (error) {
        console.warn(
          `tsgis map: layer "${spec.title ?? spec.url ?? spec.id}" could not be added`,
          error,
        );
      } finally {
        this.layersInProgress.delete(spec.id);
      }
      if (remake) void this.syncLayers();
    }
  }

  /**
   * Brings the view's layer of `spec` in line with it: its changed properties are set where it
   * is (no reload, no flicker); a new source, or a property cleared back to the layer's own,
   * takes it away to be made anew. False when it was taken away.
   */
  private followLayer(spec: LayerSpec): boolean {
    const layer = this.layersById.get(spec.id);
    const before = this.layerSpecs.get(spec.id);
    if (!layer || !before) return true;
    const change = layerChange(before, spec);
    if (change.kind === "none") return true;
    if (change.kind === "recreate") {
      this.dropLayer(spec.id);
      return false;
    }
    this.layerSpecs.set(spec.id, spec);
    applyLayerProperties(layer, change.title, change.properties);
    if (change.smartRenderer) this.applySmartRenderer(spec.id, layer, change.smartRenderer);
    return true;
  }

  private dropLayer(id: string): void {
    const layer = this.layersById.get(id);
    if (layer) this.map.remove(layer);
    this.layersById.delete(id);
    this.layerSpecs.delete(id);
  }

  /** Puts the map's layers in the records' order, over the offline basemap, under the graphics. */
  private stackLayers(): void {
    const ordered = (this.state.layers ?? [])
      .map((spec) => this.layersById.get(spec.id))
      .filter((layer): layer is Layer => layer !== undefined);
    const stack = layerStack(this.map.layers.toArray(), ordered, this.offlineLayers, [
      this.graphicsLayer,
    ]);
    stack.forEach((layer, index) => {
      if (this.map.layers.indexOf(layer) !== index) this.map.reorder(layer, index);
    });
  }

  /** Sets the smart-mapping renderer `spec` on the layer once computed, unless the record changed meanwhile. */
  private applySmartRenderer(id: string, layer: Layer, spec: SmartRendererSpec): void {
    this.readyView()
      .then((view) => (view ? computeSmartRenderer(layer, spec, view) : null))
      .then(
        (renderer) => {
          const wanted = this.layerSpecs.get(id)?.smartRenderer;
          if (!renderer || JSON.stringify(wanted) !== JSON.stringify(spec)) return;
          (layer as Layer & { renderer: __esri.Renderer }).renderer = renderer;
        },
        (error: unknown) =>
          console.warn(`tsgis map: the ${spec.type} could not be computed`, error),
      );
  }

  /**
   * The view once it is ready (layers are made while the first view is still being made);
   * null when the map was closed. A view replaced meanwhile hands over to its successor.
   */
  private async readyView(): Promise<AnyView | null> {
    await this.firstView;
    for (;;) {
      const view = this.view;
      if (!view || this.destroyed) return null;
      const ready = await view.when().then(
        () => true,
        () => false,
      );
      if (this.destroyed) return null;
      if (ready && this.view === view) return view;
      if (this.view === view) return null; // it failed and nothing replaced it
    }
  }

  private syncGraphics(): void {
    const specs: GraphicSpec[] = this.state.graphics ?? [];
    this.graphicsLayer.removeAll();
    this.graphicsLayer.addMany(specs.map((spec) => Graphic.fromJSON(spec)));
  }
}

/** Whether `view` became ready within `ms`, is still not ready, or never will be. */
async function readyWithin(view: AnyView, ms: number): Promise<"ready" | "waiting" | "failed"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<"waiting">((resolve) => {
    timer = setTimeout(() => resolve("waiting"), ms);
  });
  const became = view.when().then(
    () => "ready" as const,
    () => "failed" as const,
  );
  try {
    return await Promise.race([became, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** A 3D camera move to `target` (or the current centre and zoom) with the given angles. */
function sceneTarget(
  view: SceneView,
  target: NavigationTarget | null,
  angles: __esri.GoToTarget2D | __esri.GoToTarget3D | null,
): __esri.GoToTarget3D {
  const place = target
    ? goToTarget(target)
    : ({ center: view.center.clone(), zoom: view.zoom } as __esri.GoToTarget3D);
  const where = place instanceof Extent ? { target: place } : place;
  return { ...(where as object), ...(angles ?? {}) } as __esri.GoToTarget3D;
}

function goToTarget(target: NavigationTarget): __esri.GoToTarget2D {
  switch (target.kind) {
    case "center":
      return {
        center: [target.center[1], target.center[0]],
        ...(target.zoom !== null ? { zoom: target.zoom } : {}),
        ...(target.scale !== null ? { scale: target.scale } : {}),
      } as __esri.GoToTarget2D;
    case "extent":
      return Extent.fromJSON({ spatialReference: { wkid: 4326 }, ...target.extent });
    case "zoom":
      return { zoom: target.zoom } as __esri.GoToTarget2D;
    case "scale":
      return { scale: target.scale } as __esri.GoToTarget2D;
  }
}
