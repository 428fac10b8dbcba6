import { inspect } from "node:util";
import type { GIS } from "../gis";
import { getFederatedServers, portalAdminUrl } from "../rest/portal-admin";

/** A server federated with the portal. */
export interface FederatedServerJSON {
  id: string;
  name: string;
  url: string;
  adminUrl: string;
  serverRole: string;
  serverFunction: string;
  serverType: string;
  [field: string]: unknown;
}

/** The servers `/portaladmin/federation/servers` lists. */
export async function federatedServers(gis: GIS): Promise<FederatedServerJSON[]> {
  const result = await getFederatedServers(gis.session);
  return result.servers ?? [];
}

/**
 * The servers federated with the portal (ArcGIS Enterprise, full administrators).
 * Python: `gis.admin.federation` (`arcgis.gis.admin.Federation`).
 * @example
 * const { servers } = await gis.admin.federation.getServers();
 */
export class Federation {
  /**
   * Made by `gis.admin`: use `gis.admin.federation`. Python: `Federation(url, gis)`.
   * @example
   * const federation = gis.admin.federation;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The federated servers. Python: `Federation.servers`.
   * @example
   * const { servers } = await gis.admin.federation.getServers();
   */
  async getServers(): Promise<{ servers: FederatedServerJSON[] }> {
    return { servers: await federatedServers(this.gis) };
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Federation.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.federation));
   */
  [inspect.custom](): string {
    return `<Federation url:"${portalAdminUrl(this.gis.session)}/federation">`;
  }
}
