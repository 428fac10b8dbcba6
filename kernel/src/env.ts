import type { GIS } from "./gis";

/**
 * Session-wide state, like Python's `arcgis.env`: the GIS that tools use when none is given.
 * @example
 * const gis = env.activeGis; // set by the last GIS.connect()
 */
export const env: { activeGis: GIS | null } = { activeGis: null };
