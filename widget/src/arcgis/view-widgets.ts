// The widgets a view shows on request of the model's state: legend, layer list, bookmarks, time
// slider, and the 2D/3D switch button (hidden with hideModeSwitch).
import Bookmark from "@arcgis/core/webmap/Bookmark";
import Extent from "@arcgis/core/geometry/Extent";
import Viewpoint from "@arcgis/core/Viewpoint";
import type MapView from "@arcgis/core/views/MapView";
import type SceneView from "@arcgis/core/views/SceneView";
import Bookmarks from "@arcgis/core/widgets/Bookmarks";
import LayerList from "@arcgis/core/widgets/LayerList";
import Legend from "@arcgis/core/widgets/Legend";
import TimeSlider from "@arcgis/core/widgets/TimeSlider";
import type Widget from "@arcgis/core/widgets/Widget";
import type { MapState } from "tsgis/dist/map/contract";

type AnyView = MapView | SceneView;

/** The keys of the state this module draws. */
export const VIEW_WIDGET_KEYS = [
  "legend",
  "layerList",
  "bookmarks",
  "bookmarksWidget",
  "timeSlider",
  "timeExtent",
  "hideModeSwitch",
  "mode",
];

export class ViewWidgets {
  private readonly shown: Widget[] = [];
  private readonly modeButton = document.createElement("button");
  private timeSlider: TimeSlider | null = null;

  constructor(
    private readonly view: AnyView,
    private readonly switchMode: () => void,
  ) {
    this.modeButton.className = "esri-widget--button esri-widget tsgis-mode-switch";
    this.modeButton.type = "button";
    this.modeButton.addEventListener("click", () => this.switchMode());
  }

  /** Shows what the state asks for, replacing what was shown before. */
  apply(state: MapState): void {
    this.clear();
    const ui = this.view.ui;
    if (!state.hideModeSwitch) {
      this.modeButton.textContent = state.mode === "3D" ? "2D" : "3D";
      this.modeButton.title = state.mode === "3D" ? "Switch to 2D" : "Switch to 3D";
      ui.add(this.modeButton, "top-left");
    }
    if (state.legend) this.show(new Legend({ view: this.view }), "bottom-right");
    if (state.layerList) this.show(new LayerList({ view: this.view }), "top-right");
    if (state.bookmarksWidget) {
      this.show(
        new Bookmarks({
          view: this.view,
          bookmarks: state.bookmarks.map(
            (bookmark) =>
              new Bookmark({
                name: bookmark.name,
                viewpoint: new Viewpoint({
                  targetGeometry: Extent.fromJSON({
                    spatialReference: { wkid: 4326 },
                    ...bookmark.extent,
                  }),
                }),
              }),
          ),
        }),
        "top-right",
      );
    }
    if (state.timeSlider) {
      const slider = new TimeSlider({ view: this.view, mode: "time-window" });
      const window = state.timeExtent;
      if (window) {
        slider.fullTimeExtent = {
          start: new Date(window.start),
          end: new Date(window.end),
        } as __esri.TimeExtent;
        slider.timeExtent = {
          start: new Date(window.start),
          end: new Date(window.end),
        } as __esri.TimeExtent;
        slider.stops = {
          interval: { value: window.interval, unit: window.unit },
        } as __esri.StopsByInterval;
      }
      this.timeSlider = slider;
      this.show(slider, "bottom-left");
    }
  }

  /** The time slider on the view, if shown (for tests in the page). */
  get currentTimeSlider(): TimeSlider | null {
    return this.timeSlider;
  }

  clear(): void {
    this.view.ui.remove(this.modeButton);
    for (const widget of this.shown.splice(0)) {
      this.view.ui.remove(widget);
      widget.destroy();
    }
    this.timeSlider = null;
  }

  private show(widget: Widget, position: __esri.UIAddPosition["position"]): void {
    this.view.ui.add(widget, position);
    this.shown.push(widget);
  }
}
