import type { GIS } from "../gis";

/**
 * The content of the GIS: search, add, get and manage items. Python: `arcgis.gis.ContentManager`
 * (reached through `gis.content`).
 */
export class ContentManager {
  constructor(protected readonly gis: GIS) {}
}
