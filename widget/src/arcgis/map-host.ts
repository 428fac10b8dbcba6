// What a MapController needs from whatever holds the map's state: the widget's model in a
// notebook, or the fixed state of a page exportToHtml wrote. One controller draws both, so
// the exported page shows the same layers, basemap and viewpoint as the notebook's view.
import type { MapState, ViewEvent } from "tsgis/dist/map/contract";

/** The state holder a MapController follows and reports to. */
export interface MapHost {
  readonly attributes: Record<string, unknown>;
  /** True while a change from the kernel is being applied: views follow it fully. */
  readonly kernelChange: boolean;
  /** Resolves once the credentials for the portal's servers are registered (or there are none). */
  credentialsReady(): Promise<void>;
  set(changes: Partial<MapState>): void;
  /** Sends what `set` changed to the kernel. */
  save_changes(): void;
  /** Sends these values to the kernel even when they did not change here. */
  send_sync_message(state: never): void;
  sendEvent(content: ViewEvent): void;
  /** Another map's state holder (syncNavigation), by its model id. */
  peer(modelId: string): Promise<Pick<MapHost, "set" | "save_changes">>;
}
