// Kernel side of smart-mapping renderers (by Python's name and field), explicit renderers kept
// through save and reopen, the view's tools (legend, layer list, bookmarks, time slider, mode
// switch, snapping), syncNavigation between maps, and closing a map.
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { LoopbackKernel } from "./comm-loopback";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const CITIES = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      geometry: { type: "Point", coordinates: [2.35, 48.85] },
      properties: { POP: 2100000, KIND: "capital" },
    },
    {
      type: "Feature",
      geometry: { type: "Point", coordinates: [4.83, 45.76] },
      properties: { POP: 520000, KIND: "city" },
    },
  ],
};

describe("smart-mapping renderers and the view's tools (kernel side)", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let kernel: LoopbackKernel;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  beforeEach(() => {
    kernel = new LoopbackKernel();
    kernel.install();
  });

  afterEach(() => kernel.uninstall());

  it("describes a smart-mapping renderer by name and field for the browser to compute", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 5 });
    const layer = await map.addLayer(CITIES, {
      renderer: "ClassedColorRenderer",
      fieldName: "POP",
      numClasses: 3,
      classificationMethod: "quantile",
      opacity: 0.9,
    });
    expect(layer.smartRenderer).toEqual({
      type: "ClassedColorRenderer",
      field: "POP",
      options: { numClasses: 3, classificationMethod: "quantile" },
    });
    expect(layer.options).toEqual({ opacity: 0.9 });
    const heat = await map.addLayer(CITIES, { renderer: "HeatmapRenderer" });
    expect(heat.smartRenderer).toMatchObject({ type: "HeatmapRenderer", field: null });
    for (const type of ["ClassedSizeRenderer", "UniqueValueRenderer"] as const) {
      const added = await map.addLayer(CITIES, { renderer: type, fieldName: "KIND" });
      expect(added.smartRenderer!.type).toBe(type);
    }
    await expect(map.addLayer(CITIES, { renderer: "ClassedColorRenderer" })).rejects.toThrow(
      /options.fieldName: ClassedColorRenderer needs the field/,
    );
    await expect(map.addLayer(CITIES, { renderer: "RainbowRenderer" as never })).rejects.toThrow(
      /options.renderer: "RainbowRenderer" is not a smart-mapping renderer/,
    );
    await expect(map.addLayer(CITIES, { fieldName: "POP" })).rejects.toThrow(
      /options.fieldName: only used with a smart-mapping renderer/,
    );
    await expect(
      map.addLayer(CITIES, { renderer: "ClassedSizeRenderer", fieldName: "POP", numClasses: 40 }),
    ).rejects.toThrow(/options.numClasses/);
  });

  it("keeps smart and explicit renderers through save and reopen", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 5 });
    const explicit = {
      type: "uniqueValue",
      field1: "KIND",
      uniqueValueInfos: [
        { value: "capital", symbol: { type: "esriSMS", color: [255, 0, 0, 255], size: 12 } },
      ],
    };
    await map.addLayer(CITIES, { renderer: "ClassedSizeRenderer", fieldName: "POP" });
    await map.addLayer(CITIES, { renderer: explicit });
    const item = await map.save({ title: "Renderers", snippet: "Renderers kept", tags: ["r"] });
    const reopened = await gis.map(item);
    expect(reopened.layers[0].smartRenderer).toEqual({
      type: "ClassedSizeRenderer",
      field: "POP",
      options: {},
    });
    expect(reopened.layers[1].options.renderer).toEqual(explicit);
    expect(reopened.layers[1].smartRenderer).toBeNull();
  });

  it("shows the legend, layer list, bookmarks and time slider, and hides the mode switch, on request", async () => {
    const map = await gis.map([48.85, 2.35], { zoomlevel: 10 });
    const comm = kernel.comms.at(-1)!;
    expect([map.legend, map.layerList, map.timeSlider, map.hideModeSwitch]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    map.legend = true;
    map.layerList = true;
    map.hideModeSwitch = true;
    map.snapToZoom = true;
    const updates = comm.sent
      .filter((message) => message.data.method === "update")
      .map((message) => message.data.state as Record<string, unknown>);
    expect(Object.assign({}, ...updates)).toMatchObject({
      legend: true,
      layerList: true,
      hideModeSwitch: true,
      snapToZoom: true,
    });
    expect(() => (map.legend = "yes" as never)).toThrow(/legend: expected true or false/);

    map.setTimeExtent(new Date("2020-01-01T00:00:00Z"), Date.UTC(2021, 0, 1), {
      interval: 1,
      unit: "months",
    });
    expect(map.timeSlider).toBe(true);
    expect(map.timeExtent).toEqual({
      start: Date.UTC(2020, 0, 1),
      end: Date.UTC(2021, 0, 1),
      interval: 1,
      unit: "months",
    });
    expect(() => map.setTimeExtent(2, 1)).toThrow(/endTime: must not be before startTime/);
    expect(() => map.setTimeExtent(1, 2, { unit: "fortnights" as never })).toThrow(/options.unit/);

    map.addBookmark("Paris", { xmin: 2.2, ymin: 48.8, xmax: 2.5, ymax: 48.9 });
    map.addBookmark("Paris", { xmin: 2.25, ymin: 48.8, xmax: 2.5, ymax: 48.9 });
    expect(map.bookmarks).toEqual([
      {
        name: "Paris",
        extent: { xmin: 2.25, ymin: 48.8, xmax: 2.5, ymax: 48.9, spatialReference: { wkid: 4326 } },
      },
    ]);
    map.bookmarksWidget = true;
    expect(map.removeBookmark("Paris")).toBe(true);
    expect(map.removeBookmark("Paris")).toBe(false);
    expect(() => map.addBookmark("")).toThrow(/name: expected a bookmark name/);
  });

  it("syncs navigation between maps both ways, and unsyncs them", async () => {
    const left = await gis.map([0, 0]);
    const middle = await gis.map([0, 0]);
    const right = await gis.map([0, 0]);
    left.syncNavigation([middle, right]);
    expect([...left.state.linkedMaps].sort()).toEqual([middle.modelId, right.modelId].sort());
    expect(middle.state.linkedMaps).toEqual(expect.arrayContaining([left.modelId, right.modelId]));
    expect(right.state.linkedMaps).toEqual(expect.arrayContaining([left.modelId, middle.modelId]));
    left.unsyncNavigation(right);
    expect(left.state.linkedMaps).toEqual([middle.modelId]);
    expect(right.state.linkedMaps).toEqual([middle.modelId]);
    expect(() => left.syncNavigation(left)).toThrow(/cannot sync with itself/);
    expect(() => left.syncNavigation({} as never)).toThrow(/maps\[0\]: expected a MapView/);
    // Closing a map takes it out of every link and closes its comm.
    const middleComm = kernel.comms.find((comm) => comm.commId === middle.modelId)!;
    middle.close();
    expect(middleComm.isClosed).toBe(true);
    expect(left.state.linkedMaps).toEqual([]);
    expect(right.state.linkedMaps).toEqual([]);
    expect(() => middle.draw("polygon")).toThrow(/the map widget is closed/);
  });
});
