// The browser side of the map widget's model: the state the kernel syncs, plus what travels
// beside it in custom messages (credentials, screenshot requests). Credentials are kept in
// the IdentityManager and never set on the model, whose state is saved in the notebook.
import IdentityManager from "@arcgis/core/identity/IdentityManager";
import { DOMWidgetModel, type ISerializers } from "@jupyter-widgets/base";
import {
  DRAW_TOOLS,
  defaultMapState,
  MAP_WIDGET_MODULE,
  type DrawTool,
  type ViewEvent,
} from "tsgis/dist/map/contract";
import type { MapHost } from "./arcgis/map-host";
import { parseCredentials, renewDelay } from "./sync/credentials";

/** A view that can answer the kernel's requests (the map view controllers register here). */
export interface ScreenshotSource {
  screenshotPng(): Promise<Uint8Array>;
  /** Lets the user draw one shape; resolves with it as ArcGIS JSON in WGS84. */
  drawShape(tool: DrawTool): Promise<Record<string, unknown>>;
}

/** If the kernel does not answer, views draw what needs no credentials rather than wait. */
const CREDENTIALS_WAIT_MS = 5000;

export class MapModel extends DOMWidgetModel implements MapHost {
  static override serializers: ISerializers = { ...DOMWidgetModel.serializers };
  static model_name = MAP_WIDGET_MODULE.modelName;
  static model_module = MAP_WIDGET_MODULE.name;
  static model_module_version = MAP_WIDGET_MODULE.version;
  static view_name = MAP_WIDGET_MODULE.viewName;
  static view_module = MAP_WIDGET_MODULE.name;
  static view_module_version = MAP_WIDGET_MODULE.version;

  /** True while the kernel's update is being applied: views follow it fully. */
  kernelChange = false;
  private readonly sources = new Set<ScreenshotSource>();
  private credentials: Promise<void> | undefined;
  private credentialsArrived: (() => void) | undefined;
  /** The kernel sends credentials as it opens the map, before any view asks for them. */
  private credentialsReceived = false;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  override defaults(): Backbone.ObjectHash {
    return {
      ...super.defaults(),
      _model_name: MapModel.model_name,
      _model_module: MapModel.model_module,
      _model_module_version: MapModel.model_module_version,
      _view_name: MapModel.view_name,
      _view_module: MapModel.view_module,
      _view_module_version: MapModel.view_module_version,
      ...defaultMapState(),
    };
  }

  override initialize(attributes: Backbone.ObjectHash, options: never): void {
    super.initialize(attributes, options);
    this.on("msg:custom", (content: Record<string, unknown>) => this.receiveCustom(content));
  }

  override set_state(state: Record<string, unknown>): void {
    this.kernelChange = true;
    try {
      super.set_state(state);
    } finally {
      this.kernelChange = false;
    }
  }

  /** Resolves once the kernel sent credentials (or said there are none), or after a wait. */
  credentialsReady(): Promise<void> {
    if (this.credentialsReceived) return Promise.resolve();
    this.credentials ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CREDENTIALS_WAIT_MS);
      this.credentialsArrived = () => {
        clearTimeout(timer);
        resolve();
      };
      this.send({ event: "requestCredentials" }, {});
    });
    return this.credentials;
  }

  addScreenshotSource(source: ScreenshotSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** Tells the kernel about a click, a drawn shape or an answer of one of the views. */
  sendEvent(content: ViewEvent, buffers: ArrayBuffer[] = []): void {
    this.send(content as Parameters<DOMWidgetModel["send"]>[0], {}, buffers);
  }

  /** Another map's model (syncNavigation), by its id. */
  async peer(modelId: string): Promise<Pick<MapHost, "set" | "save_changes">> {
    return this.widget_manager.get_model(modelId);
  }

  private receiveCustom(content: Record<string, unknown>): void {
    if (content.command === "credentials") this.registerCredentials(content.credentials);
    else if (content.command === "screenshot") void this.answerScreenshot(content.requestId);
    else if (content.command === "draw") void this.answerDraw(content.requestId, content.tool);
  }

  private async answerDraw(requestId: unknown, tool: unknown): Promise<void> {
    const [source] = [...this.sources];
    if (!source || typeof requestId !== "string") return;
    if (!(DRAW_TOOLS as readonly unknown[]).includes(tool)) return;
    try {
      const geometry = await source.drawShape(tool as DrawTool);
      this.sendEvent({ event: "drawEnd", requestId, geometry });
    } catch (error) {
      console.warn("tsgis map: the drawing was not finished", error);
    }
  }

  private registerCredentials(value: unknown): void {
    const credentials = parseCredentials(value);
    for (const { server, token, expires, ssl } of credentials) {
      IdentityManager.registerToken({ server, token, expires, ssl });
    }
    this.credentialsReceived = true;
    this.credentialsArrived?.();
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    const delay = renewDelay(credentials, Date.now());
    if (delay !== null) {
      this.renewTimer = setTimeout(() => this.send({ event: "requestCredentials" }, {}), delay);
    }
  }

  private async answerScreenshot(requestId: unknown): Promise<void> {
    const [source] = [...this.sources];
    // Another front end may show the map; the kernel times out otherwise.
    if (!source || typeof requestId !== "string") return;
    try {
      const png = await source.screenshotPng();
      const copy = png.slice().buffer;
      this.sendEvent({ event: "screenshot", requestId, ok: true }, [copy]);
    } catch (error) {
      this.sendEvent({ event: "screenshot", requestId, ok: false, error: String(error) });
    }
  }
}
