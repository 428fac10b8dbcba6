// How a view follows map.updateLayer and map.repositionLayer (widget/src/sync/layer-diff.ts):
// which changes it sets on the layer it has, which make it anew, and the order of the stack.
import type { LayerSpec } from "tsgis/dist/map/contract";
import { layerChange, layerStack } from "../../widget/src/sync/layer-diff";

const RED = { type: "simple", symbol: { type: "esriSMS", color: [255, 0, 0, 255] } };
const SMART = { type: "ClassedColorRenderer" as const, field: "POP", options: { numClasses: 3 } };

function spec(changes: Partial<LayerSpec> = {}): LayerSpec {
  return {
    id: "towns",
    kind: "url",
    title: "Towns",
    url: "http://127.0.0.1:8480/rest/services/Hosted/Towns/FeatureServer/0",
    itemId: null,
    portalUrl: null,
    geojson: null,
    options: { opacity: 0.8 },
    smartRenderer: null,
    ...changes,
  };
}

describe("following a changed layer record in the view", () => {
  it("sets only what changed on the layer it has", () => {
    expect(layerChange(spec(), spec())).toEqual({ kind: "none" });
    // A record that came through the comm is a copy: equal values are no change.
    expect(layerChange(spec(), JSON.parse(JSON.stringify(spec())) as LayerSpec)).toEqual({
      kind: "none",
    });
    expect(
      layerChange(
        spec(),
        spec({
          title: "Big towns",
          options: { opacity: 0.3, visible: false, renderer: RED, definitionExpression: "POP > 5" },
        }),
      ),
    ).toEqual({
      kind: "update",
      title: "Big towns",
      properties: { opacity: 0.3, visible: false, renderer: RED, definitionExpression: "POP > 5" },
    });
    const popup = { title: "{NAME}" };
    expect(layerChange(spec(), spec({ options: { opacity: 0.8, popupTemplate: popup } }))).toEqual({
      kind: "update",
      properties: { popupTemplate: popup },
    });
  });

  it("computes a smart-mapping renderer again when it changed, or replaces an explicit one by it", () => {
    const smart = spec({ smartRenderer: SMART });
    expect(layerChange(spec(), smart)).toEqual({
      kind: "update",
      properties: {},
      smartRenderer: SMART,
    });
    const explicit = spec({ options: { opacity: 0.8, renderer: RED } });
    expect(layerChange(explicit, smart)).toEqual({
      kind: "update",
      properties: {},
      smartRenderer: SMART,
    });
    // And back: the explicit renderer is set in place of the computed one.
    expect(layerChange(smart, explicit)).toEqual({ kind: "update", properties: { renderer: RED } });
  });

  it("makes the layer anew for a new source, or to get a cleared property's own value back", () => {
    expect(layerChange(spec(), spec({ url: "http://127.0.0.1:8480/other/0" }))).toEqual({
      kind: "recreate",
    });
    expect(layerChange(spec(), spec({ kind: "item", itemId: "abc" }))).toEqual({
      kind: "recreate",
    });
    expect(layerChange(spec(), spec({ title: null }))).toEqual({ kind: "recreate" });
    expect(layerChange(spec(), spec({ options: {} }))).toEqual({ kind: "recreate" });
    const explicit = spec({ options: { renderer: RED } });
    expect(layerChange(explicit, spec({ options: {} }))).toEqual({ kind: "recreate" });
    expect(layerChange(spec({ smartRenderer: SMART }), spec())).toEqual({ kind: "recreate" });
  });
});

describe("the order of the map's layers", () => {
  it("stacks the records' layers in their order over the offline basemap, under the graphics", () => {
    const present = ["land", "graphics", "b", "a", "borders", "c"];
    expect(layerStack(present, ["a", "b", "c"], ["land", "borders"], ["graphics"])).toEqual([
      "land",
      "borders",
      "a",
      "b",
      "c",
      "graphics",
    ]);
  });

  it("leaves out records whose layer is still loading, and keeps layers it does not know", () => {
    expect(layerStack(["graphics", "c", "x", "a"], ["a", "b", "c"], [], ["graphics"])).toEqual([
      "a",
      "c",
      "x",
      "graphics",
    ]);
    expect(layerStack([], ["a"], ["land"], ["graphics"])).toEqual([]);
  });
});
