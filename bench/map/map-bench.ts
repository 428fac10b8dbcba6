// How long the map widget takes, measured in JupyterLab with Debian's chromium against a demo
// portal: from running `gis.map()` to a fully drawn 2D view and 3D view (ready, not updating,
// stationary), and the kernel→view→kernel round trip (setting `center` in the kernel until
// the view's new extent is back in the kernel). Software WebGL (SwiftShader) draws here, so
// the 3D numbers are far above what a GPU gives.
import { startPortal } from "@tsgis/portal";
import { median } from "../lib/statistics";
import { bareViewStatements } from "./bare-view";
import { benchNotebook } from "./bench-notebook";
import { buildLab, startLab } from "./lab-server";
import { NotebookPage } from "./notebook-page";

export interface MapBenchResult {
  /**
   * The session's first map, drawn before the timed runs: it loads @arcgis/core's view modules
   * and warms the portal's tile and font paths, which the bare view (made from the widget's
   * classes) never pays for; the harness's discarded warm-up, reported on its own.
   */
  firstDrawn2DMs: number;
  drawn2DMs: number[];
  /**
   * The same basemap and hosted layer drawn at the same size and place by a bare @arcgis/core MapView made in
   * the same page (no widget, no kernel): what the widget's own work is compared against.
   */
  bare2DMs: number[];
  drawn3DMs: number[];
  syncRoundTripMs: number[];
}

/**
 * In the page: resolves once `view` (found again on every check) is ready, not updating and
 * stationary with the hosted layer's layer view made; checked every 50 ms, the same way for the
 * widget and the bare view, so neither pays for the harness's own round trips.
 */
const UNTIL_DRAWN = `async (findView) => {
  const deadline = performance.now() + 120000;
  for (;;) {
    if (performance.now() > deadline) throw new Error("the view was not drawn within 120 s");
    const v = findView();
    if (v && v.ready && !v.updating && v.stationary && v.allLayerViews.some((lv) => lv.layer.type === "feature")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}`;

/** The pause before each timed 2D run (see measureMap). */
const QUIET_BEFORE_RUN_MS = 3000;

async function timeDrawn(
  page: NotebookPage,
  variable: string,
  mode: "2D" | "3D",
  index: number,
): Promise<number> {
  const cell = [
    `const ${variable} = await gis.map([${(48.85 + index * 0.05).toFixed(2)}, 2.35], { zoomlevel: 11, mode: "${mode}" });`,
    `await ${variable}.addLayer(benchLayerItem);`,
    variable,
  ].join("\n");
  const { elapsed, output } = (await page.page.evaluate(`(async () => {
    const before = document.querySelectorAll(".tsgis-map").length;
    const started = performance.now();
    const output = window.tsgisE2E.evaluate(${JSON.stringify(cell)});
    let failed = null;
    output.then((text) => { if (text.startsWith("ERROR")) failed = text; });
    await (${UNTIL_DRAWN})(() => {
      if (failed) throw new Error(failed);
      const maps = document.querySelectorAll(".tsgis-map");
      return maps.length > before ? maps[maps.length - 1].tsgisMap.currentView : null;
    });
    return { elapsed: performance.now() - started, output: await output };
  })()`)) as { elapsed: number; output: string };
  if (output.startsWith("ERROR")) throw new Error(output);
  return elapsed;
}

/**
 * A bare @arcgis/core MapView ({@link bareViewStatements}); resolves with the milliseconds until
 * it is drawn as the widget's view is (UNTIL_DRAWN).
 */
async function timeBareDrawn(page: NotebookPage, layerUrl: string, index: number): Promise<number> {
  return page.page.evaluate(`(async () => {
    ${bareViewStatements(layerUrl, index)}
    const started = performance.now();
    const view = makeView();
    await (${UNTIL_DRAWN})(() => view);
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
      firstDrawn2DMs: await timeDrawn(page, "first", "2D", -1),
      drawn2DMs: [],
      bare2DMs: [],
      drawn3DMs: [],
      syncRoundTripMs: [],
    };
    // Alternating, each at a place not drawn before (its tiles are not in the browser's cache).
    // The bare view copies the widget's classes, so the widget draws first once (firstDrawn2DMs).
    // Each starts on a quiet page: for a few seconds after a widget's cell the page (outside
    // its main thread) is still busy, and whichever side ran next paid for it.
    const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
      await page.page.waitForTimeout(QUIET_BEFORE_RUN_MS);
      return run();
    };
    for (let i = 0; i < runs; i += 1) {
      if (i % 2 === 1)
        result.bare2DMs.push(await quietly(() => timeBareDrawn(page, layerUrl, runs + i)));
      result.drawn2DMs.push(await quietly(() => timeDrawn(page, `flat${i}`, "2D", i)));
      if (i % 2 === 0)
        result.bare2DMs.push(await quietly(() => timeBareDrawn(page, layerUrl, runs + i)));
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
          firstDrawn2DMs: result.firstDrawn2DMs,
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
          "drawn: from sending the cell (gis.map() and addLayer) until the view has the layer's view and is ready, not updating and stationary; both sides timed in the page (performance.now(), checked every 50 ms), so the harness's own round trips count on neither.",
          "Each timed 2D run starts 3 s after the previous one ended: for a few seconds after a widget's cell the page is still busy outside its main thread, and the run after a widget run was slower whichever side it was.",
          "firstDrawn2DMs: the session's first map, drawn once before the timed runs and left out of the medians (the harness's warm-up): it loads @arcgis/core's view modules and the portal's first tiles and fonts, which the bare view, made from the widget's classes after it, never pays for.",
          "round trip: measured in the kernel, from setting center until the view's new extent arrives (includes the view's 150 ms report debounce).",
        ],
      };
    },
  },
];
