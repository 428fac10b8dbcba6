// The script of the page MapView.exportToHtml writes: the notebook view's own MapController,
// driven by the state saved in the page instead of a live widget model. So the page draws the
// layers, basemap, graphics and viewpoint (rotation, heading and tilt included) with the same
// code as the notebook, loading @arcgis/core from the address the page maps it to.
import esriConfig from "@arcgis/core/config";
import type { MapState } from "tsgis/dist/map/contract";
import { MapController } from "../arcgis/map-controller";
import type { MapHost } from "../arcgis/map-host";

/** A state holder that never changes but by the view's own reports, and talks to no kernel. */
class PageState implements MapHost {
  readonly kernelChange = true;
  readonly attributes: Record<string, unknown>;

  constructor(state: MapState) {
    this.attributes = { ...state };
  }

  credentialsReady(): Promise<void> {
    // The page holds no token: layers that need one ask the user to sign in.
    return Promise.resolve();
  }

  set(changes: Partial<MapState>): void {
    Object.assign(this.attributes, changes);
  }

  save_changes(): void {}

  send_sync_message(): void {}

  /** Clicks and drawings have no kernel to go to. */
  sendEvent(): void {}

  peer(): Promise<never> {
    return Promise.reject(new Error("an exported page shows one map"));
  }
}

/**
 * Draws `state` in `container`. `assetsPath` is where @arcgis/core's workers and styles are
 * (beside its modules). Returns the controller, which the page keeps as `window.tsgisMap`.
 */
export async function showExportedMap(
  state: MapState,
  container: HTMLDivElement,
  assetsPath: string,
): Promise<MapController> {
  esriConfig.assetsPath = assetsPath;
  const controller = new MapController(new PageState(state), container);
  (window as unknown as { tsgisMap: MapController }).tsgisMap = controller;
  await controller.start();
  return controller;
}
