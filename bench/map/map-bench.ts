// How long the map widget takes, measured in JupyterLab with Debian's chromium against a demo
// portal: from running `gis.map()` to a fully drawn 2D view and 3D view (ready, not updating,
// stationary), and the kernel→view→kernel round trip (setting `center` in the kernel until
// the view's new extent is back in the kernel). Software WebGL (SwiftShader) draws here, so
// the 3D numbers are far above what a GPU gives.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { startPortal } from "@tsgis/portal";
import { median } from "../lib/statistics";
import { buildLab, startLab } from "./lab-server";
import { NotebookPage } from "./notebook-page";

export interface MapBenchResult {
  drawn2DMs: number[];
  /**
   * The same basemap and hosted layer drawn at the same size and place by a bare @arcgis/core MapView made in
   * the same page (no widget, no kernel): what the widget's own work is compared against.
   */
  bare2DMs: number[];
  drawn3DMs: number[];
  syncRoundTripMs: number[];
}

const SETUP_CELL = [
  'import { GIS } from "tsgis";',
  "const gis = await GIS.connect({",
  "  url: process.env.TSGIS_PORTAL_URL!,",
  '  username: "publisher",',
  '  password: "tsgis-publisher-1",',
  "});",
  // One public hosted point layer that both the widget and the bare page draw over the basemap.
  "const benchPoints = {",
  '  type: "FeatureCollection",',
  "  features: Array.from({ length: 500 }, (_, i) => ({",
  '    type: "Feature",',
  '    geometry: { type: "Point", coordinates: [2.1 + (i % 25) * 0.02, 48.7 + Math.floor(i / 25) * 0.02] },',
  "    properties: { rank: i },",
  "  })),",
  "};",
  "const benchFile = await gis.content.add(",
  '  { title: "Map bench points", type: "GeoJson" },',
  "  { data: Buffer.from(JSON.stringify(benchPoints)) },",
  ");",
  "const benchLayerItem = await benchFile.publish({ publishParameters: { name: `map_bench_${benchFile.id}` } });",
  "await benchLayerItem.share({ everyone: true });",
  "const [benchLayer] = await benchLayerItem.getLayers();",
  "benchLayer.url",
].join("\n");

function benchNotebook(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "tsgis-map-bench-"));
  const file = path.join(folder, "map-bench.ipynb");
  const notebook = {
    cells: [
      { cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: SETUP_CELL },
    ],
    metadata: {
      kernelspec: { display_name: "TypeScript (tsgis)", language: "typescript", name: "tsgis" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(notebook));
  return file;
}

async function timeDrawn(
  page: NotebookPage,
  variable: string,
  mode: "2D" | "3D",
  index: number,
): Promise<number> {
  const started = Date.now();
  const output = await page.evaluate(
    [
      `const ${variable} = await gis.map([${(48.85 + index * 0.05).toFixed(2)}, 2.35], { zoomlevel: 11, mode: "${mode}" });`,
      `await ${variable}.addLayer(benchLayerItem);`,
      variable,
    ].join("\n"),
  );
  if (output.startsWith("ERROR")) throw new Error(output);
  await page.page.waitForFunction(
    `(() => { const v = window.tsgisE2E.map().currentView; return v && v.map.layers.length > 0 && v.allLayerViews.length > v.map.basemap.baseLayers.length; })()`,
    null,
    { timeout: 120_000, polling: 100 },
  );
  await page.settledView();
  return Date.now() - started;
}

/**
 * A bare @arcgis/core MapView over the portal's default basemap and the same hosted layer, built
 * in the page with the
 * classes the widget's first view already loaded, in a box the size of that view; resolves
 * with the milliseconds until it is ready, not updating and stationary.
 */
async function timeBareDrawn(page: NotebookPage, layerUrl: string, index: number): Promise<number> {
  return page.page.evaluate(`(async () => {
    const template = window.tsgisE2E.map(0).currentView;
    const MapView = template.constructor;
    const ArcGISMap = template.map.constructor;
    const Basemap = template.map.basemap.constructor;
    const baseLayer = template.map.basemap.baseLayers.getItemAt(0);
    const Layer = baseLayer.constructor;
    const FeatureLayer = template.map.allLayers.find((layer) => layer.type === "feature").constructor;
    const box = document.createElement("div");
    box.style.width = template.width + "px";
    box.style.height = template.height + "px";
    document.body.appendChild(box);
    const started = performance.now();
    const view = new MapView({
      container: box,
      map: new ArcGISMap({
        basemap: new Basemap({ baseLayers: [new Layer({ url: baseLayer.url })] }),
        layers: [new FeatureLayer({ url: ${JSON.stringify(layerUrl)} })],
      }),
      center: [2.35, ${(48.85 + index * 0.05).toFixed(2)}],
      zoom: 11,
    });
    await view.when();
    while (view.updating || !view.stationary) await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = performance.now() - started;
    view.destroy();
    box.remove();
    return elapsed;
  })()`) as Promise<number>;
}

/** One round trip per cell: tslab accepts `await` at a cell's top level, not inside loops there. */
function syncCell(variable: string, sample: number): string {
  return [
    `const started${sample} = Date.now();`,
    `const reported${sample} = new Promise<void>((resolve) => {`,
    `  const off = ${variable}.onChange((changes) => {`,
    "    if (changes.extent) {",
    "      off();",
    "      resolve();",
    "    }",
    "  });",
    "});",
    `${variable}.center = [${(48.8 + (sample + 1) * 0.01).toFixed(2)}, 2.3];`,
    `await reported${sample};`,
    `Date.now() - started${sample}`,
  ].join("\n");
}

export async function measureMap(runs = 3): Promise<MapBenchResult> {
  buildLab();
  const portal = await startPortal({ port: 0, demo: true });
  const lab = await startLab(portal.url, [benchNotebook()]);
  const page = await NotebookPage.open(lab.url, lab.token, "map-bench.ipynb");
  try {
    const layerUrl = (await page.run(0)).trim().replace(/^['"]|['"]$/g, "");
    if (!layerUrl.startsWith("http")) throw new Error(`the set-up cell answered ${layerUrl}`);
    const result: MapBenchResult = {
      drawn2DMs: [],
      bare2DMs: [],
      drawn3DMs: [],
      syncRoundTripMs: [],
    };
    // Alternating, each at a place not drawn before (its tiles are not in the browser's cache).
    // The bare view copies the widget's classes, so the widget draws first once.
    for (let i = 0; i < runs; i += 1) {
      if (i % 2 === 1) result.bare2DMs.push(await timeBareDrawn(page, layerUrl, runs + i));
      result.drawn2DMs.push(await timeDrawn(page, `flat${i}`, "2D", i));
      if (i % 2 === 0) result.bare2DMs.push(await timeBareDrawn(page, layerUrl, runs + i));
    }
    for (let i = 0; i < runs * 2; i += 1) {
      const text = (await page.evaluate(syncCell(`flat${runs - 1}`, i))).trim();
      if (!/^\d+$/.test(text)) throw new Error(`the round trip cell answered ${text}`);
      result.syncRoundTripMs.push(Number(text));
    }
    for (let i = 0; i < runs; i += 1)
      result.drawn3DMs.push(await timeDrawn(page, `globe${i}`, "3D", i));
    return result;
  } finally {
    await page.close();
    await lab.stop();
    await portal.close();
  }
}

/** The map's cases in the "metrics" shape of the bench harness (see bench/kernel/index.ts). */
export const cases = [
  {
    kind: "metrics" as const,
    id: "map-drawn",
    title: "gis.map() to a drawn view, and the kernel→view→kernel round trip",
    async measure(): Promise<{ metrics: Record<string, number>; notes: string[] }> {
      const result = await measureMap();
      return {
        metrics: {
          drawn2DMedianMs: median(result.drawn2DMs),
          bare2DMedianMs: median(result.bare2DMs),
          widgetOverBareRatio: median(result.drawn2DMs) / median(result.bare2DMs),
          drawn3DMedianMs: median(result.drawn3DMs),
          syncRoundTripMedianMs: median(result.syncRoundTripMs),
          syncRoundTripMaxMs: Math.max(...result.syncRoundTripMs),
        },
        notes: [
          "JupyterLab (the tsgis front end) in Debian's chromium, software WebGL, against a demo portal on 127.0.0.1; the portal's own vector tile basemap.",
          "Both draw the portal's basemap and one public hosted layer of 500 points (published once, before timing). bare: a MapView made directly with @arcgis/core in the same page and browser, same size, at places not drawn before, alternating with the widget; widgetOverBareRatio = drawn2D / bare2D medians (the widget's extra cost: the cell, the comm, the model, the portal's basemap check).",
          "drawn: from sending the cell (gis.map() and addLayer) until the view has the layer's view and is ready, not updating and stationary.",
          "round trip: measured in the kernel, from setting center until the view's new extent arrives (includes the view's 150 ms report debounce).",
        ],
      };
    },
  },
];
