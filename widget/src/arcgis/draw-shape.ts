// Lets the user draw one shape on a view (the kernel's `map.draw("polygon")`) and gives it back
// as ArcGIS JSON in WGS84, as the kernel's graphics are.
import * as webMercatorUtils from "@arcgis/core/geometry/support/webMercatorUtils";
import GraphicsLayer from "@arcgis/core/layers/GraphicsLayer";
import type MapView from "@arcgis/core/views/MapView";
import type SceneView from "@arcgis/core/views/SceneView";
import SketchViewModel from "@arcgis/core/widgets/Sketch/SketchViewModel";
import type { DrawTool } from "tsgis/dist/map/contract";

export async function drawShape(
  view: MapView | SceneView,
  tool: DrawTool,
): Promise<Record<string, unknown>> {
  // The sketch lives in its own layer; the kernel adds the finished shape to the map's graphics.
  const map = view.map;
  if (!map) throw new Error("the view has no map");
  const scratch = new GraphicsLayer({ listMode: "hide" });
  map.add(scratch);
  const sketch = new SketchViewModel({ view, layer: scratch });
  try {
    const geometry = await new Promise<__esri.GeometryUnion>((resolve, reject) => {
      const handle = sketch.on("create", (event) => {
        if (event.state === "complete" && event.graphic?.geometry) {
          handle.remove();
          resolve(event.graphic.geometry as __esri.GeometryUnion);
        } else if (event.state === "cancel") {
          handle.remove();
          reject(new Error("the drawing was cancelled"));
        }
      });
      sketch.create(tool);
    });
    const geographic = geometry.spatialReference?.isWebMercator
      ? webMercatorUtils.webMercatorToGeographic(geometry)
      : geometry;
    return geographic.toJSON() as Record<string, unknown>;
  } finally {
    sketch.destroy();
    map.remove(scratch);
  }
}
