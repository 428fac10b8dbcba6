import { FeatureLayerCollection, GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };

describe("cloneItems of a web map with its hosted feature layer", () => {
  let source: RunningPortal;
  let target: RunningPortal;
  let from: GIS;
  let to: GIS;
  let layerItem: Item;
  let webmap: Item;

  beforeAll(async () => {
    [source, target] = await Promise.all([
      startPortal({ port: 0, demo: true }),
      startPortal({ port: 0, demo: true }),
    ]);
    from = await GIS.connect({ url: source.url, ...PUBLISHER, setActive: false });
    to = await GIS.connect({ url: target.url, ...PUBLISHER, setActive: false });
    layerItem = await from.content.createService("Trees", {
      capabilities: "Query,Editing",
      wkid: 4326,
    });
    await FeatureLayerCollection.fromItem(layerItem).manager.addToDefinition({
      layers: [
        {
          name: "Trees",
          geometryType: "esriGeometryPoint",
          fields: [{ name: "species", type: "esriFieldTypeString" }],
        },
      ],
    });
    const [layer] = await layerItem.getLayers();
    await layer.editFeatures({
      adds: ["Oak", "Beech", "Lime"].map((species, index) => ({
        attributes: { species },
        geometry: { x: 10 + index, y: 50, spatialReference: { wkid: 4326 } },
      })),
    });
    const operationalLayers = [
      {
        id: "trees",
        title: "Trees",
        layerType: "ArcGISFeatureLayer",
        itemId: layerItem.id,
        url: layer.url,
      },
    ];
    webmap = await from.content.add({
      title: "Tree map",
      type: "Web Map",
      text: JSON.stringify({ operationalLayers, baseMap: { baseMapLayers: [] }, version: "2.31" }),
    });
  });

  afterAll(async () => {
    from.close();
    to.close();
    await Promise.all([source.close(), target.close()]);
  });

  it("copies the layer with its features and points the cloned map at the copy", async () => {
    const cloned = await to.content.cloneItems([webmap]);
    const clonedLayerItem = cloned.find((item) => item.type === "Feature Service");
    const clonedMap = cloned.find((item) => item.type === "Web Map");
    expect(clonedLayerItem).toBeDefined();
    expect(clonedMap).toBeDefined();
    expect(clonedLayerItem!.url!.startsWith(target.url)).toBe(true);
    const [copy] = await clonedLayerItem!.getLayers();
    const set = await copy.query({ orderByFields: "species", outSr: 4326 });
    expect(set.features.map((feature) => feature.attributes.species)).toEqual([
      "Beech",
      "Lime",
      "Oak",
    ]);
    expect(set.features[2].geometry).toMatchObject({ x: 10, y: 50 });
    const data = (await clonedMap!.getData()) as {
      operationalLayers: { itemId: string; url: string }[];
    };
    expect(data.operationalLayers[0].itemId).toBe(clonedLayerItem!.id);
    expect(data.operationalLayers[0].url).toBe(copy.url);
  });

  it("reuses the clone the second time", async () => {
    const again = await to.content.cloneItems([layerItem]);
    expect(again).toHaveLength(0);
  });
});
