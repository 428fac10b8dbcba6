// Where @arcgis/core finds its workers, styles, fonts and strings: the copy the build puts in
// this extension's own static folder (next to the bundle), never a CDN.
import esriConfig from "@arcgis/core/config";

declare let __webpack_public_path__: string;

const ASSETS_FOLDER = "arcgis-assets";
let configured = false;

/** The static folder the bundle was loaded from (webpack's public path), or the page's. */
function publicPath(): string {
  try {
    if (typeof __webpack_public_path__ === "string" && __webpack_public_path__ !== "") {
      return __webpack_public_path__;
    }
  } catch {
    // Not built by webpack (a unit test): fall through to the page's own folder.
  }
  return "./";
}

export function configureArcGisAssets(): void {
  if (configured) return;
  configured = true;
  const assetsPath = new URL(`${ASSETS_FOLDER}/`, new URL(publicPath(), document.baseURI)).href;
  esriConfig.assetsPath = assetsPath;
  // No request to ArcGIS Online unless a layer asks for it: the portal is the widget's own.
  esriConfig.request.useIdentity = true;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = `${assetsPath}esri/themes/light/main.css`;
  link.dataset.tsgis = "arcgis-theme";
  document.head.appendChild(link);
}
