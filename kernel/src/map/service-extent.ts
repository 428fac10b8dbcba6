// The extent a service layer reports about itself, for zoomToLayer.
import type { GIS } from "../gis";
import { getServiceInfo } from "../rest/services";
import type { Extent } from "./contract";

export async function serviceExtent(gis: GIS, url: string): Promise<Extent | null> {
  const info = await getServiceInfo(gis.session, url);
  return info.extent ?? info.fullExtent ?? info.initialExtent ?? null;
}
