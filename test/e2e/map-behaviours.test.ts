// Browser behaviours of the map widget in JupyterLab (the tsgis front end, Debian's chromium)
// against a demo portal: a smart-mapping renderer whose colours follow the field, a shape drawn
// in the browser reaching the kernel, the legend on request, two synced maps, closing a map,
// and a layer updated in place and the layers restacked after updateLayer / repositionLayer.
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";
import { kernelValue, notebookWith, until } from "../support/e2e-notebook";

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

/** Two marks beside the towns, drawn as a second layer. */
const MARKS = {
  type: "FeatureCollection",
  features: [
    [2.5, 47.5],
    [3.5, 46.5],
  ].map(([x, y]) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [x, y] },
    properties: {},
  })),
};

/** The view's layers, bottom first, as the page has them (the last map on the page). */
const VIEW_LAYERS = `(() => {
  const view = window.tsgisE2E.map().currentView;
  if (!view || !view.ready) return null;
  return view.map.layers.toArray().map((layer) => ({
    id: layer.id,
    title: layer.title,
    opacity: layer.opacity,
    loaded: layer.loaded,
    original: layer.tsgisE2EOriginal === true,
    renderer: layer.renderer ? layer.renderer.type : null,
    colour: layer.renderer && layer.renderer.symbol ? [layer.renderer.symbol.color.r, layer.renderer.symbol.color.g, layer.renderer.symbol.color.b] : null,
  }));
})()`;

interface ViewLayer {
  id: string;
  title: string;
  opacity: number;
  loaded: boolean;
  original: boolean;
  renderer: string | null;
  colour: number[] | null;
}

const CONNECT = `import { GIS } from "tsgis";
const gis = await GIS.connect({ url: process.env.TSGIS_PORTAL_URL!, username: "publisher", password: "tsgis-publisher-1" });
gis.users.me!.username`;

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  lab = await startLab(portal.url, [notebookWith("map-behaviours.ipynb", [CONNECT])]);
  notebook = await NotebookPage.open(lab.url, lab.token, "map-behaviours.ipynb");
  expect(await notebook.run(0)).toContain("publisher");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await portal?.close();
});

function readKernel<T>(expression: string): Promise<T> {
  return kernelValue<T>(notebook, expression);
}

describe("the map widget's browser behaviours", () => {
  it("colours a ClassedColorRenderer's features by their field's class, computed in the browser", async () => {
    const output = await notebook.evaluate(`const towns = await gis.map([47, 3], { zoomlevel: 7 });
await towns.addLayer(${JSON.stringify(TOWNS)}, { title: "Towns", renderer: "ClassedColorRenderer", fieldName: "POP", numClasses: 3, classificationMethod: "quantile" });
towns`);
    expect(output).not.toContain("ERROR");
    const found = await until(
      () =>
        notebook.page.evaluate(`(async () => {
          const view = window.tsgisE2E.map().currentView;
          if (!view || !view.ready) return null;
          const layer = view.map.layers.find((l) => l.title === "Towns");
          if (!layer || !layer.renderer || layer.renderer.type !== "class-breaks") return null;
          const layerView = await view.whenLayerView(layer);
          if (layerView.updating || view.updating) return null;
          const renderer = layer.renderer;
          const colourOf = (value) => {
            const info = renderer.classBreakInfos.find((c) => value >= c.minValue && value <= c.maxValue);
            return info ? [info.symbol.color.r, info.symbol.color.g, info.symbol.color.b] : null;
          };
          const shot = await view.takeScreenshot({ format: "png" });
          const { data, width } = shot.data;
          const scale = width / view.width;
          const { features } = await layerView.queryFeatures();
          return {
            field: renderer.field,
            classes: renderer.classBreakInfos.length,
            samples: features.map((feature) => {
              const expected = colourOf(feature.attributes.POP);
              const screen = view.toScreen(feature.geometry);
              let best = 255;
              for (let dy = -3; dy <= 3; dy += 1) for (let dx = -3; dx <= 3; dx += 1) {
                const i = ((Math.round(screen.y * scale) + dy) * width + Math.round(screen.x * scale) + dx) * 4;
                const distance = Math.max(...[0, 1, 2].map((k) => Math.abs(data[i + k] - expected[k])));
                best = Math.min(best, distance);
              }
              return { pop: feature.attributes.POP, expected, distance: best };
            }),
          };
        })()`) as Promise<{
          field: string;
          classes: number;
          samples: { pop: number; expected: number[]; distance: number }[];
        } | null>,
      (value) => value !== null,
    );
    expect(found).not.toBeNull();
    expect(found!.field).toBe("POP");
    expect(found!.classes).toBe(3);
    expect(found!.samples).toHaveLength(3);
    // Each town is drawn in its own class's colour, and the three colours differ.
    for (const sample of found!.samples) expect(sample.distance).toBeLessThanOrEqual(12);
    const colours = new Set(found!.samples.map((sample) => sample.expected.join(",")));
    expect(colours.size).toBe(3);
  });

  it("shows the legend when asked", async () => {
    await notebook.evaluate("towns.legend = true");
    const legend = await until(
      () =>
        notebook.page.evaluate(`(() => {
          const node = [...document.querySelectorAll(".tsgis-map")].at(-1).querySelector(".esri-legend");
          if (!node) return null;
          const box = node.getBoundingClientRect();
          return { text: node.textContent, width: box.width, height: box.height };
        })()`) as Promise<{ text: string; width: number; height: number } | null>,
      (value) => value !== null && value.text.includes("Towns"),
    );
    expect(legend!.text).toContain("Towns");
    expect(legend!.width).toBeGreaterThan(0);
    expect(legend!.height).toBeGreaterThan(0);
  });

  it("returns a shape the user draws in the browser to the kernel", async () => {
    await notebook.evaluate(`const drawn: unknown[] = [];
towns.onDrawEnd((_map, geometry) => drawn.push(geometry));
towns.draw("point", { attributes: { by: "user" } });`);
    const [x, y] = await notebook.mapCentre();
    // The sketch tool is armed once the view answered the command: click until a point arrives.
    const count = await until(
      async () => {
        await notebook.page.mouse.click(x + 40, y + 20);
        return readKernel<number>("drawn.length");
      },
      (value) => value > 0,
    );
    expect(count).toBe(1);
    const graphic = await readKernel<{ geometry: { x: number; y: number }; attributes: unknown }>(
      "towns.graphics.at(-1)",
    );
    expect(graphic.attributes).toEqual({ by: "user" });
    expect(graphic.geometry.x).toBeGreaterThan(-180);
    expect(graphic.geometry.y).toBeGreaterThan(40);
    expect(graphic.geometry.y).toBeLessThan(55);
  });

  it("moves a synced map with the other after a pan in the browser", async () => {
    await notebook.evaluate(`const follower = await gis.map([47, 3], { zoomlevel: 7 });
towns.syncNavigation(follower);
follower`);
    await notebook.settledView();
    const before = await readKernel<[number, number]>("follower.center");
    const map = notebook.page.locator(".tsgis-map").nth(-2);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await notebook.page.mouse.move(x, y);
    await notebook.page.mouse.down();
    for (let step = 1; step <= 10; step += 1)
      await notebook.page.mouse.move(x - step * 20, y, { steps: 2 });
    await notebook.page.mouse.up();
    const after = await until(
      () => readKernel<[number, number]>("follower.center"),
      (value) => value[1] > before[1] + 0.05,
    );
    expect(after[1]).toBeGreaterThan(before[1] + 0.05);
    const followerView = await until(
      () =>
        notebook.page.evaluate(
          `window.tsgisE2E.map().currentView.center.longitude`,
        ) as Promise<number>,
      (longitude) => Math.abs(longitude - after[1]) < 0.01,
    );
    expect(followerView).toBeCloseTo(after[1], 2);
  });

  it("frees a closed map in the browser and the kernel", async () => {
    const before = (await notebook.page.evaluate(
      `document.querySelectorAll(".tsgis-map").length`,
    )) as number;
    await notebook.evaluate("follower.close()");
    const after = await until(
      () =>
        notebook.page.evaluate(`document.querySelectorAll(".tsgis-map").length`) as Promise<number>,
      (count) => count < before,
    );
    expect(after).toBe(before - 1);
    expect(await readKernel<string[]>("towns.state.linkedMaps")).toEqual([]);
  });

  it("sets updateLayer's opacity and renderer on the layer where it is, and restacks the view's layers after repositionLayer", async () => {
    const output = await notebook.evaluate(
      `const marks = await towns.addLayer(${JSON.stringify(MARKS)}, { title: "Marks" });
towns.layers.map((layer) => layer.title).join(",")`,
    );
    expect(output).toContain("Towns,Marks");
    const [townsId, marksId] = await readKernel<string[]>("towns.layers.map((layer) => layer.id)");
    const ours = (layers: ViewLayer[] | null): ViewLayer[] =>
      (layers ?? []).filter((layer) => layer.id === townsId || layer.id === marksId);
    const added = await until(
      () => notebook.page.evaluate(VIEW_LAYERS) as Promise<ViewLayer[] | null>,
      (layers) => ours(layers).length === 2 && ours(layers).every((layer) => layer.loaded),
    );
    expect(ours(added).map((layer) => layer.id)).toEqual([townsId, marksId]);
    // Marks the layer objects, to tell an update in place from a layer made anew.
    await notebook.page.evaluate(
      `window.tsgisE2E.map().currentView.map.layers.forEach((layer) => { layer.tsgisE2EOriginal = true; })`,
    );

    const updated = await notebook.evaluate(`towns.updateLayer(0, {
  opacity: 0.4,
  renderer: { type: "simple", symbol: { type: "esriSMS", color: [0, 0, 255, 255], size: 14 } },
});
towns.repositionLayer(marks, 0);
towns.layers.map((layer) => layer.title).join(",")`);
    expect(updated).toContain("Marks,Towns");
    const after = await until(
      () => notebook.page.evaluate(VIEW_LAYERS) as Promise<ViewLayer[] | null>,
      (layers) => ours(layers)[0]?.id === marksId && ours(layers)[1]?.renderer === "simple",
    );
    const [first, second] = ours(after);
    expect(first.id).toBe(marksId);
    expect(second).toMatchObject({
      id: townsId,
      title: "Towns",
      opacity: 0.4,
      renderer: "simple",
      colour: [0, 0, 255],
      original: true,
    });
    expect(first.original).toBe(true);
    // The drawn graphics stay above the layers.
    expect(after!.at(-1)!.id).toBe("tsgis-graphics");
  });
});
