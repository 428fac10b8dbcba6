import type { GIS } from "../gis";

/** Which kind of portal an administrative member belongs to, as Python's two admin managers. */
export type Deployment = "ArcGIS Online" | "ArcGIS Enterprise";

/** The kind of portal `gis` signed in to: `portals/self` says `isPortal: false` on ArcGIS Online. */
export function deploymentOf(gis: GIS): Deployment {
  return gis.properties.isPortal === false ? "ArcGIS Online" : "ArcGIS Enterprise";
}

/**
 * Refuses a member that exists only on one kind of portal, naming it, instead of letting the
 * request fail with a 404: Python's `gis.admin` simply lacks it there.
 */
export function requireDeployment(gis: GIS, needed: Deployment, member: string): void {
  const actual = deploymentOf(gis);
  if (actual !== needed) {
    throw new Error(`gis.admin.${member} is available on ${needed} only; ${gis.url} is ${actual}.`);
  }
}
