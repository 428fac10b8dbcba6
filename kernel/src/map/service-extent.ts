// The extent a service layer reports about itself, for zoomToLayer.
import type { GIS } from "../gis";
import type { Extent } from "./contract";

interface ServiceInfo {
  extent?: Extent | null;
  fullExtent?: Extent | null;
  initialExtent?: Extent | null;
}

export async function serviceExtent(gis: GIS, url: string): Promise<Extent | null> {
  const info = await gis.session.get<ServiceInfo>(url, { f: "json" });
  return info.extent ?? info.fullExtent ?? info.initialExtent ?? null;
}
