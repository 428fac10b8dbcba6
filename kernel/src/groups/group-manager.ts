import type { GIS } from "../gis";

/**
 * The groups of the GIS: search, get and create groups. Python: `arcgis.gis.GroupManager`
 * (reached through `gis.groups`).
 */
export class GroupManager {
  constructor(protected readonly gis: GIS) {}
}
