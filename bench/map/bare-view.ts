// The bare side of the map benchmarks: page script that makes a MapView directly with
// @arcgis/core, without the widget or the kernel.

/**
 * Page statements that define `makeView()`: a MapView over the portal's default basemap and the
 * hosted layer at `layerUrl`, made with the classes the widget's first view already loaded, in
 * a new box the size of that view (`box`, to remove afterwards), at a place that differs per
 * `index` so that no run draws tiles another drew.
 */
export function bareViewStatements(layerUrl: string, index: number): string {
  return `
    const template = window.tsgisE2E.map(0).currentView;
    const MapView = template.constructor;
    const ArcGISMap = template.map.constructor;
    const Basemap = template.map.basemap.constructor;
    const baseLayer = template.map.basemap.baseLayers.getItemAt(0);
    const Layer = baseLayer.constructor;
    const FeatureLayer = template.map.allLayers.find((layer) => layer.type === "feature").constructor;
    const box = document.createElement("div");
    box.style.width = template.width + "px";
    box.style.height = template.height + "px";
    document.body.appendChild(box);
    const makeView = () =>
      new MapView({
        container: box,
        map: new ArcGISMap({
          basemap: new Basemap({ baseLayers: [new Layer({ url: baseLayer.url })] }),
          layers: [new FeatureLayer({ url: ${JSON.stringify(layerUrl)} })],
        }),
        center: [2.35, ${(48.85 + index * 0.05).toFixed(2)}],
        zoom: 11,
      });`;
}
