// A LayerSpec from the kernel turned into an @arcgis/core layer. Credentials are not handled
// here: the IdentityManager already holds the tokens the kernel sent for the portal's servers.
import GeoJSONLayer from "@arcgis/core/layers/GeoJSONLayer";
import Layer from "@arcgis/core/layers/Layer";
import Portal from "@arcgis/core/portal/Portal";
import PortalItem from "@arcgis/core/portal/PortalItem";
import PopupTemplate from "@arcgis/core/PopupTemplate";
import * as rendererJsonUtils from "@arcgis/core/renderers/support/jsonUtils";
import type { LayerSpec, MapLayerProperties } from "tsgis/dist/map/contract";

const portals = new Map<string, Portal>();

export function portalFor(url: string): Portal {
  let portal = portals.get(url);
  if (!portal) {
    portal = new Portal({ url });
    portals.set(url, portal);
  }
  return portal;
}

export async function createLayer(spec: LayerSpec): Promise<Layer> {
  const layer = await layerFor(spec);
  layer.id = spec.id;
  applyLayerProperties(layer, spec.title, spec.options);
  return layer;
}

/** Sets a record's title and properties on a layer: when it is made, and when they change. */
export function applyLayerProperties(
  layer: Layer,
  title: string | null | undefined,
  options: MapLayerProperties,
): void {
  if (title) layer.title = title;
  const { renderer, popupTemplate, ...properties } = options;
  layer.set(properties);
  // The kernel sends ArcGIS JSON (as Web Maps store it), not @arcgis/core's property forms.
  if (renderer && typeof renderer === "object") {
    layer.set("renderer", rendererJsonUtils.fromJSON(renderer));
  }
  if (popupTemplate && typeof popupTemplate === "object") {
    layer.set("popupTemplate", PopupTemplate.fromJSON(popupTemplate));
  }
}

async function layerFor(spec: LayerSpec): Promise<Layer> {
  switch (spec.kind) {
    case "geojson": {
      const blob = new Blob([JSON.stringify(spec.geojson)], { type: "application/geo+json" });
      return new GeoJSONLayer({ url: URL.createObjectURL(blob) });
    }
    case "item":
      if (!spec.itemId || !spec.portalUrl) throw new Error("an item layer needs its id and portal");
      if (spec.url) return Layer.fromArcGISServerUrl({ url: spec.url });
      return Layer.fromPortalItem({
        portalItem: new PortalItem({ id: spec.itemId, portal: portalFor(spec.portalUrl) }),
      });
    case "url":
      if (!spec.url) throw new Error("a URL layer needs its URL");
      return Layer.fromArcGISServerUrl({ url: spec.url });
  }
}
