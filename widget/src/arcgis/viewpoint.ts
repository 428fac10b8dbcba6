// Reads a view's navigation values in the units the kernel uses (degrees, WGS84 extents).
import type Extent from "@arcgis/core/geometry/Extent";
import * as webMercatorUtils from "@arcgis/core/geometry/support/webMercatorUtils";
import type MapView from "@arcgis/core/views/MapView";
import type SceneView from "@arcgis/core/views/SceneView";
import type { Extent as ExtentJson } from "tsgis/dist/map/contract";
import type { Viewpoint } from "../sync/navigation";

export function readViewpoint(view: MapView | SceneView): Viewpoint | null {
  const center = view.center;
  const extent = view.extent;
  if (!center || !extent || center.latitude == null || center.longitude == null) return null;
  const is3D = view.type === "3d";
  const camera = is3D ? (view as SceneView).camera : null;
  return {
    center: [center.latitude, center.longitude],
    zoom: view.zoom,
    scale: view.scale,
    extent: geographicExtent(extent),
    rotation: is3D ? 0 : (view as MapView).rotation,
    heading: camera?.heading ?? 0,
    tilt: camera?.tilt ?? 0,
  };
}

function geographicExtent(extent: Extent): ExtentJson {
  const geographic = extent.spatialReference.isWebMercator
    ? (webMercatorUtils.webMercatorToGeographic(extent) as Extent)
    : extent;
  return {
    xmin: geographic.xmin,
    ymin: geographic.ymin,
    xmax: geographic.xmax,
    ymax: geographic.ymax,
    spatialReference: { wkid: geographic.spatialReference.wkid ?? 4326 },
  };
}
