// Updating and reordering the map's layers, kernel side, against a real demo portal:
// updateLayer (Python 1.x `update_layer(layer)`, 2.4 `content.update_layer(index, ...)`) and
// repositionLayer (2.4 `content.reposition`), what they send to the views, and what a saved
// Web Map keeps of them.
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { FeatureLayerCollection, GIS, type FeatureLayer, type Item, type LayerSpec } from "tsgis";
import { commOf, LoopbackKernel, type LoopbackComm } from "./comm-loopback";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const RED = { type: "simple", symbol: { type: "esriSMS", color: [255, 0, 0, 255], size: 9 } };

/** The `layers` values the kernel sent to the views, oldest first. */
function layerUpdates(comm: LoopbackComm): LayerSpec[][] {
  return comm.sent
    .filter((message) => message.data.method === "update")
    .map((message) => (message.data.state as { layers?: LayerSpec[] }).layers)
    .filter((layers): layers is LayerSpec[] => layers !== undefined);
}

describe("updating and reordering the map's layers (kernel side)", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let kernel: LoopbackKernel;
  let serviceItem: Item;
  let towns: FeatureLayer;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
    serviceItem = await gis.content.createService("LayerUpdateTowns", {
      capabilities: "Query",
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
    [towns] = (await serviceItem.getLayers()) as FeatureLayer[];
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

  it("merges properties into the layer named by the Item added, a record, its id or its index, and sends the new records", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 6 });
    const comm = commOf(kernel);
    await map.addLayer(serviceItem, { title: "Towns", opacity: 0.9 });
    const added = map.layers[0];

    const [fromItem] = map.updateLayer(serviceItem, {
      opacity: 0.4,
      definitionExpression: "POP > 5",
    });
    expect(fromItem).toMatchObject({
      id: added.id,
      title: "Towns",
      itemId: serviceItem.id,
      options: { opacity: 0.4, definitionExpression: "POP > 5" },
    });
    // The old record is not changed under the caller's feet; the map holds the new one.
    expect(added.options).toEqual({ opacity: 0.9 });
    expect(map.layers[0]).toBe(fromItem);
    expect(layerUpdates(comm).at(-1)).toEqual([JSON.parse(JSON.stringify(fromItem))]);

    map.updateLayer(fromItem.id, { visible: false, title: "Big towns" });
    map.updateLayer(0, { transparency: 75, renderer: RED });
    expect(map.layers[0]).toMatchObject({
      title: "Big towns",
      options: { opacity: 0.25, visible: false, renderer: RED, definitionExpression: "POP > 5" },
      smartRenderer: null,
    });
    map.updateLayer(map.layers[0], { definitionExpression: null, visible: null });
    expect(map.layers[0].options).toEqual({ opacity: 0.25, renderer: RED });
  });

  it("switches between an explicit and a smart-mapping renderer, and clears either with null", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 6 });
    const layer = await map.addLayer(towns.url, { renderer: RED });
    const [smart] = map.updateLayer(layer, {
      renderer: "ClassedColorRenderer",
      fieldName: "POP",
      numClasses: 3,
    });
    expect(smart.options.renderer).toBeUndefined();
    expect(smart.smartRenderer).toEqual({
      type: "ClassedColorRenderer",
      field: "POP",
      options: { numClasses: 3 },
    });
    // Other properties leave the smart renderer alone.
    const [faded] = map.updateLayer(smart, { opacity: 0.5 });
    expect(faded.smartRenderer?.type).toBe("ClassedColorRenderer");
    const [explicit] = map.updateLayer(faded, { renderer: RED });
    expect(explicit.smartRenderer).toBeNull();
    expect(explicit.options).toEqual({ renderer: RED, opacity: 0.5 });
    const [own] = map.updateLayer(explicit, { renderer: null });
    expect(own.options).toEqual({ opacity: 0.5 });
    expect(own.smartRenderer).toBeNull();
  });

  it("takes a changed record alone in place of the layer's properties, as Python 1.x's update_layer(layer)", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 6 });
    const layer = await map.addLayer(
      { type: "Point", coordinates: [3, 47] },
      { title: "Point", opacity: 0.7, definitionExpression: "1=1" },
    );
    const changed = { ...layer, title: "Renamed", options: { visible: false, renderer: RED } };
    const [replaced] = map.updateLayer(changed);
    expect(replaced).toMatchObject({
      id: layer.id,
      kind: "geojson",
      title: "Renamed",
      options: { visible: false, renderer: RED },
    });
    expect(replaced.options.opacity).toBeUndefined();
    expect(replaced.geojson).toEqual(layer.geojson);
    expect(() => map.updateLayer({ ...layer, options: { opacity: 3 } })).toThrow(
      /options.opacity: 3 is outside 0…1/,
    );
  });

  it("refuses what it cannot apply, naming the argument, and changes nothing then", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 6 });
    const layer = await map.addLayer({ type: "Point", coordinates: [3, 47] }, { opacity: 0.7 });
    const before = map.layers;
    expect(() => map.updateLayer(layer, { labelingInfo: [] } as never)).toThrow(
      /options.labelingInfo: not an updateLayer option/,
    );
    expect(() => map.updateLayer(layer, { opacity: 2 })).toThrow(
      /options.opacity: 2 is outside 0…1/,
    );
    expect(() => map.updateLayer(layer, { opacity: 0.5, transparency: 20 })).toThrow(
      /options.transparency: give opacity or transparency, not both/,
    );
    expect(() => map.updateLayer(layer, { transparency: 120 })).toThrow(
      /options.transparency: 120 is outside 0…100/,
    );
    expect(() => map.updateLayer(layer, { fieldName: null } as never)).toThrow(
      /options.fieldName: null clears only title, opacity/,
    );
    expect(() => map.updateLayer(layer, { renderer: "PieRenderer" as never })).toThrow(
      /options.renderer: "PieRenderer" is not a smart-mapping renderer/,
    );
    expect(() => map.updateLayer(layer.id)).toThrow(/options: expected the properties to change/);
    expect(() => map.updateLayer("no-such-layer", { opacity: 1 })).toThrow(
      /layer: it names no layer of this map/,
    );
    expect(() => map.updateLayer(3, { opacity: 1 })).toThrow(/layer: 3 is outside 0…0/);
    expect(() => map.updateLayer(0.5, { opacity: 1 })).toThrow(/layer: expected a whole number/);
    expect(map.layers).toBe(before);
  });

  it("repositions a layer in the drawing order, bounds checked, and a saved Web Map keeps the order and the updates", async () => {
    const map = await gis.map([47, 3], { zoomlevel: 6 });
    const comm = commOf(kernel);
    const a = await map.addLayer({ type: "Point", coordinates: [3, 47] }, { title: "A" });
    await map.addLayer({ type: "Point", coordinates: [4, 47] }, { title: "B" });
    await map.addLayer(towns.url, { title: "C" });
    const titles = (): (string | null)[] => map.layers.map((layer) => layer.title);

    map.repositionLayer(2, 0); // Python's reposition(current_index=2, new_index=0)
    expect(titles()).toEqual(["C", "A", "B"]);
    expect(
      layerUpdates(comm)
        .at(-1)!
        .map((layer) => layer.title),
    ).toEqual(["C", "A", "B"]);
    map.repositionLayer(a, 2);
    expect(titles()).toEqual(["C", "B", "A"]);
    map.repositionLayer(towns, 1);
    expect(titles()).toEqual(["B", "C", "A"]);

    expect(() => map.repositionLayer(a, 3)).toThrow(/newIndex: 3 is outside 0…2/);
    expect(() => map.repositionLayer(a, -1)).toThrow(/newIndex: -1 is outside 0…2/);
    expect(() => map.repositionLayer(5, 0)).toThrow(/layer: 5 is outside 0…2/);
    expect(() => map.repositionLayer("no-such-layer", 0)).toThrow(/layer: it names no layer/);
    const twice = await map.addLayer(towns.url, { title: "C again" });
    expect(() => map.repositionLayer(towns, 0)).toThrow(/layer: it names 2 layers of this map/);
    map.removeLayers(twice);

    map.updateLayer(a, { opacity: 0.3, renderer: RED });
    const item = await map.save({
      title: "Reordered",
      snippet: "Layers in order",
      tags: ["order"],
    });
    const data = (await item.getData()) as {
      operationalLayers: { title: string; opacity: number; layerDefinition?: unknown }[];
    };
    expect(data.operationalLayers.map((layer) => layer.title)).toEqual(["B", "C", "A"]);
    expect(data.operationalLayers[2]).toMatchObject({
      opacity: 0.3,
      layerDefinition: { drawingInfo: { renderer: RED } },
    });
    const reopened = await gis.map(item);
    expect(reopened.layers.map((layer) => layer.title)).toEqual(["B", "C", "A"]);
    expect(reopened.layers[2].options).toMatchObject({ opacity: 0.3, renderer: RED });
  });
});
