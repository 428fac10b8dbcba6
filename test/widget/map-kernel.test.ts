// The kernel side of the map widget against a real portal: gis.map()'s arguments, the state
// the browser receives, credentials kept out of that state, and the browser's answers.
import { spawnSync } from "child_process";
import { join } from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS, MapView } from "tsgis";
import { LoopbackKernel, type LoopbackComm } from "./comm-loopback";

const ADMIN = { username: "map-admin", password: "map-admin-password-1" };

describe("gis.map() and the kernel side of the map widget", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let anonymous: GIS;
  let kernel: LoopbackKernel;

  beforeAll(async () => {
    // exportToHtml inlines the widget's map code, bundled by the lab build (skipped when current).
    const built = spawnSync(
      process.execPath,
      [join(__dirname, "..", "..", "labextension", "scripts", "build-lab.cjs"), "--only=page"],
      { encoding: "utf8" },
    );
    if (built.status !== 0)
      throw new Error(`the page build failed:\n${built.stdout}${built.stderr}`);
    portal = await startPortal({ port: 0, admin: ADMIN });
    gis = await GIS.connect({ url: portal.url, ...ADMIN, setActive: false });
    anonymous = await GIS.connect({ url: portal.url, setActive: false });
  }, 180_000);

  afterAll(async () => {
    gis.close();
    anonymous.close();
    await portal.close();
  });

  beforeEach(() => {
    kernel = new LoopbackKernel();
    kernel.install();
  });

  afterEach(() => kernel.uninstall());

  function openedComm(): LoopbackComm {
    const comm = kernel.comms.at(-1);
    if (!comm) throw new Error("no comm was opened");
    return comm;
  }

  it("opens a jupyter.widget comm whose state centres on [lat, lon] and names the browser model", async () => {
    const map = await gis.map([48.8566, 2.3522], { zoomlevel: 12 });
    expect(map).toBeInstanceOf(MapView);
    const comm = openedComm();
    expect(comm.targetName).toBe("jupyter.widget");
    const state = comm.openData.state as Record<string, unknown>;
    expect(state).toMatchObject({
      _model_name: "MapModel",
      _model_module: "@tsgis/widget",
      _view_name: "MapWidgetView",
      mode: "2D",
      center: [48.8566, 2.3522],
      zoom: 12,
      portalUrl: portal.url,
    });
    expect(map.center).toEqual([48.8566, 2.3522]);
    expect(map.zoom).toBe(12);
  });

  it("never puts the token into the widget state", async () => {
    const token = await gis.session.auth.token(gis.session);
    expect(token).toBeTruthy();
    const map = await gis.map([10, 10]);
    await map.addLayer(`${portal.url}/rest/services/Hosted/Parks/FeatureServer/0`);
    const everythingSentAsState = JSON.stringify([
      openedComm().openData,
      ...openedComm().sent.filter((m) => m.data.method === "update"),
    ]);
    expect(everythingSentAsState).not.toContain(token as string);
  });

  it("answers the browser's credentials request in a custom message, for the portal's servers only", async () => {
    const map = await gis.map([10, 10]);
    await map.addLayer(`${portal.url}/rest/services/Hosted/Parks/FeatureServer/0`);
    await map.addLayer("http://elsewhere.invalid/arcgis/rest/services/Roads/MapServer");
    const comm = openedComm();
    comm.sent.length = 0;
    comm.receive({ method: "custom", content: { event: "requestCredentials" } });
    await waitFor(() => comm.customSent().some((content) => content.command === "credentials"));
    const message = comm.customSent().find((content) => content.command === "credentials")!;
    const credentials = message.credentials as { server: string; token: string }[];
    const token = await gis.session.auth.token(gis.session);
    expect(credentials.map((entry) => entry.server).sort()).toEqual([
      `${portal.url}/rest/services`,
      `${portal.url}/sharing/rest`,
    ]);
    expect(credentials.every((entry) => entry.token === token)).toBe(true);
  });

  it("sends the credentials as the map opens, before any view asks for them", async () => {
    const map = await gis.map([10, 10]);
    const comm = openedComm();
    await waitFor(() => comm.customSent().some((content) => content.command === "credentials"));
    const message = comm.customSent().find((content) => content.command === "credentials")!;
    const credentials = message.credentials as { server: string }[];
    expect(credentials.map((entry) => entry.server)).toContain(`${portal.url}/sharing/rest`);
    expect(JSON.stringify(comm.openData)).not.toContain("credentials");
    map.close();
  });

  it("sends no credentials for an anonymous GIS", async () => {
    const map = await anonymous.map([0, 0]);
    const comm = openedComm();
    comm.receive({ method: "custom", content: { event: "requestCredentials" } });
    await waitFor(() => comm.customSent().some((content) => content.command === "credentials"));
    expect(comm.customSent().find((c) => c.command === "credentials")!.credentials).toEqual([]);
    map.close();
  });

  it("takes an address's extent, or centres on it with a zoomlevel (the portal's geocoder)", async () => {
    const fitted = await gis.map("Palm Springs, CA");
    expect(fitted.state.center).toBeNull(); // the view fits the extent …
    expect(fitted.center![0]).toBeCloseTo(33.83, 1); // … whose centre map.center already gives
    expect(fitted.center![1]).toBeCloseTo(-116.55, 1);
    expect(fitted.zoom).toBeGreaterThan(8);
    expect(fitted.extent!.xmin).toBeLessThan(-116.55);
    expect(fitted.extent!.xmax).toBeGreaterThan(-116.55);
    const centred = await gis.map("Palm Springs, CA", { zoomlevel: 9 });
    expect(centred.center![0]).toBeCloseTo(33.83, 1);
    expect(centred.center![1]).toBeCloseTo(-116.55, 1);
    expect(centred.zoom).toBe(9);
  });

  it("says clearly when an address has no match", async () => {
    await expect(gis.map("Qqqxzzy Nowhere Zzzq")).rejects.toThrow(
      /no match for "Qqqxzzy Nowhere Zzzq"/,
    );
  });

  it("starts on an extent, and in 3D when asked", async () => {
    const extent = { xmin: -10, ymin: 35, xmax: 30, ymax: 60, spatialReference: { wkid: 4326 } };
    const map = await gis.map(extent, { mode: "3D" });
    expect(map.extent).toEqual(extent);
    expect(map.mode).toBe("3D");
  });

  it("rejects bad arguments, naming them, before opening anything", async () => {
    const opened = kernel.comms.length;
    await expect(gis.map([95, 0])).rejects.toThrow(RangeError);
    await expect(gis.map([95, 0])).rejects.toThrow(/location: latitude 95/);
    await expect(gis.map([1, 2, 3] as never)).rejects.toThrow(
      /location: expected \[latitude, longitude\]/,
    );
    await expect(gis.map([0, 0], { zoomlevel: 40 })).rejects.toThrow(/zoomlevel: 40 is outside/);
    await expect(gis.map([0, 0], { zoomlevel: 2.5 })).rejects.toThrow(
      /zoomlevel: expected a whole number/,
    );
    await expect(gis.map([0, 0], { mode: "4D" as never })).rejects.toThrow(
      /mode: expected "2D" or "3D"/,
    );
    await expect(gis.map([0, 0], { geocoder: {} as never })).rejects.toThrow(
      /geocoder: expected a Geocoder/,
    );
    await expect(gis.map(42 as never)).rejects.toThrow(TypeError);
    await expect(gis.map({ xmin: 5, ymin: 0, xmax: 1, ymax: 1 })).rejects.toThrow(
      /location: xmin is greater than xmax/,
    );
    expect(kernel.comms.length).toBe(opened);
  });

  it("sends kernel-side changes as updates and follows the browser's navigation", async () => {
    const map = await gis.map([0, 0], { zoomlevel: 3 });
    const comm = openedComm();
    map.center = [51.5, -0.12];
    map.zoom = 8;
    const updates = comm.sent.filter((m) => m.data.method === "update").map((m) => m.data.state);
    expect(updates).toEqual([{ center: [51.5, -0.12] }, { zoom: 8 }]);
    expect(() => {
      map.zoom = -1;
    }).toThrow(/zoom: -1 is outside/);
    expect(() => {
      map.mode = "2d" as never;
    }).not.toThrow();
    const panned = { xmin: 1, ymin: 2, xmax: 3, ymax: 4, spatialReference: { wkid: 4326 } };
    expect(map.viewCount).toBe(0);
    comm.receive({ method: "update", state: { _view_count: 2 } });
    expect(map.viewCount).toBe(2);
    comm.receive({ method: "update", state: { extent: panned, center: [3, 2], zoom: 7 } });
    expect(map.extent).toEqual(panned);
    expect(map.center).toEqual([3, 2]);
    expect(map.zoom).toBe(7);
  });

  it("keeps layers and graphics in the state, and removes them by spec or id", async () => {
    const map = await gis.map([0, 0]);
    const parks = await map.addLayer(
      {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            geometry: { type: "Point", coordinates: [5, 6] },
            properties: { name: "a" },
          },
        ],
      },
      { title: "Parks", opacity: 0.5 },
    );
    const roads = await map.addLayer(`${portal.url}/rest/services/Roads/FeatureServer/0`);
    expect(map.layers.map((layer) => layer.kind)).toEqual(["geojson", "url"]);
    expect(parks).toMatchObject({ title: "Parks", options: { opacity: 0.5 } });
    await expect(map.addLayer(`${portal.url}/x/FeatureServer?token=abc`)).rejects.toThrow(
      /carries a token/,
    );
    await expect(map.addLayer(42)).rejects.toThrow(/layer: expected an Item/);
    await expect(map.addLayer("x", { opacity: 2 })).rejects.toThrow(
      /options.opacity: 2 is outside/,
    );
    expect(map.removeLayers([roads.id])).toBe(true);
    expect(map.layers).toEqual([parks]);
    expect(map.removeLayers(["no-such-layer"])).toBe(false);
    map.draw(
      {
        type: "LineString",
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      { type: "esriSLS", color: [255, 0, 0, 255], width: 2 },
    );
    map.draw({ x: 1, y: 2 });
    expect(map.graphics.map((g) => g.geometry)).toEqual([
      {
        paths: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
        spatialReference: { wkid: 4326 },
      },
      { x: 1, y: 2, spatialReference: { wkid: 4326 } },
    ]);
    expect(() => map.draw({ type: "Polygon", coordinates: "nope" })).toThrow(/shape.coordinates/);
    expect(() => map.draw({ x: 1, y: 2 }, { color: "red" })).toThrow(
      /options.color: not a draw option/,
    );
    expect(() => map.draw({ x: 1, y: 2 }, { symbol: { color: "red" } })).toThrow(
      /options.symbol: expected an ArcGIS JSON symbol/,
    );
    map.clearGraphics();
    expect(map.graphics).toEqual([]);
    expect(map.removeLayers()).toBe(true);
    expect(map.layers).toEqual([]);
  });

  it("zooms to a GeoJSON layer's bounding box", async () => {
    const map = await gis.map([0, 0]);
    const layer = await map.addLayer({
      type: "MultiPoint",
      coordinates: [
        [-3, 40],
        [2, 52],
      ],
    });
    await map.zoomToLayer(layer);
    expect(map.extent).toEqual({
      xmin: -3,
      ymin: 40,
      xmax: 2,
      ymax: 52,
      spatialReference: { wkid: 4326 },
    });
    await expect(map.zoomToLayer("missing")).rejects.toThrow(/no layer with id "missing"/);
  });

  it("gets a screenshot's PNG bytes back from the view, and fails clearly when no view answers", async () => {
    const map = await gis.map([0, 0]);
    const comm = openedComm();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const pending = map.takeScreenshot();
    const request = comm.customSent().find((content) => content.command === "screenshot")!;
    comm.receive(
      {
        method: "custom",
        content: { event: "screenshot", requestId: request.requestId, ok: true },
      },
      [png],
    );
    await expect(pending).resolves.toEqual(png);
    const shown = kernel.published.find((message) => message.msgType === "display_data")!;
    expect((shown.content.data as Record<string, string>)["image/png"]).toBe(
      png.toString("base64"),
    );
    await expect(map.takeScreenshot({ timeoutSeconds: 0.05, outputInCell: false })).rejects.toThrow(
      /no map view answered/,
    );
  });

  it("delivers clicks to onClick callbacks until removed", async () => {
    const map = await gis.map([0, 0]);
    const comm = openedComm();
    const clicks: [MapView, number, number][] = [];
    const callback = (target: MapView, event: { latitude: number; longitude: number }): void => {
      clicks.push([target, event.latitude, event.longitude]);
    };
    map.onClick(callback);
    comm.receive({
      method: "custom",
      content: { event: "click", latitude: 10, longitude: 20, features: [] },
    });
    map.onClick(callback, { remove: true });
    comm.receive({
      method: "custom",
      content: { event: "click", latitude: 11, longitude: 21, features: [] },
    });
    expect(clicks).toEqual([[map, 10, 20]]);
    expect(() => map.onClick("nope" as never)).toThrow(/callback: expected a function/);
  });

  it("saves a Web Map item that gis.map(item) reopens with the same layers, graphics and view", async () => {
    const map = await gis.map([48.85, 2.35], { zoomlevel: 11, mode: "3D" });
    await map.addLayer(`${portal.url}/rest/services/Hosted/Parks/FeatureServer/0`, {
      title: "Parks",
      opacity: 0.7,
    });
    await map.addLayer({ type: "Point", coordinates: [2.35, 48.85] }, { title: "Centre" });
    map.draw({ x: 2.3, y: 48.8 }, { type: "esriSMS", color: [255, 0, 0, 255], size: 8 });
    const item = await map.save({
      title: "Paris map",
      snippet: "A saved map",
      tags: ["map", "test"],
    });
    expect(item.type).toBe("Web Map");
    const token = (await gis.session.auth.token(gis.session)) as string;
    expect(JSON.stringify(await item.getData())).not.toContain(token);
    const reopened = await gis.map(item);
    expect(reopened.mode).toBe("3D");
    expect(reopened.center).toEqual([48.85, 2.35]);
    expect(reopened.zoom).toBe(11);
    expect(reopened.layers.map((layer) => [layer.kind, layer.title])).toEqual([
      ["url", "Parks"],
      ["geojson", "Centre"],
    ]);
    expect(reopened.layers[0].options).toEqual({ opacity: 0.7 });
    expect(reopened.graphics).toEqual(map.graphics);
    await expect(map.save({ title: "No tags", snippet: "x" })).rejects.toThrow(
      /itemProperties.tags: required/,
    );
    const csv = await gis.content.add({ title: "Not a map", type: "CSV", text: "a,b\n1,2" });
    await expect(gis.map(csv)).rejects.toThrow(/must be a Web Map/);
  });

  it("writes a standalone HTML page without the token", async () => {
    const { mkdtemp, readFile } = await import("fs/promises");
    const { join } = await import("path");
    const { tmpdir } = await import("os");
    const map = await gis.map([48.85, 2.35], { zoomlevel: 11 });
    map.draw({ x: 2.35, y: 48.85 });
    const file = join(await mkdtemp(join(tmpdir(), "tsgis-map-")), "map.html");
    await expect(map.exportToHtml(file, { title: "Paris <map>" })).resolves.toBe(true);
    const page = await readFile(file, "utf8");
    expect(page).toContain("<title>Paris &lt;map&gt;</title>");
    expect(page).toContain('"center":[48.85,2.35]');
    expect(page).not.toContain((await gis.session.auth.token(gis.session)) as string);
    // The widget's own map code, with @arcgis/core's ES modules from the ArcGIS CDN.
    expect(page).toContain("showExportedMap");
    expect(page).toContain(
      '{"imports":{"@arcgis/core/":"https://js.arcgis.com/4.34/@arcgis/core/"}}',
    );
    expect(page.match(/<\/script/gi)).toHaveLength(4);
  });

  it("loads the SDK from apiUrl when given, and refuses one that is not http(s)", async () => {
    const { mkdtemp, readFile } = await import("fs/promises");
    const { join } = await import("path");
    const { tmpdir } = await import("os");
    const map = await gis.map([48.85, 2.35], { zoomlevel: 11 });
    map.rotation = 30;
    const file = join(await mkdtemp(join(tmpdir(), "tsgis-map-")), "map.html");
    await map.exportToHtml(file, { apiUrl: "http://127.0.0.1:9/sdk" });
    const page = await readFile(file, "utf8");
    expect(page).toContain('"@arcgis/core/":"http://127.0.0.1:9/sdk/@arcgis/core/"');
    expect(page).toContain('"rotation":30');
    await expect(map.exportToHtml(file, { apiUrl: "file:///sdk" })).rejects.toThrow(
      "options.apiUrl: expected an http(s) URL",
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error("condition not met");
}
