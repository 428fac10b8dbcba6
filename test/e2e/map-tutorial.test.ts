// The map tutorial in JupyterLab (the tsgis front end, Debian's chromium) against a demo
// portal: the map draws (GeoJSON and a hosted feature layer read from the portal across origins),
// follows the kernel, reports pans and clicks back, takes screenshots, switches to 3D, and leaves
// no token in the saved notebook and no request outside 127.0.0.1.
import { readFileSync } from "fs";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";

const root = path.join(__dirname, "..", "..");
const TUTORIAL = path.join(root, "notebooks", "map.ipynb");
const generous = 10 * 60 * 1000;
/** The offline basemap's land colour (widget/src/arcgis/offline-basemap.ts). */
const LAND: [number, number, number] = [242, 239, 233];

function near(
  colour: [number, number, number],
  target: [number, number, number],
  tolerance: number,
): boolean {
  return colour.every((channel, index) => Math.abs(channel - target[index]) <= tolerance);
}

// The tutorial's cells (see notebooks/map.ipynb).
const CELL = {
  connect: 1,
  map: 3,
  moveFromKernel: 5,
  landmarks: 8,
  hostedLayer: 10,
  onClick: 12,
  screenshot: 15,
  mode3D: 17,
};

/** The points the tutorial publishes as the hosted layer "Paris viewpoints" ([lon, lat]). */
const VIEWPOINTS: [number, number][] = [
  [2.2876, 48.8616],
  [2.3017, 48.8638],
  [2.2986, 48.8556],
  [2.3125, 48.8566],
  [2.2855, 48.8566],
];

interface PointSample {
  /** Where the point is in the view, in CSS pixels. */
  x: number;
  y: number;
  inside: boolean;
  /** The colour in a 5×5 pixel window around it that is closest to `target`, and its distance. */
  colour: [number, number, number];
  distance: number;
}

jest.setTimeout(generous);

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  lab = await startLab(portal.url, [TUTORIAL]);
  notebook = await NotebookPage.open(lab.url, lab.token, "map.ipynb");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await portal?.close();
});

async function kernelValue<T>(expression: string): Promise<T> {
  const text = await notebook.evaluate(`JSON.stringify(${expression})`);
  if (text.startsWith("ERROR")) throw new Error(text);
  // text/plain of a string result is the string in single quotes, inner ones escaped.
  return JSON.parse(text.replace(/^'|'$/g, "").replace(/\\'/g, "'")) as T;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return read();
}

/**
 * For each [lon, lat], where it is in the current view and the colour drawn there (of the 5×5
 * pixels around it, the one closest to `target`), from the view's own screenshot.
 */
async function samplesAt(
  points: [number, number][],
  target: [number, number, number],
): Promise<PointSample[]> {
  await notebook.settledView();
  return notebook.page.evaluate(`(async () => {
    const view = window.tsgisE2E.map().currentView;
    const shot = await view.takeScreenshot({ format: "png" });
    const { data, width, height } = shot.data;
    const scale = width / view.width;
    const target = ${JSON.stringify(target)};
    return ${JSON.stringify(points)}.map(([longitude, latitude]) => {
      const point = view.center.clone();
      point.longitude = longitude;
      point.latitude = latitude;
      const screen = view.toScreen(point);
      const cx = Math.round(screen.x * scale);
      const cy = Math.round(screen.y * scale);
      let best = null;
      for (let dy = -2; dy <= 2; dy += 1) {
        for (let dx = -2; dx <= 2; dx += 1) {
          const px = cx + dx, py = cy + dy;
          if (px < 0 || py < 0 || px >= width || py >= height) continue;
          const i = (py * width + px) * 4;
          const colour = [data[i], data[i + 1], data[i + 2]];
          const distance = Math.max(...colour.map((c, k) => Math.abs(c - target[k])));
          if (!best || distance < best.distance) best = { colour, distance };
        }
      }
      return {
        x: screen.x,
        y: screen.y,
        inside: screen.x >= 0 && screen.y >= 0 && screen.x < view.width && screen.y < view.height,
        colour: best ? best.colour : [0, 0, 0],
        distance: best ? best.distance : 255,
      };
    });
  })()`) as Promise<PointSample[]>;
}

describe("the map tutorial in JupyterLab", () => {
  it("draws the 2D map at the geocoded place (pixels, not just a node)", async () => {
    expect(await notebook.run(CELL.connect)).toContain("publisher");
    await notebook.run(CELL.map);
    const view = await notebook.settledView();
    expect(view.type).toBe("2d");
    const center = await kernelValue<[number, number]>("map.center");
    expect(center[0]).toBeCloseTo(48.85, 1);
    expect(center[1]).toBeCloseTo(2.35, 1);
    expect(view.latitude).toBeCloseTo(center[0], 2);
    expect(view.longitude).toBeCloseTo(center[1], 2);
    expect(Math.round(view.zoom)).toBe(11);
    // Paris at zoom 11 is all land on the offline basemap: the view drew land, not ocean or nothing.
    const pixels = await notebook.pixels();
    expect(near(pixels.dominant, LAND, 2)).toBe(true);
    expect(pixels.share).toBeGreaterThan(0.5);
  });

  it("moves the view when the kernel sets center and zoom, and the kernel learns the extent", async () => {
    await notebook.run(CELL.moveFromKernel);
    const view = await until(
      () => notebook.settledView(),
      (reading) => Math.abs(reading.latitude - 48.8584) < 1e-3 && Math.round(reading.zoom) === 14,
    );
    expect(view.latitude).toBeCloseTo(48.8584, 3);
    expect(view.longitude).toBeCloseTo(2.2945, 3);
    const extent = await until(
      () => kernelValue<{ xmin: number; xmax: number } | null>("map.extent"),
      (value) => value !== null && value.xmin < 2.2945 && value.xmax > 2.2945,
    );
    expect(extent!.xmin).toBeLessThan(2.2945);
    expect(extent!.xmax).toBeGreaterThan(2.2945);
  });

  it("updates the kernel's extent after a pan in the browser", async () => {
    const before = await kernelValue<{ xmin: number }>("map.extent");
    const [x, y] = await notebook.mapCentre();
    await notebook.page.mouse.move(x, y);
    await notebook.page.mouse.down();
    for (let step = 1; step <= 10; step += 1)
      await notebook.page.mouse.move(x - step * 20, y, { steps: 2 });
    await notebook.page.mouse.up();
    const after = await until(
      () => kernelValue<{ xmin: number }>("map.extent"),
      (value) => value.xmin > before.xmin + 1e-4,
    );
    expect(after.xmin).toBeGreaterThan(before.xmin);
  });

  it("draws a GeoJSON layer's features", async () => {
    expect(await notebook.run(CELL.landmarks)).toContain("Landmarks");
    const count = await until(
      () =>
        notebook.page.evaluate(`(async () => {
          const view = window.tsgisE2E.map().currentView;
          const layer = view.map.layers.find((l) => l.title === "Landmarks");
          if (!layer) return -1;
          const layerView = await view.whenLayerView(layer);
          if (layerView.updating) return -1;
          const { features } = await layerView.queryFeatures();
          return features.length;
        })()`) as Promise<number>,
      (value) => value >= 0,
    );
    expect(count).toBe(3);
    // The landmarks and the drawn line add colours to the all-land view.
    expect((await notebook.pixels()).colours).toBeGreaterThan(1);
  });

  it("draws a hosted feature layer's features, read from the portal by the browser", async () => {
    const symbolBlue: [number, number, number] = [0, 121, 193];
    const before = await samplesAt(VIEWPOINTS, symbolBlue);
    const output = await notebook.run(CELL.hostedLayer);
    expect(output).toContain("Feature Service");
    expect(output).toContain("Paris viewpoints");
    const loaded = await until(
      () =>
        notebook.page.evaluate(`(async () => {
          const view = window.tsgisE2E.map().currentView;
          const layer = view.map.layers.find((l) => l.title === "Paris viewpoints");
          if (!layer) return { count: -1 };
          if (layer.loadStatus === "failed") return { count: -2, error: String(layer.loadError && layer.loadError.message) };
          if (layer.loadStatus !== "loaded") return { count: -1 };
          const layerView = await view.whenLayerView(layer);
          if (layerView.updating || view.updating) return { count: -1 };
          const { features } = await layerView.queryFeatures();
          const symbol = layer.renderer && layer.renderer.symbol;
          return {
            count: features.length,
            type: layer.type,
            url: layer.url,
            colour: symbol ? symbol.color.toRgb() : null,
          };
        })()`) as Promise<{
          count: number;
          error?: string;
          type?: string;
          url?: string;
          colour?: [number, number, number] | null;
        }>,
      (value) => value.count !== -1,
    );
    // A FeatureLayer on the portal's hosted FeatureServer, in the symbol the service defines.
    expect(loaded).toMatchObject({ count: VIEWPOINTS.length, type: "feature" });
    expect(loaded.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/rest\/services\/Hosted\/Paris_viewpoints_[0-9a-f]{32}\/FeatureServer$/,
    );
    expect(loaded.colour).toEqual(symbolBlue);
    // Pixels: the symbol's colour now shows where each point is, and did not before.
    const after = await samplesAt(VIEWPOINTS, symbolBlue);
    expect(after.every((sample) => sample.inside)).toBe(true);
    expect(after.map((sample) => sample.distance < 30)).toEqual(VIEWPOINTS.map(() => true));
    expect(before.map((sample) => sample.distance < 30)).toEqual(VIEWPOINTS.map(() => false));
  });

  it("delivers a click on the map to onClick in the kernel", async () => {
    await notebook.run(CELL.onClick);
    const view = await notebook.settledView();
    const [x, y] = await notebook.mapCentre();
    await notebook.page.mouse.click(x, y);
    const clicks = await until(
      () => kernelValue<{ latitude: number; longitude: number }[]>("clicks"),
      (value) => value.length > 0,
    );
    expect(clicks).toHaveLength(1);
    expect(clicks[0].latitude).toBeCloseTo(view.latitude, 2);
    expect(clicks[0].longitude).toBeCloseTo(view.longitude, 2);
  });

  it("gets a PNG back from takeScreenshot and shows it in the notebook", async () => {
    const output = await notebook.run(CELL.screenshot);
    expect(Number(output.split("\n").pop())).toBeGreaterThan(1000);
    const signature = await kernelValue<number[]>("[...png!.subarray(0, 4)]");
    expect(signature).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await notebook.page.locator(".jp-OutputArea-output img").count()).toBeGreaterThan(0);
  });

  it("renders the 3D scene after the mode switch", async () => {
    await notebook.run(CELL.mode3D);
    const view = await until(
      () => notebook.settledView(),
      (reading) => reading.type === "3d" && Math.abs(reading.latitude - 48.8584) < 0.01,
    );
    expect(view.type).toBe("3d");
    expect(view.latitude).toBeCloseTo(48.8584, 2);
    // Shaded land fills much of the tilted scene over Paris; the sky and the drawn layers add colours.
    const pixels = await until(
      () => notebook.pixels(),
      (reading) => near(reading.dominant, LAND, 40),
    );
    expect({ dominant: pixels.dominant, landLike: near(pixels.dominant, LAND, 40) }).toEqual({
      dominant: pixels.dominant,
      landLike: true,
    });
    expect(pixels.colours).toBeGreaterThan(1);
  });

  it("keeps a second view of the same map in step", async () => {
    await notebook.evaluate(`import { display } from "tsgis";\ndisplay(map);`);
    await notebook.page.waitForFunction(`document.querySelectorAll(".tsgis-map").length >= 2`);
    await notebook.evaluate(`map.center = [48.8606, 2.3376];`);
    const centres = await until(
      () =>
        notebook.page.evaluate(`[...document.querySelectorAll(".tsgis-map")].map((el) => {
          const view = el.tsgisMap.currentView;
          return view && view.center ? [view.center.latitude, view.center.longitude] : null;
        })`) as Promise<([number, number] | null)[]>,
      (values) => values.every((value) => value !== null && Math.abs(value[0] - 48.8606) < 1e-3),
    );
    for (const centre of centres) {
      expect(centre![0]).toBeCloseTo(48.8606, 3);
      expect(centre![1]).toBeCloseTo(2.3376, 3);
    }
  });

  it("saves a notebook file without the token", async () => {
    await notebook.page.evaluate(`window.jupyterapp.commands.execute("docmanager:save")`);
    const saved = path.join(lab.notebookDir, "map.ipynb");
    await until(
      async () => readFileSync(saved, "utf8"),
      (text) => text.includes("application/vnd.jupyter.widget-view+json"),
    );
    const hasToken = await notebook.evaluate(
      `require("fs").readFileSync("map.ipynb", "utf8").includes((await gis.session.auth.token(gis.session))!)`,
    );
    expect(hasToken).toBe("false");
  });

  it("made no request outside 127.0.0.1", () => {
    expect(notebook.outsideRequests()).toEqual([]);
  });
});
