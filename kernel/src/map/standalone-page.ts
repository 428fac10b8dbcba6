// The page MapView.exportToHtml writes: the map's layers, graphics, basemap and viewpoint in a
// file that opens in any browser. It runs the notebook view's own code (the widget's
// MapController, bundled as one ES module by `npm run build:lab`, inlined here), so the page
// draws what the notebook shows. Being meant to be shared, it loads the ArcGIS Maps SDK's
// ES modules from `apiUrl` (the ArcGIS CDN by default, as the Python API's export does). It
// holds URLs and data only, never a token.
import { existsSync, readFileSync } from "fs";
import path from "path";
import type { MapState } from "./contract";
import { escapeHtml } from "../jupyter/escape-html";

/** Options of `MapView.exportToHtml`. */
export interface ExportToHtmlOptions {
  /** The page title (default "Exported ArcGIS Map Widget", as in the Python API). */
  title?: string;
  /**
   * Where the page loads the ArcGIS Maps SDK for JavaScript from: a folder holding
   * `@arcgis/core/` as ES modules (default the ArcGIS CDN of the version the widget uses).
   */
  apiUrl?: string;
}

const DEFAULT_TITLE = "Exported ArcGIS Map Widget";
const DEFAULT_API_URL = "https://js.arcgis.com/4.34/";
const BUNDLE = "@tsgis/labextension/dist/map-page/exported-map.bundle.js";

let bundleText: string | undefined;

/** The widget's map code as one ES module (built with the extension). */
function exportedMapScript(): string {
  if (bundleText !== undefined) return bundleText;
  let file: string | undefined;
  try {
    file = require.resolve(BUNDLE);
  } catch {
    file = undefined;
  }
  if (!file || !existsSync(file)) {
    throw new Error(
      `exportToHtml: the page script ${path.basename(BUNDLE)} is not built; run \`npm run build:lab -w labextension\``,
    );
  }
  bundleText = readFileSync(file, "utf8");
  return bundleText;
}

export function standaloneMapPage(state: MapState, options: ExportToHtmlOptions): string {
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new TypeError("options.title: expected a string");
  }
  if (options.apiUrl !== undefined && typeof options.apiUrl !== "string") {
    throw new TypeError("options.apiUrl: expected an http(s) URL");
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/?$/, "/");
  if (!/^https?:\/\//.test(apiUrl)) throw new TypeError("options.apiUrl: expected an http(s) URL");
  const title = options.title ?? DEFAULT_TITLE;
  const core = `${apiUrl}@arcgis/core/`;
  // What the page draws: the synced state without what only a live kernel uses.
  const drawn: Record<string, unknown> = { ...state, linkedMaps: [] };
  delete drawn._view_count;
  const script = exportedMapScript();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="initial-scale=1,maximum-scale=1,user-scalable=no">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(core)}assets/esri/themes/light/main.css">
<style>html, body, #map { margin: 0; padding: 0; width: 100%; height: 100%; }</style>
<script type="importmap">${scriptSafeJson({ imports: { "@arcgis/core/": core } })}</script>
</head>
<body>
<div id="map"></div>
<script type="application/json" id="tsgis-map-state">${scriptSafeJson(drawn)}</script>
<script type="module">
const state = JSON.parse(document.getElementById("tsgis-map-state").textContent);
const { showExportedMap } = await import(URL.createObjectURL(new Blob([document.getElementById("tsgis-map-code").textContent], { type: "text/javascript" })));
showExportedMap(state, document.getElementById("map"), ${scriptSafeJson(`${core}assets`)}).catch((error) => {
  document.getElementById("map").textContent = "The map could not be drawn: " + error;
});
</script>
<script type="text/plain" id="tsgis-map-code">${scriptSafeText(script)}</script>
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

/** Script text that cannot close the element it sits in (`</script` never occurs in it). */
function scriptSafeText(text: string): string {
  return text.replace(/<\/(script)/gi, "<\\/$1");
}
