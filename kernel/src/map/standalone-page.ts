// The page MapView.exportToHtml writes: the map's layers, graphics and view in a file that
// opens in any browser. Unlike the notebook views, such a page is meant to be shared, so it
// loads the ArcGIS Maps SDK from `apiUrl` (its public address by default, as the Python API's
// export does). It holds URLs and data only, never a token.
import type { MapState } from "./contract";
import { escapeHtml } from "../jupyter/escape-html";

/** Options of `MapView.exportToHtml`. */
export interface ExportToHtmlOptions {
  /** The page title (default "Exported ArcGIS Map Widget", as in the Python API). */
  title?: string;
  /** Where the page loads the ArcGIS Maps SDK for JavaScript from (its AMD build). */
  apiUrl?: string;
}

const DEFAULT_TITLE = "Exported ArcGIS Map Widget";
const DEFAULT_API_URL = "https://js.arcgis.com/4.34/";

export function standaloneMapPage(state: MapState, options: ExportToHtmlOptions): string {
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new TypeError("options.title: expected a string");
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/?$/, "/");
  if (!/^https?:\/\//.test(apiUrl)) throw new TypeError("options.apiUrl: expected an http(s) URL");
  const title = options.title ?? DEFAULT_TITLE;
  const mapJson = scriptSafeJson({
    mode: state.mode,
    center: state.center,
    zoom: state.zoom,
    extent: state.extent,
    rotation: state.rotation,
    heading: state.heading,
    tilt: state.tilt,
    basemap: state.basemap,
    portalUrl: state.portalUrl,
    layers: state.layers,
    graphics: state.graphics,
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="initial-scale=1,maximum-scale=1,user-scalable=no">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(apiUrl)}esri/themes/light/main.css">
<style>html, body, #map { margin: 0; padding: 0; width: 100%; height: 100%; }</style>
<script src="${escapeHtml(apiUrl)}init.js"></script>
</head>
<body>
<div id="map"></div>
<script>
const state = ${mapJson};
require([
  "esri/Map", "esri/views/MapView", "esri/views/SceneView", "esri/layers/Layer",
  "esri/layers/GeoJSONLayer", "esri/portal/PortalItem", "esri/Graphic", "esri/geometry/Extent"
], (Map, MapView, SceneView, Layer, GeoJSONLayer, PortalItem, Graphic, Extent) => {
  const map = new Map({ basemap: state.basemap && state.basemap !== "offline" ? state.basemap : "topo-vector" });
  const View = state.mode === "3D" ? SceneView : MapView;
  const view = new View({ container: "map", map });
  for (const spec of state.layers) {
    let layer;
    if (spec.kind === "geojson") {
      const blob = new Blob([JSON.stringify(spec.geojson)], { type: "application/json" });
      layer = Promise.resolve(new GeoJSONLayer({ url: URL.createObjectURL(blob), title: spec.title }));
    } else if (spec.kind === "item") {
      layer = Layer.fromPortalItem({ portalItem: new PortalItem({ id: spec.itemId, portal: { url: spec.portalUrl } }) });
    } else {
      layer = Layer.fromArcGISServerUrl({ url: spec.url });
    }
    layer.then((made) => { made.set(spec.options); map.add(made); }).catch((error) => console.error(error));
  }
  for (const graphic of state.graphics) view.graphics.add(Graphic.fromJSON(graphic));
  view.when(() => {
    if (state.center) view.goTo({ center: [state.center[1], state.center[0]], zoom: state.zoom ?? 10 });
    else if (state.extent) view.goTo(Extent.fromJSON(state.extent));
  });
});
</script>
</body>
</html>
`;
}

/** JSON that cannot close the script element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, "");
}
