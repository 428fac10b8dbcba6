// The widgets a view shows on request of the model's state: legend, layer list, bookmarks, time
// slider, and the 2D/3D switch button (hidden with hideModeSwitch); and the view's time extent,
// which hides the features of time-aware layers outside the state's window.
import * as reactiveUtils from "@arcgis/core/core/reactiveUtils";
import TimeExtent from "@arcgis/core/time/TimeExtent";
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
import type { MapState, TimeExtentSpec } from "tsgis/dist/map/contract";

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
  private sliderHandle: IHandle | null = null;

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
    // The window applies with or without the slider (Python's start_time / end_time).
    const window = state.timeExtent;
    this.view.timeExtent = window
      ? new TimeExtent({ start: new Date(window.start), end: new Date(window.end) })
      : (null as unknown as TimeExtent);
    if (state.timeSlider) this.showTimeSlider(window);
  }

  /**
   * The slider spans the time-aware layers' time extents (as they load), with the state's
   * window selected; without a time-aware layer it spans the window.
   */
  private showTimeSlider(window: TimeExtentSpec | null): void {
    const slider = new TimeSlider({ view: this.view, mode: "time-window" });
    const selected = window
      ? new TimeExtent({ start: new Date(window.start), end: new Date(window.end) })
      : null;
    this.sliderHandle = reactiveUtils.watch(
      () => layersTimeExtent(this.view),
      (layers) => {
        const full = unionTimeExtents(layers, selected);
        if (!full) return;
        slider.fullTimeExtent = full;
        if (window) slider.stops = stopsFor(window, full);
        if (selected) slider.timeExtent = selected;
      },
      { initial: true },
    );
    this.timeSlider = slider;
    this.show(slider, "bottom-left");
  }

  /** The time slider on the view, if shown (for tests in the page). */
  get currentTimeSlider(): TimeSlider | null {
    return this.timeSlider;
  }

  clear(): void {
    this.sliderHandle?.remove();
    this.sliderHandle = null;
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

/** The time extents of the view's loaded time-aware layers, as [start, end] epoch ms pairs. */
function layersTimeExtent(view: AnyView): [number, number][] {
  const extents: [number, number][] = [];
  for (const layer of view.map?.allLayers ?? []) {
    const full = (layer as { timeInfo?: __esri.TimeInfo | null }).timeInfo?.fullTimeExtent;
    if (layer.loaded && full?.start && full.end)
      extents.push([full.start.getTime(), full.end.getTime()]);
  }
  return extents;
}

function unionTimeExtents(
  extents: readonly [number, number][],
  selected: TimeExtent | null,
): TimeExtent | null {
  const all =
    selected?.start && selected.end
      ? [...extents, [selected.start.getTime(), selected.end.getTime()]]
      : extents;
  if (all.length === 0) return null;
  return new TimeExtent({
    start: new Date(Math.min(...all.map(([start]) => start))),
    end: new Date(Math.max(...all.map(([, end]) => end))),
  });
}

const UNIT_MS: Record<TimeExtentSpec["unit"], number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
  months: 2_629_746_000,
  years: 31_556_952_000,
};
/** More stops than this would freeze the page (a 1 ms step over years); the slider picks. */
const MAX_STOPS = 1000;

/** The state's step as the slider's stops, unless it would cut the span into too many. */
function stopsFor(
  window: TimeExtentSpec,
  full: TimeExtent,
): __esri.StopsByInterval | __esri.StopsByCount {
  const span = (full.end?.getTime() ?? 0) - (full.start?.getTime() ?? 0);
  if (span / (window.interval * UNIT_MS[window.unit]) > MAX_STOPS) return { count: 10 };
  return { interval: { value: window.interval, unit: window.unit } } as __esri.StopsByInterval;
}
