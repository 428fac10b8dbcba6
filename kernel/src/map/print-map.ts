// MapView.print: the map's layers and graphics drawn by the GIS's print service
// (`helperServices.printTask`, the Export Web Map Task), as Python's `Map.print` does. What the
// service can draw is its own: ArcGIS Online and Enterprise print PDF, PNG, JPG, SVG … with
// their layouts and the basemap; the tsgis portal draws PNG, MAP_ONLY, hosted feature layers.
import type { GIS } from "../gis";
import type { Extent, MapState } from "./contract";
import { checkExtent } from "./map-arguments";
import { toWebMapJson } from "./web-map";
import { positiveNumber } from "../arguments";
import { exportWebMap } from "../rest/print";

/** Options of `MapView.print` (Python's keyword arguments in camelCase). */
export interface PrintMapOptions {
  /** The area to print (default the map's extent). */
  extent?: Extent;
  /** Dots per inch (default 92). */
  dpi?: number;
  /** `[width, height]` in pixels (default [500, 500]). */
  outputDimensions?: [number, number];
  /** The map scale to print at, instead of fitting the extent. */
  scale?: number;
  /** The map's rotation in degrees (default the map's). */
  rotation?: number;
  /** The print service's layout (default "MAP_ONLY"). */
  layoutTemplate?: string;
  /** Title, author, copyright … of a layout (Python's `layout_options`). */
  layoutOptions?: Record<string, unknown>;
}

/** The formats Python's `Map.print` names. */
export const PRINT_FORMATS = ["PDF", "PNG32", "PNG8", "JPG", "GIF", "EPS", "SVG", "SVGZ"] as const;

/** Asks the print service for the map and resolves with the URL of the file it made. */
export async function printMap(
  gis: GIS,
  state: MapState,
  fileFormat: string,
  options: PrintMapOptions,
): Promise<string> {
  const format = typeof fileFormat === "string" ? fileFormat.toUpperCase() : "";
  if (!(PRINT_FORMATS as readonly string[]).includes(format)) {
    throw new RangeError(`fileFormat: expected one of ${PRINT_FORMATS.join(", ")}`);
  }
  const extent =
    options.extent !== undefined ? checkExtent(options.extent, "options.extent") : state.extent;
  if (!extent) throw new Error("print: the map has no extent yet; pass options.extent");
  const dpi = positiveNumber(options.dpi ?? 92, "options.dpi") as number;
  const size = options.outputDimensions ?? [500, 500];
  if (
    !Array.isArray(size) ||
    size.length !== 2 ||
    !size.every((side) => Number.isInteger(side) && side > 0)
  ) {
    throw new TypeError("options.outputDimensions: expected [width, height] in whole pixels");
  }
  const scale =
    options.scale === undefined ? undefined : positiveNumber(options.scale, "options.scale");
  const rotation = options.rotation ?? state.rotation;
  if (typeof rotation !== "number" || !Number.isFinite(rotation)) {
    throw new TypeError("options.rotation: expected degrees");
  }
  const layout = options.layoutTemplate ?? "MAP_ONLY";
  if (typeof layout !== "string" || layout === "") {
    throw new TypeError("options.layoutTemplate: expected a layout name");
  }
  const printTask = (gis.properties.helperServices as { printTask?: { url?: unknown } } | undefined)
    ?.printTask;
  if (!printTask || typeof printTask.url !== "string") {
    throw new Error("print: this GIS has no print service (portals/self helperServices.printTask)");
  }
  const webMap = {
    ...toWebMapJson(state),
    mapOptions: {
      extent,
      spatialReference: extent.spatialReference ?? { wkid: 4326 },
      rotation,
      ...(scale !== undefined ? { scale } : {}),
    },
    exportOptions: { outputSize: size, dpi },
    ...(options.layoutOptions ? { layoutOptions: options.layoutOptions } : {}),
  };
  const result = await exportWebMap(gis.session, printTask.url, {
    Web_Map_as_JSON: webMap,
    Format: format,
    Layout_Template: layout,
  });
  const url = result.results?.[0]?.value?.url;
  if (!url) throw new Error("print: the print service returned no file");
  return url;
}
