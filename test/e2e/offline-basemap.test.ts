// The portal's own basemap in JupyterLab (the tsgis front end, Debian's chromium), with no
// network beyond 127.0.0.1: `gis.map("Palm Springs, CA")` draws it at city zoom with the town
// dots and their names over the land, in 2D and in 3D, and a coastal 3D scene shows blue sea
// rather than the globe's bare grid.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";

const generous = 15 * 60 * 1000;
/** The basemap's colours (portal/src/basemap/basemap-style.ts). */
const LAND: [number, number, number] = [242, 239, 233];
const PLACE_DOT: [number, number, number] = [74, 74, 74];
const PALM_SPRINGS: [number, number] = [-116.5453, 33.8303];

jest.setTimeout(generous);

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;

function setupNotebook(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "tsgis-basemap-e2e-"));
  const file = path.join(folder, "basemap.ipynb");
  const source = [
    'import { GIS } from "tsgis";',
    "const gis = await GIS.connect({ url: process.env.TSGIS_PORTAL_URL! });",
    '"connected"',
  ].join("\n");
  writeFileSync(
    file,
    JSON.stringify({
      cells: [{ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source }],
      metadata: {
        kernelspec: { display_name: "TypeScript (tsgis)", language: "typescript", name: "tsgis" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    }),
  );
  return file;
}

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  // The first tile builds the tile index from the data packages (seconds, more on a busy
  // machine); the views below then wait for drawing only.
  const warm = await fetch(
    `${portal.url}/rest/services/Basemaps/NaturalEarth/VectorTileServer/tile/0/0/0.pbf`,
  );
  expect(warm.status).toBe(200);
  lab = await startLab(portal.url, [setupNotebook()]);
  notebook = await NotebookPage.open(lab.url, lab.token, "basemap.ipynb");
  expect(await notebook.run(0)).toContain("connected");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await portal?.close();
});

/** With TSGIS_E2E_SHOTS=DIR, each reading's page is saved there as a PNG, for a person to see. */
async function shot(name: string): Promise<void> {
  const folder = process.env.TSGIS_E2E_SHOTS;
  if (folder) await notebook.page.screenshot({ path: path.join(folder, `${name}.png`) });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return read();
}

interface Picture {
  /** Share of the view's pixels near the land colour (3D shades it, so a wider margin there). */
  land: number;
  /** Share of pixels clearly blue (the sea and lakes): blue well above red. */
  blue: number;
  /** Pixels as dark as place dots and label text. */
  dark: number;
  /**
   * Pixels of text as SceneView draws it: its labels are smoothed into mid-grey, so few of their
   * pixels are as dark as MapView's.
   */
  grey: number;
  /** Whether a place dot is drawn within a few pixels of `point` ([lon, lat]). */
  dotAtPoint: boolean;
  colours: number;
}

/** Reads the last map view's screenshot: how much land, sea, and dark marks it shows. */
async function picture(
  point: [number, number],
  name: string,
  landTolerance = 12,
): Promise<Picture> {
  await notebook.settledView();
  await shot(name);
  return notebook.page.evaluate(`(async () => {
    const view = window.tsgisE2E.map().currentView;
    const shot = await view.takeScreenshot({ format: "png" });
    const { data, width, height } = shot.data;
    const land = ${JSON.stringify(LAND)}, dot = ${JSON.stringify(PLACE_DOT)};
    const near = (i, c, t) => Math.abs(data[i] - c[0]) <= t && Math.abs(data[i + 1] - c[1]) <= t && Math.abs(data[i + 2] - c[2]) <= t;
    let landCount = 0, blue = 0, dark = 0, grey = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, land, ${landTolerance})) landCount += 1;
      if (data[i + 2] > data[i] + 25) blue += 1;
      if (data[i] < 110 && data[i + 1] < 110 && data[i + 2] < 110) dark += 1;
      if (data[i] < 170 && data[i + 1] < 170 && data[i + 2] < 170) grey += 1;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    const target = view.center.clone();
    target.longitude = ${point[0]};
    target.latitude = ${point[1]};
    const screen = view.toScreen(target);
    const scale = width / view.width;
    let dotAtPoint = false;
    if (screen) {
      for (let dy = -4; dy <= 4; dy += 1) {
        for (let dx = -4; dx <= 4; dx += 1) {
          const x = Math.round(screen.x * scale) + dx, y = Math.round(screen.y * scale) + dy;
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          if (near((y * width + x) * 4, dot, 30)) dotAtPoint = true;
        }
      }
    }
    const pixels = data.length / 4;
    return { land: landCount / pixels, blue: blue / pixels, dark, grey, dotAtPoint, colours: colours.size };
  })()`) as Promise<Picture>;
}

describe("the portal's basemap in the browser", () => {
  it("draws Palm Springs at city zoom in 2D: land, the town's dot and names", async () => {
    const output = await notebook.evaluate(`const palm = await gis.map("Palm Springs, CA");\npalm`);
    expect(output).not.toMatch(/^ERROR/);
    const view = await notebook.settledView();
    expect(view.type).toBe("2d");
    expect(view.zoom).toBeGreaterThanOrEqual(9);
    expect(view.zoom).toBeLessThanOrEqual(14);
    const basemap = (await notebook.page.evaluate(`(() => {
      const layer = window.tsgisE2E.map().currentView.map.basemap.baseLayers.getItemAt(0);
      return { type: layer.type, url: layer.url, status: layer.loadStatus };
    })()`)) as { type: string; url: string; status: string };
    expect(basemap).toMatchObject({ type: "vector-tile", status: "loaded" });
    // The layer is known by its style's URL (portals/self names the style) or the service's.
    expect(
      basemap.url.startsWith(`${portal.url}/rest/services/Basemaps/NaturalEarth/VectorTileServer`),
    ).toBe(true);
    const seen = await until(
      () => picture(PALM_SPRINGS, "palm-springs-2d"),
      (value) => value.dotAtPoint && value.dark > 200,
    );
    expect(seen.land).toBeGreaterThan(0.5);
    expect(seen.dotAtPoint).toBe(true);
    // Dots and label text: far more dark pixels than one dot of a few pixels.
    expect(seen.dark).toBeGreaterThan(200);
    expect(seen.colours).toBeGreaterThan(2);
  });

  it("draws the same in 3D", async () => {
    await notebook.evaluate(`palm.mode = "3D";`);
    const view = await until(
      () => notebook.settledView(),
      (reading) => reading.type === "3d",
    );
    expect(view.type).toBe("3d");
    const seen = await until(
      () => picture(PALM_SPRINGS, "palm-springs-3d", 40),
      (value) => value.grey > 200 && value.land > 0.3,
    );
    expect(seen.land).toBeGreaterThan(0.3);
    // Dots and label text: far more text pixels than the dots alone.
    expect(seen.grey).toBeGreaterThan(200);
    expect(seen.colours).toBeGreaterThan(2);
  });

  it("shows the sea as water in a coastal 3D scene", async () => {
    // Los Angeles' coast: the Pacific fills the south-west of the view.
    const output = await notebook.evaluate(
      `const coast = await gis.map([33.75, -118.45], { zoomlevel: 9, mode: "3D" });\ncoast`,
    );
    expect(output).not.toMatch(/^ERROR/);
    const seen = await until(
      () => picture([-118.45, 33.75], "coast-3d", 40),
      (value) => value.blue > 0.2,
    );
    expect(seen.blue).toBeGreaterThan(0.2);
    expect(seen.land).toBeGreaterThan(0.1);
  });

  it("made no request outside 127.0.0.1", () => {
    expect(notebook.outsideRequests()).toEqual([]);
  });
});
