// Run All on the map tutorial in JupyterLab (the tsgis front end, Debian's chromium) against a
// demo portal: the kernel sets the view's state in quick succession (a centre and zoom, then
// the switch to 3D and a tilt in one cell) while the view is still starting, and the view
// must end where the cells put it, as it does when the cells run one by one.
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";
import { kernelValue, until } from "../support/e2e-notebook";

const TUTORIAL = path.join(__dirname, "..", "..", "notebooks", "map.ipynb");
const generous = 10 * 60 * 1000;
jest.setTimeout(generous);

/** What the tutorial's cells set last: `center`, `zoom` (cell 5), then 3D with `tilt` 45. */
const SET_BY_CELLS = { latitude: 48.8584, longitude: 2.2945, zoom: 14, tilt: 45, heading: 0 };

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

interface Camera {
  type: string;
  latitude: number;
  longitude: number;
  zoom: number;
  tilt: number;
  heading: number;
  elevation: number;
}

describe("Run All on the map tutorial", () => {
  it("ends at the viewpoint the cells set, in the view and in the kernel", async () => {
    const outputs = await notebook.runAll();
    expect(outputs.filter((output) => output.includes("ERROR"))).toEqual([]);
    // Software WebGL on a shared machine: the scene may take minutes to finish drawing.
    await notebook.settledView(300_000).catch(async (error: Error) => {
      // Say why: a view that never became ready, one still drawing, or one without a size.
      const why = await notebook.page.evaluate(`(() => {
        const host = document.querySelector(".tsgis-map");
        const view = host && host.tsgisMap && host.tsgisMap.currentView;
        const cell = host && host.closest(".jp-Notebook-cell");
        return JSON.stringify({
          view: view ? { type: view.type, ready: view.ready, updating: view.updating,
            stationary: view.stationary, width: view.width, height: view.height } : null,
          box: host ? [host.clientWidth, host.clientHeight] : null,
          cell: cell ? getComputedStyle(cell).contentVisibility : null,
        });
      })()`);
      throw new Error(`${error.message}\nthe map: ${String(why)}`);
    });
    const camera = (await notebook.page.evaluate(`(() => {
      const view = document.querySelector(".tsgis-map").tsgisMap.currentView;
      const camera = view.camera;
      return {
        type: view.type,
        latitude: view.center.latitude,
        longitude: view.center.longitude,
        zoom: view.zoom,
        tilt: camera.tilt,
        heading: camera.heading,
        elevation: camera.position.z,
      };
    })()`)) as Camera;
    expect(camera.type).toBe("3d");
    expect(camera.tilt).toBeCloseTo(SET_BY_CELLS.tilt, 1);
    expect(camera.heading).toBeCloseTo(SET_BY_CELLS.heading, 1);
    expect(camera.latitude).toBeCloseTo(SET_BY_CELLS.latitude, 2);
    expect(camera.longitude).toBeCloseTo(SET_BY_CELLS.longitude, 2);
    expect(Math.abs(camera.zoom - SET_BY_CELLS.zoom)).toBeLessThan(0.5);
    // Zoom 14 over Paris is a camera a few kilometres up, not one on the ground.
    expect(camera.elevation).toBeGreaterThan(1000);
    // The view reports where it ended (debounced) once it stopped.
    const kernel = await until(
      () =>
        kernelValue<{ mode: string; tilt: number; zoom: number; center: number[] }>(
          notebook,
          "{ mode: map.mode, tilt: map.tilt, zoom: map.zoom, center: map.center }",
        ),
      (value) => Math.abs(value.tilt - camera.tilt) < 0.1,
    );
    expect(kernel.mode).toBe("3D");
    expect(kernel.tilt).toBeCloseTo(SET_BY_CELLS.tilt, 1);
    expect(Math.abs(kernel.zoom - SET_BY_CELLS.zoom)).toBeLessThan(0.5);
    expect(kernel.center[0]).toBeCloseTo(SET_BY_CELLS.latitude, 2);
    expect(kernel.center[1]).toBeCloseTo(SET_BY_CELLS.longitude, 2);
  });
});
