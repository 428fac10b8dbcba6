// The map's members beyond navigation, kernel side, against a real demo portal: basemap names
// and the portal's gallery, removing and zooming to what was added (Items, layer objects,
// records), table inputs, draw styles and user drawing, save/update with thumbnail and folder,
// and the view the map starts from before any browser reports.
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { FeatureLayer, FeatureLayerCollection, FeatureSet, GIS, geocode, type Item } from "tsgis";
import { commOf, LoopbackKernel } from "./comm-loopback";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const ADMIN = { username: "admin", password: "tsgis-admin-1" };
/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("the map's members beside navigation (kernel side)", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let kernel: LoopbackKernel;
  let serviceItem: Item;
  let pointLayer: FeatureLayer;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    serviceItem = await gis.content.createService("MapMembersTowns", {
      capabilities: "Query,Editing",
      wkid: 4326,
    });
    await FeatureLayerCollection.fromItem(serviceItem).manager.addToDefinition({
      layers: [
        {
          name: "Towns",
          geometryType: "esriGeometryPoint",
          fields: [{ name: "POP", type: "esriFieldTypeInteger" }],
        },
      ],
    });
    [pointLayer] = (await serviceItem.getLayers()) as FeatureLayer[];
    await pointLayer.editFeatures({
      adds: [
        { attributes: { POP: 100 }, geometry: { x: 1, y: 2, spatialReference: { wkid: 4326 } } },
        { attributes: { POP: 9000 }, geometry: { x: 3, y: 4, spatialReference: { wkid: 4326 } } },
      ],
    });
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

  it("lists the basemap names it accepts and refuses others, naming them", async () => {
    const map = await gis.map([0, 0]);
    expect(map.basemaps).toEqual(expect.arrayContaining(["topo-vector", "satellite", "offline"]));
    map.basemap = "topo-vector";
    expect(map.state.basemap).toBe("topo-vector");
    expect(() => (map.basemap = "atlantis")).toThrow(
      /basemap: "atlantis" is neither in map.basemaps/,
    );
    map.basemap = null;
    expect(map.basemap).toBeNull();
  });

  it("offers the portal's basemap gallery by title, and draws a chosen one from its item", async () => {
    const admin = await GIS.connect({ url: portal.url, ...ADMIN, setActive: false });
    const group = await admin.groups.create("Map Members Basemaps", ["basemaps"], {
      access: "public",
    });
    const basemapItem = await admin.content.add({
      title: "Night Streets",
      type: "Web Map",
      tags: ["basemap"],
      text: { baseMap: { title: "Night Streets", baseMapLayers: [] }, operationalLayers: [] },
    });
    await basemapItem.share({ everyone: true, groups: [group!] });
    await admin.updateProperties({ basemapGalleryGroupQuery: 'title:"Map Members Basemaps"' });
    const reader = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    try {
      const map = await reader.map([0, 0]);
      expect(map.galleryBasemaps).toEqual(["Night Streets"]);
      expect(map.state.galleryBasemaps).toEqual([
        { title: "Night Streets", itemId: basemapItem.id },
      ]);
      map.basemap = "Night Streets";
      expect(map.basemap).toBe("Night Streets");
    } finally {
      await admin.updateProperties({
        basemapGalleryGroupQuery: 'title:"World Basemaps" AND owner:esri',
      });
      reader.close();
      admin.close();
    }
  });

  it("removes the very Item or layer object that was added, or one naming the same service", async () => {
    const map = await gis.map([0, 0]);
    await map.addLayer(serviceItem);
    await map.addLayer(pointLayer);
    await map.addLayer({ type: "Point", coordinates: [1, 2] });
    expect(map.layers.map((layer) => layer.kind)).toEqual(["item", "url", "geojson"]);
    expect(map.removeLayers([serviceItem])).toBe(true);
    expect(map.layers.map((layer) => layer.kind)).toEqual(["url", "geojson"]);
    const sameService = new FeatureLayer(pointLayer.url, gis);
    expect(map.removeLayers(sameService)).toBe(true);
    expect(map.layers.map((layer) => layer.kind)).toEqual(["geojson"]);
    expect(map.removeLayers([pointLayer])).toBe(false);
    expect(() => map.removeLayers([42 as never])).toThrow(/layers\[0\]: expected a layer/);
  });

  it("zooms to an Item's extent, a layer object's service extent, a record, or several", async () => {
    const map = await gis.map([0, 0], { zoomlevel: 3 });
    const area = await gis.content.add({
      title: "Area with an extent",
      type: "Web Mapping Application",
      tags: ["area"],
      extent: [
        [-10, 35],
        [30, 60],
      ],
    });
    await map.zoomToLayer(area);
    expect(map.extent).toMatchObject({ xmin: -10, ymin: 35, xmax: 30, ymax: 60 });
    expect(map.state.center).toBeNull();

    await map.zoomToLayer(pointLayer);
    expect(map.extent).toMatchObject({ xmin: 1, ymin: 2, xmax: 3, ymax: 4 });

    const a = await map.addLayer({ type: "Point", coordinates: [10, 20] });
    const b = await map.addLayer({ type: "Point", coordinates: [12, 25] });
    await map.zoomToLayer(a);
    expect(map.extent).toMatchObject({ xmin: 10, ymin: 20, xmax: 10, ymax: 20 });
    await map.zoomToLayer([a, b.id]);
    expect(map.extent).toMatchObject({ xmin: 10, ymin: 20, xmax: 12, ymax: 25 });
    await expect(map.zoomToLayer("no-such-layer")).rejects.toThrow(
      /no layer with id "no-such-layer"/,
    );
    await expect(map.zoomToLayer([])).rejects.toThrow(/layer: an empty array/);
  });

  it("adds a FeatureSet or rows with a SHAPE (a spatial table) as a layer, in WGS84", async () => {
    const map = await gis.map([0, 0]);
    const set = new FeatureSet({
      geometryType: "esriGeometryPoint",
      spatialReference: { wkid: 102100 },
      features: [
        { attributes: { name: "Null Island east" }, geometry: { x: 111319.49079327357, y: 0 } },
      ],
    });
    const fromSet = await map.addLayer(set);
    const feature = (fromSet.geojson!.features as Record<string, unknown>[])[0];
    const coordinates = (feature.geometry as { coordinates: number[] }).coordinates;
    expect(coordinates[0]).toBeCloseTo(1, 6);
    expect(coordinates[1]).toBeCloseTo(0, 6);
    expect(feature.properties).toEqual({ name: "Null Island east" });
    const fromRows = await map.addLayer([
      { city: "Paris", SHAPE: { x: 2.35, y: 48.85, spatialReference: { wkid: 4326 } } },
    ]);
    expect(fromRows.kind).toBe("geojson");
    expect((fromRows.geojson!.features as { geometry: unknown }[])[0].geometry).toEqual({
      type: "Point",
      coordinates: [2.35, 48.85],
    });
  });

  it("draws with a symbol, a popup and attributes", async () => {
    const map = await gis.map([0, 0]);
    const symbol = { type: "esriSMS", color: [255, 0, 0, 255], size: 10 };
    map.draw(
      { type: "Feature", geometry: { type: "Point", coordinates: [2, 3] }, properties: { a: 1 } },
      { symbol, popup: { title: "{name}", content: "A place" }, attributes: { name: "Here" } },
    );
    expect(map.graphics[0]).toEqual({
      geometry: { x: 2, y: 3, spatialReference: { wkid: 4326 } },
      symbol,
      attributes: { a: 1, name: "Here" },
      popupTemplate: { title: "{name}", content: "A place" },
    });
    expect(() => map.draw({ x: 0, y: 0 }, { popup: "text" as never })).toThrow(
      /options.popup: expected an object/,
    );
  });

  it("lets the user draw a shape in the browser: the view's drawEnd becomes a graphic and reaches onDrawEnd", async () => {
    const map = await gis.map([0, 0]);
    const comm = commOf(kernel);
    const seen: Record<string, unknown>[] = [];
    map.onDrawEnd((_map, geometry) => seen.push(geometry));
    const symbol = { type: "esriSFS", color: [0, 0, 255, 128] };
    map.draw("polygon", { symbol, attributes: { drawn: true } });
    const command = comm.customSent().find((content) => content.command === "draw");
    expect(command).toMatchObject({ command: "draw", tool: "polygon" });
    const rings = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
    ];
    comm.receive({
      method: "custom",
      content: {
        event: "drawEnd",
        requestId: command!.requestId,
        geometry: { rings, spatialReference: { wkid: 4326 } },
      },
    });
    expect(seen).toEqual([{ rings, spatialReference: { wkid: 4326 } }]);
    expect(map.graphics).toEqual([
      {
        geometry: { rings, spatialReference: { wkid: 4326 } },
        symbol,
        attributes: { drawn: true },
        popupTemplate: null,
      },
    ]);
    // An answer to no request (or a repeated one) draws nothing.
    comm.receive({
      method: "custom",
      content: { event: "drawEnd", requestId: command!.requestId, geometry: { x: 1, y: 1 } },
    });
    expect(map.graphics).toHaveLength(1);
    expect(() => map.draw("hexagon")).toThrow(/shape: "hexagon" is not a drawing tool/);
  });

  it("saves with a thumbnail into a folder it creates, and updates that Web Map later", async () => {
    const map = await gis.map([48.85, 2.35], { zoomlevel: 11 });
    const renderer = {
      type: "simple",
      symbol: { type: "esriSMS", color: [0, 128, 0, 255], size: 8 },
    };
    await map.addLayer({ type: "Point", coordinates: [2.35, 48.85] }, { renderer });
    const folder = `Maps ${Date.now()}`;
    expect((await gis.content.folders()).some((f) => f.title === folder)).toBe(false);
    const item = await map.save(
      { title: "Saved with thumbnail", snippet: "A map", tags: ["map"] },
      { thumbnail: PNG, folder },
    );
    expect(map.item?.id).toBe(item.id);
    const created = (await gis.content.folders()).find((f) => f.title === folder);
    expect(created).toBeDefined();
    expect(item.ownerFolder).toBe(created!.id);
    expect(item.thumbnail).toBeTruthy();
    expect(Buffer.compare(Buffer.from((await item.getThumbnail()) as Buffer), PNG)).toBe(0);

    const reopened = await gis.map(item);
    expect(reopened.layers[0].options.renderer).toEqual(renderer);
    await reopened.addLayer(pointLayer);
    expect(await reopened.update({ snippet: "Now with towns" })).toBe(true);
    const again = await gis.map((await gis.content.get(item.id)) as Item);
    expect(again.layers.map((layer) => layer.kind)).toEqual(["geojson", "url"]);
    expect(again.item?.snippet).toBe("Now with towns");

    const fresh = await gis.map([0, 0]);
    await expect(fresh.update()).rejects.toThrow(
      /update: the map was neither opened from nor saved/,
    );
    await expect(
      fresh.save({ title: "x", snippet: "x", tags: ["x"] }, { thumbnail: 3 as never }),
    ).rejects.toThrow(/options.thumbnail: expected a path, a URL or bytes/);
  });

  it("has a centre and zoom from gis.map(address) before any view reports", async () => {
    const centred = await gis.map("Palm Springs, CA", { zoomlevel: 11 });
    expect(centred.zoom).toBe(11);
    expect(centred.center![0]).toBeCloseTo(33.83, 1);
    const fitted = await gis.map("Palm Springs, CA");
    expect(fitted.center![1]).toBeCloseTo(-116.55, 1);
    expect(fitted.zoom).toBeGreaterThan(5);
    expect(fitted.zoom).toBeLessThan(16);
  });

  it("prints the map with the GIS's print service, and passes on what the service refuses", async () => {
    const map = await gis.map({ xmin: 0, ymin: 1, xmax: 4, ymax: 5 });
    await map.addLayer(serviceItem);
    const url = await map.print("png32", { outputDimensions: [320, 200], dpi: 96 });
    expect(url).toMatch(/\/rest\/directories\/arcgisoutput\/.+\.png$/);
    const png = await gis.session.request<Buffer, "buffer">(
      url,
      {},
      { method: "GET", responseKind: "buffer", format: null },
    );
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 200]);
    // The hosted layer's two points are drawn: the image is not one flat colour.
    const { inflateSync } = await import("zlib");
    const chunks: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      if (png.toString("ascii", at + 4, at + 8) === "IDAT") {
        chunks.push(png.subarray(at + 8, at + 8 + length));
      }
      at += 12 + length;
    }
    expect(new Set(inflateSync(Buffer.concat(chunks))).size).toBeGreaterThan(2);
    // This portal prints PNG only; ArcGIS Online's service would make the PDF.
    await expect(map.print("PDF")).rejects.toThrow(/Format/);
    await expect(map.print("TIFF")).rejects.toThrow(/fileFormat: expected one of PDF, PNG32/);
    await expect(map.print("PNG32", { dpi: -1 })).rejects.toThrow(/options\.dpi/);
    await expect(map.print("PNG32", { outputDimensions: [0, 5] })).rejects.toThrow(
      /options\.outputDimensions/,
    );
  });

  it("geocodes as a FeatureSet with Python's asFeatureset", async () => {
    const set = await geocode("Palm Springs, CA", { gis, maxLocations: 1, asFeatureset: true });
    expect(set).toBeInstanceOf(FeatureSet);
    expect(set.geometryType).toBe("esriGeometryPoint");
    expect(set.features[0].geometry!.x as number).toBeCloseTo(-116.55, 1);
    expect(set.features[0].attributes.score).toBeGreaterThan(0);
    await expect(geocode("Palm Springs", { gis, asFeatureset: "yes" as never })).rejects.toThrow(
      /asFeatureset: expected a boolean/,
    );
  });
});
