// A basemap of the portal's gallery chosen by title: drawn from its Web Map item.
import Basemap from "@arcgis/core/Basemap";
import PortalItem from "@arcgis/core/portal/PortalItem";
import type { MapState } from "tsgis/dist/map/contract";
import { portalFor } from "./layers";

export function galleryBasemap(state: MapState): Basemap | null {
  const entry = (state.galleryBasemaps ?? []).find((basemap) => basemap.title === state.basemap);
  if (!entry || !state.portalUrl) return null;
  return new Basemap({
    portalItem: new PortalItem({ id: entry.itemId, portal: portalFor(state.portalUrl) }),
  });
}
