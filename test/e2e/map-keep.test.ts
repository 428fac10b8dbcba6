// Keeping a map, proven in Chromium (JupyterLab with the tsgis front end, Debian's chromium,
// a demo portal): a saved map reopens with its smart-mapping renderer computed and drawn again,
// a screenshot saved as the item's thumbnail is the map's picture, and the exported page shows
// the same layers at the same viewpoint and rotation, loading @arcgis/core from a loopback copy
// of the npm package (no network).
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import type { Page } from "playwright-core";
import { buildLab, root, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";
import { kernelValue, notebookWith, until } from "../support/e2e-notebook";
import { startNpmModuleServer, type NpmModuleServer } from "../support/npm-module-server";

const generous = 10 * 60 * 1000;
jest.setTimeout(generous);

/** Three towns whose POP puts each in its own class of three. */
const TOWNS = {
  type: "FeatureCollection",
  features: [
    [2.0, 47.0, 1000],
    [3.0, 47.0, 50000],
    [4.0, 47.0, 900000],
  ].map(([x, y, pop]) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [x, y] },
    properties: { POP: pop },
  })),
};

const CONNECT = `import { GIS } from "tsgis";
const gis = await GIS.connect({ url: process.env.TSGIS_PORTAL_URL!, username: "publisher", password: "tsgis-publisher-1" });
gis.users.me!.username`;

/** The renderer of the view's "Towns" layer as ArcGIS JSON, and each town's colour on screen. */
interface DrawnTowns {
  renderer: {
    type: string;
    field: string;
    classBreakInfos: {
      classMinValue?: number;
      classMaxValue: number;
      symbol: { color: number[] };
    }[];
  };
  samples: { pop: number; distance: number }[];
}

/**
 * Reads the map view at `index` (-1: the last) once it has drawn its "Towns" layer with a
 * class-breaks renderer: the renderer, and for each town how far the screen's colour around it
 * is from its class's colour. Until then, what it waits for.
 */
function drawnTowns(index: number): Promise<DrawnTowns | { waiting: string }> {
  return notebook.page.evaluate(`(async () => {
    const maps = [...document.querySelectorAll(".tsgis-map")];
    // The notebook lays out the cells in its window only: a map out of it never draws.
    maps.at(${index})?.scrollIntoView({ block: "nearest" });
    const controller = maps.at(${index})?.tsgisMap;
    const view = controller && controller.currentView;
    if (!controller) return { waiting: maps.length + " map elements, no controller" };
    if (!view || !view.ready) return { waiting: "no view ready (" + (view ? view.width + "x" + view.height : "none") + ")" };
    const layer = view.map.layers.find((l) => l.title === "Towns");
    if (!layer) return { waiting: "no Towns layer among " + view.map.layers.map((l) => l.title).join(", ") };
    if (!layer.loaded) return { waiting: "layer " + layer.loadStatus + " " + (layer.loadError && layer.loadError.message) };
    if (!layer.renderer || layer.renderer.type !== "class-breaks") return { waiting: "renderer " + (layer.renderer && layer.renderer.type) };
    const layerView = await view.whenLayerView(layer);
    if (layerView.updating || view.updating || !view.stationary) return { waiting: "updating" };
    const renderer = layer.renderer;
    const colourOf = (value) => {
      const info = renderer.classBreakInfos.find((c) => value >= c.minValue && value <= c.maxValue);
      return info ? [info.symbol.color.r, info.symbol.color.g, info.symbol.color.b] : [-999, -999, -999];
    };
    const shot = await view.takeScreenshot({ format: "png" });
    const { data, width } = shot.data;
    const scale = width / view.width;
    const { features } = await layerView.queryFeatures();
    if (features.length === 0) return { waiting: "no features drawn" };
    return {
      renderer: renderer.toJSON(),
      samples: features.map((feature) => {
        const expected = colourOf(feature.attributes.POP);
        const screen = view.toScreen(feature.geometry);
        let best = 255;
        for (let dy = -3; dy <= 3; dy += 1) for (let dx = -3; dx <= 3; dx += 1) {
          const i = ((Math.round(screen.y * scale) + dy) * width + Math.round(screen.x * scale) + dx) * 4;
          best = Math.min(best, Math.max(...[0, 1, 2].map((k) => Math.abs(data[i + k] - expected[k]))));
        }
        return { pop: feature.attributes.POP, distance: best };
      }),
    };
  })()`) as Promise<DrawnTowns | { waiting: string }>;
}

/** The view's towns once drawn; fails with what it still waited for after two minutes. */
async function drawnTownsAt(index: number): Promise<DrawnTowns> {
  const value = await until(
    () => drawnTowns(index),
    (reading) => !("waiting" in reading),
  );
  if ("waiting" in value)
    throw new Error(
      `the towns were not drawn: ${value.waiting}; page errors: ${notebook.consoleErrors.join("; ")}`,
    );
  return value;
}

interface Viewpoint {
  latitude: number;
  longitude: number;
  zoom: number;
  rotation: number;
  /** The ids of the map's operational layers, in order. */
  layers: string[];
  /** The "Towns" layer's renderer (type, field, class count) and how many features it drew. */
  towns: { renderer: string; field: string; classes: number; features: number };
}

/** Where the view of the MapController `controller` (a page expression) is, and what it shows. */
function viewpointOf(page: Page, controller: string): Promise<Viewpoint> {
  return page.evaluate(`(async () => {
    const view = (${controller}).currentView;
    const towns = view.map.layers.find((layer) => layer.title === "Towns");
    const layerView = await view.whenLayerView(towns);
    const { features } = await layerView.queryFeatures();
    return {
      latitude: view.center.latitude,
      longitude: view.center.longitude,
      zoom: view.zoom,
      rotation: view.rotation,
      layers: view.map.layers.map((layer) => layer.id).toArray(),
      towns: {
        renderer: towns.renderer.type,
        field: towns.renderer.field,
        classes: towns.renderer.classBreakInfos.length,
        features: features.length,
      },
    };
  })()`) as Promise<Viewpoint>;
}

/** A token for the demo publisher, as a REST client gets one. */
async function publisherToken(): Promise<string> {
  const answer = await fetch(`${portal.url}/sharing/rest/generateToken`, {
    method: "POST",
    body: new URLSearchParams({
      username: "publisher",
      password: "tsgis-publisher-1",
      client: "requestip",
      f: "json",
    }),
  });
  const json = (await answer.json()) as { token?: string };
  if (!json.token) throw new Error(`no token: ${JSON.stringify(json)}`);
  return json.token;
}

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;
let modules: NpmModuleServer;
let exportDir: string;

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  exportDir = mkdtempSync(path.join(tmpdir(), "tsgis-map-export-"));
  modules = await startNpmModuleServer(path.join(root, "node_modules"), exportDir);
  lab = await startLab(portal.url, [notebookWith("map-keep.ipynb", [CONNECT])]);
  notebook = await NotebookPage.open(lab.url, lab.token, "map-keep.ipynb");
  expect(await notebook.run(0)).toContain("publisher");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await modules?.close();
  await portal?.close();
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
});

function readKernel<T>(expression: string): Promise<T> {
  return kernelValue<T>(notebook, expression);
}

describe("keeping a map", () => {
  it("reopens a saved map with its smart-mapping renderer, drawn in the renderer's colours", async () => {
    const output = await notebook.evaluate(`const townsFile = await gis.content.add(
  { title: "Towns", type: "GeoJson", tags: ["e2e"] },
  { data: Buffer.from(${JSON.stringify(JSON.stringify(TOWNS))}) },
);
const towns = await townsFile.publish({ publishParameters: { name: \`Towns_\${townsFile.id}\` } });
const original = await gis.map([47, 3], { zoomlevel: 7 });
await original.addLayer(towns, { title: "Towns", renderer: "ClassedColorRenderer", fieldName: "POP", numClasses: 3, classificationMethod: "quantile" });
original`);
    expect(output).not.toContain("ERROR");
    const before = await drawnTownsAt(-1);

    const reopenedOutput =
      await notebook.evaluate(`const savedMap = await original.save({ title: "Towns map", snippet: "Towns by population", tags: ["e2e"] });
const reopened = await gis.map(savedMap);
reopened`);
    expect(reopenedOutput).not.toContain("ERROR");
    const after = await drawnTownsAt(-1);
    // Two views on the page: the original and the reopened one.
    expect(await notebook.page.evaluate(`document.querySelectorAll(".tsgis-map").length`)).toBe(2);
    // The reopened view computed the same renderer from the same field and data...
    expect(after.renderer.type).toBe("classBreaks");
    expect(after.renderer.field).toBe("POP");
    expect(after.renderer.classBreakInfos).toHaveLength(3);
    expect(after.renderer).toEqual(before.renderer);
    // ...and draws each town in its class's colour, three colours for three classes.
    expect(after.samples).toHaveLength(3);
    for (const sample of after.samples) expect(sample.distance).toBeLessThanOrEqual(12);
    const colours = new Set(
      after.renderer.classBreakInfos.map((info) => info.symbol.color.slice(0, 3).join(",")),
    );
    expect(colours.size).toBe(3);
  });
  it("saves a screenshot of the map as the item's thumbnail: a PNG of what the view shows", async () => {
    await drawnTownsAt(-1);
    const saved =
      await notebook.evaluate(`const shot = await reopened.takeScreenshot({ outputInCell: false });
const pictured = await reopened.save({ title: "Towns pictured", snippet: "Towns with their picture", tags: ["e2e"] }, { thumbnail: shot });
pictured.id`);
    expect(saved).not.toContain("ERROR");
    const { id, thumbnail } = await readKernel<{ id: string; thumbnail: string }>(
      "{ id: pictured.id, thumbnail: pictured.thumbnail }",
    );
    expect(thumbnail).toMatch(/^thumbnail\//);
    // The thumbnail as any REST client reads it.
    const token = await publisherToken();
    const answer = await fetch(
      `${portal.url}/sharing/rest/content/items/${id}/info/${thumbnail}?token=${token}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^image\/png/);
    const png = Buffer.from(await answer.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    // Decoded in the browser and set beside a new screenshot of the (unmoved) view.
    const compared = (await notebook.page.evaluate(`(async () => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString("base64"))}), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }), { colorSpaceConversion: "none", premultiplyAlpha: "none" });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      const thumb = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const view = [...document.querySelectorAll(".tsgis-map")].at(-1).tsgisMap.currentView;
      const shot = await view.takeScreenshot({ format: "png" });
      const { data, width, height } = shot.data;
      const colours = new Set();
      let same = 0;
      for (let i = 0; i < thumb.length; i += 4) {
        colours.add((thumb[i] << 16) | (thumb[i + 1] << 8) | thumb[i + 2]);
        if (i < data.length && [0, 1, 2].every((k) => Math.abs(thumb[i + k] - data[i + k]) <= 8)) same += 1;
      }
      return { thumbSize: [bitmap.width, bitmap.height], viewSize: [width, height], colours: colours.size, same: same / (thumb.length / 4) };
    })()`)) as { thumbSize: number[]; viewSize: number[]; colours: number; same: number };
    expect(compared.thumbSize).toEqual(compared.viewSize);
    // Not blank: the basemap and the towns' class colours at least.
    expect(compared.colours).toBeGreaterThan(3);
    // The map's own pixels (a few may differ where labels or fades redraw).
    expect(compared.same).toBeGreaterThan(0.95);
  });

  it("exports a page that shows the same layers at the same viewpoint and rotation", async () => {
    // A second layer, put under the towns with repositionLayer: the page stacks them the same.
    const rotated = await notebook.evaluate(`await towns.share({ everyone: true });
const marks = await reopened.addLayer({ type: "Point", coordinates: [3, 47.2] }, { title: "Marks" });
reopened.repositionLayer(marks, 0);
reopened.rotation = 30;
reopened.rotation`);
    expect(rotated).toContain("30");
    const [marksId, townsId] = await kernelValue<string[]>(
      notebook,
      `[marks.id, reopened.layers.find((layer) => layer.title === "Towns")!.id]`,
    );
    // The widget's view turned and settled, with the marks under the towns.
    await until(
      () =>
        notebook.page.evaluate(`(() => {
          const view = [...document.querySelectorAll(".tsgis-map")].at(-1).tsgisMap.currentView;
          const ids = view.map.layers.map((layer) => layer.id).toArray();
          const stacked = ids.includes(${JSON.stringify(marksId)}) && ids.indexOf(${JSON.stringify(marksId)}) < ids.indexOf(${JSON.stringify(townsId)});
          return stacked && view.map.layers.every((layer) => layer.loaded) && view.rotation === 30 && view.stationary && !view.updating;
        })()`) as Promise<boolean>,
      (turned) => turned,
    );
    const widget = await viewpointOf(
      notebook.page,
      "[...document.querySelectorAll('.tsgis-map')].at(-1).tsgisMap",
    );
    const file = path.join(exportDir, "towns.html");
    const exported = await notebook.evaluate(
      `await reopened.exportToHtml(${JSON.stringify(file)}, { title: "Towns", apiUrl: ${JSON.stringify(modules.url)} })`,
    );
    expect(exported).toContain("true");

    const page = await notebook.browser.newPage({ viewport: { width: 1000, height: 700 } });
    const outside: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.hostname !== "127.0.0.1") {
        outside.push(request.url());
      }
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    try {
      await page.goto(`${modules.url}files/towns.html`);
      const drawn = await page
        .waitForFunction(
          `(() => {
            const controller = window.tsgisMap;
            const view = controller && controller.currentView;
            if (!view || !view.ready || view.updating || !view.stationary) return false;
            const towns = view.map.layers.find((layer) => layer.title === "Towns");
            // The smart-mapping renderer is computed once the layer is in the view.
            return view.map.layers.every((layer) => layer.loaded) && towns && towns.renderer.type === "class-breaks";
          })()`,
          null,
          { timeout: 120_000, polling: 250 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!drawn) {
        // The page writes why it could not draw in place of the map.
        const text = await page.evaluate(
          `document.getElementById("map").textContent.slice(0, 500)`,
        );
        throw new Error(
          `the exported page did not draw: ${text}; errors: ${errors.join("; ")}; missing: ${modules.missing.join(", ")}`,
        );
      }
      const shown = await viewpointOf(page, "window.tsgisMap");
      expect(shown.layers).toEqual(widget.layers);
      expect(shown.layers.indexOf(marksId)).toBeGreaterThanOrEqual(0);
      expect(shown.layers.indexOf(marksId)).toBeLessThan(shown.layers.indexOf(townsId));
      expect(shown.latitude).toBeCloseTo(widget.latitude, 3);
      expect(shown.longitude).toBeCloseTo(widget.longitude, 3);
      expect(shown.zoom).toBeCloseTo(widget.zoom, 1);
      expect(shown.rotation).toBeCloseTo(30, 1);
      expect(shown.rotation).toBeCloseTo(widget.rotation, 1);
      // The hosted layer came with its smart-mapping renderer and its three towns.
      expect(shown.towns).toEqual(widget.towns);
      expect(shown.towns.features).toBe(3);
      expect(outside).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
