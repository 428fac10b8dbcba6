// The map widget's view: a box in the notebook output holding one MapController.
import { DOMWidgetView } from "@jupyter-widgets/base";
import { configureArcGisAssets } from "./arcgis/assets";
import { MapController } from "./arcgis/map-controller";
import type { MapModel } from "./model";
import { keepMapCellsLaidOut } from "./notebook-layout";

const DEFAULT_HEIGHT = "400px";

export class MapWidgetView extends DOMWidgetView {
  declare model: MapModel;
  private controller: MapController | undefined;
  private removeSource: (() => void) | undefined;

  override render(): void {
    configureArcGisAssets();
    keepMapCellsLaidOut();
    this.el.classList.add("tsgis-map");
    this.el.style.height = DEFAULT_HEIGHT;
    this.el.style.width = "100%";
    this.el.style.position = "relative";
    const container = document.createElement("div");
    container.style.position = "absolute";
    container.style.inset = "0";
    this.el.appendChild(container);
    const controller = new MapController(this.model, container);
    this.controller = controller;
    this.removeSource = this.model.addScreenshotSource(controller);
    this.listenTo(this.model, "change", () => {
      controller.onModelChange(Object.keys(this.model.changedAttributes() || {}));
    });
    // The page (and the browser tests) can find the controller of each rendered map.
    (this.el as HTMLElement & { tsgisMap?: MapController }).tsgisMap = controller;
    void controller.start().catch((error: unknown) => {
      console.error("tsgis map: the view could not start", error);
      this.el.textContent = `The map could not be drawn: ${String(error)}`;
    });
  }

  override remove(): this {
    this.removeSource?.();
    this.controller?.destroy();
    return super.remove();
  }
}
