// The time slider in Chromium: a hosted layer published with a date field and time settings,
// added to a map in JupyterLab; map.setTimeExtent picks one of two time windows and only that
// window's features are drawn (read from the view's pixels), and the slider spans the layer's
// time extent.
import { GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";
import { notebookWith } from "../support/e2e-notebook";

const generous = 10 * 60 * 1000;
jest.setTimeout(generous);
const WAIT_MS = 120_000;

/** Spring 2020 in the west of France, autumn 2021 in the east: two windows, two places. */
const SIGHTINGS_CSV = [
  "place,latitude,longitude,seen",
  "Tours,47.39,0.69,2020-03-10",
  "Angers,47.47,-0.55,2020-05-20T09:00:00Z",
  "Dijon,47.32,5.04,2021-09-15",
  "Besancon,47.24,6.02,2021-11-02T16:00:00Z",
].join("\n");
const WEST = ["Angers", "Tours"];
const EAST = ["Besancon", "Dijon"];
const FIRST = Date.UTC(2020, 2, 10);
const LAST = Date.UTC(2021, 10, 2, 16);

/** A big magenta marker: no colour of the offline basemap comes near it. */
const RENDERER = {
  type: "simple",
  symbol: {
    type: "esriSMS",
    style: "esriSMSCircle",
    color: [255, 0, 255, 255],
    size: 16,
    outline: { type: "esriSLS", style: "esriSLSSolid", color: [255, 0, 255, 255], width: 1 },
  },
};

const CONNECT = `import { GIS } from "tsgis";
const gis = await GIS.connect({ url: process.env.TSGIS_PORTAL_URL!, username: "publisher", password: "tsgis-publisher-1" });
gis.users.me!.username`;

/**
 * In the page: once the view and the layer's view have drawn with the view's time extent at
 * `window`, which places show a magenta marker. Null while drawing.
 */
const DRAWN_PLACES = `async (wanted) => {
  const controller = globalThis.tsgisE2E.map();
  const view = controller && controller.currentView;
  if (!view || !view.ready || view.updating || !view.stationary) return null;
  const layer = view.map.layers.find((l) => l.title === "Sightings");
  if (!layer || !layer.loaded) return null;
  const layerView = await view.whenLayerView(layer);
  if (layerView.updating) return null;
  const time = view.timeExtent;
  if (!time || !time.start || time.start.getTime() !== wanted[0] || time.end.getTime() !== wanted[1]) return null;
  const shot = await view.takeScreenshot({ format: "png" });
  const { data, width, height } = shot.data;
  const scale = width / view.width;
  const { features } = await layer.queryFeatures({
    where: "1=1",
    outFields: ["place"],
    returnGeometry: true,
    outSpatialReference: view.spatialReference,
  });
  const drawn = [];
  for (const feature of features) {
    const screen = view.toScreen(feature.geometry);
    let near = 255;
    for (let dy = -5; dy <= 5; dy += 1) for (let dx = -5; dx <= 5; dx += 1) {
      const x = Math.round(screen.x * scale) + dx, y = Math.round(screen.y * scale) + dy;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = (y * width + x) * 4;
      near = Math.min(near, Math.max(Math.abs(data[i] - 255), data[i + 1], Math.abs(data[i + 2] - 255)));
    }
    if (near <= 40) drawn.push(feature.attributes.place);
  }
  const slider = controller.viewWidgets && controller.viewWidgets.currentTimeSlider;
  const full = slider && slider.fullTimeExtent;
  return {
    drawn: drawn.sort(),
    features: features.length,
    sliderFull: full && full.start && full.end ? [full.start.getTime(), full.end.getTime()] : null,
    sliderWindow: slider && slider.timeExtent ? [slider.timeExtent.start.getTime(), slider.timeExtent.end.getTime()] : null,
    layerFull: layer.timeInfo && layer.timeInfo.fullTimeExtent ? [layer.timeInfo.fullTimeExtent.start.getTime(), layer.timeInfo.fullTimeExtent.end.getTime()] : null,
  };
}`;

interface Drawn {
  drawn: string[];
  features: number;
  sliderFull: [number, number] | null;
  sliderWindow: [number, number] | null;
  layerFull: [number, number] | null;
}

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;
let sightings: Item;

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  const gis = await GIS.connect({
    url: portal.url,
    username: "publisher",
    password: "tsgis-publisher-1",
    setActive: false,
  });
  try {
    const csv = await gis.content.add(
      { title: "Sightings", type: "CSV", tags: "test", fileName: "sightings.csv" },
      { data: Buffer.from(SIGHTINGS_CSV) },
    );
    sightings = await csv.publish({
      publishParameters: { name: "Sightings", layerInfo: { timeInfo: { startTimeField: "seen" } } },
    });
  } finally {
    gis.close();
  }
  lab = await startLab(portal.url, [notebookWith("map-time-slider.ipynb", [CONNECT])]);
  notebook = await NotebookPage.open(lab.url, lab.token, "map-time-slider.ipynb");
  expect(await notebook.run(0)).toContain("publisher");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await portal?.close();
});

/** Waits (up to WAIT_MS) until the view has drawn the window, and reads what it drew. */
async function drawnIn(window: [number, number], expected: string[]): Promise<Drawn> {
  const reading = `(${DRAWN_PLACES})(${JSON.stringify(window)})`;
  // A view still being made throws; that counts as not drawn yet.
  const attempt = `(async () => { try { return await ${reading}; } catch (error) { return { error: String(error) }; } })()`;
  // waitForFunction polls a synchronous check: each poll starts a reading unless one is under
  // way, and the check passes once a finished reading shows the expected places.
  const expectedText = JSON.stringify(JSON.stringify(expected));
  await notebook.page.evaluate(`globalThis.tsgisTimeReading = { busy: false, last: null }`);
  try {
    await notebook.page.waitForFunction(
      `(() => {
        const state = globalThis.tsgisTimeReading;
        if (!state.busy) {
          state.busy = true;
          ${attempt}.then((value) => { state.last = value; state.busy = false; });
        }
        return state.last !== null && JSON.stringify(state.last.drawn) === ${expectedText};
      })()`,
      null,
      { timeout: WAIT_MS, polling: 500 },
    );
  } catch {
    // Timed out: the assertions below report what was drawn instead.
  }
  return notebook.page.evaluate(attempt) as Promise<Drawn>;
}

describe("the time slider on a time-aware hosted layer", () => {
  it("draws only the features of the window map.setTimeExtent sets, then of the other", async () => {
    const output =
      await notebook.evaluate(`const timed = await gis.map([47.4, 2.7], { zoomlevel: 6 });
const sightings = await gis.content.get(${JSON.stringify(sightings.id)});
await timed.addLayer(sightings, { title: "Sightings", renderer: ${JSON.stringify(RENDERER)} });
timed.setTimeExtent(new Date("2020-01-01T00:00:00Z"), new Date("2020-12-31T00:00:00Z"), { interval: 1, unit: "months" });
timed`);
    expect(output).not.toContain("ERROR");
    const spring = await drawnIn([Date.UTC(2020, 0, 1), Date.UTC(2020, 11, 31)], WEST);
    expect(spring).not.toBeNull();
    expect(spring.features).toBe(4);
    expect(spring.drawn).toEqual(WEST);
    // The slider spans the layer's time extent (from its timeInfo) and shows the window.
    expect(spring.layerFull).toEqual([FIRST, LAST]);
    expect(spring.sliderFull).toEqual([Date.UTC(2020, 0, 1), LAST]);
    expect(spring.sliderWindow).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2020, 11, 31)]);

    await notebook.evaluate(
      `timed.setTimeExtent(Date.UTC(2021, 0, 1), Date.UTC(2021, 11, 31), { interval: 1, unit: "months" })`,
    );
    const autumn = await drawnIn([Date.UTC(2021, 0, 1), Date.UTC(2021, 11, 31)], EAST);
    expect(autumn).not.toBeNull();
    expect(autumn.drawn).toEqual(EAST);
    expect(autumn.sliderWindow).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2021, 11, 31)]);
  });
});
