import { inspect } from "node:util";
import type { GIS } from "../gis";
import { federatedServers, type FederatedServerJSON } from "./federation";
import { optionalString } from "../arguments";

/**
 * The ArcGIS Servers of the portal, by role and function (ArcGIS Enterprise, full
 * administrators). Python: `gis.admin.servers` (`arcgis.gis.server.ServerManager`); tsgis
 * answers each server's description rather than a `Server` object.
 * @example
 * const [hosting] = await gis.admin.servers.get({ role: "HOSTING_SERVER" });
 */
export class ServerManager {
  /**
   * Made by `gis.admin`: use `gis.admin.servers`. Python: `ServerManager(gis)`.
   * @example
   * const servers = gis.admin.servers;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Every server federated with the portal. Python: `ServerManager.list()`.
   * @example
   * for (const server of await gis.admin.servers.list()) console.log(server.url);
   */
  async list(): Promise<FederatedServerJSON[]> {
    return federatedServers(this.gis);
  }

  /**
   * The servers with that role ("HOSTING_SERVER", "FEDERATED_SERVER") and/or function
   * ("GeoAnalytics", "RasterAnalytics", ...). Python: `ServerManager.get(role=None, function=None)`.
   * @example
   * const hosting = await gis.admin.servers.get({ role: "HOSTING_SERVER" });
   */
  async get(options: { role?: string; function?: string } = {}): Promise<FederatedServerJSON[]> {
    const role = optionalString(options.role, "role")?.toLowerCase();
    const wanted = optionalString(options.function, "function")?.toLowerCase();
    return (await this.list()).filter(
      (server) =>
        (role === undefined || server.serverRole.toLowerCase() === role) &&
        (wanted === undefined ||
          server.serverFunction
            .toLowerCase()
            .split(",")
            .map((f) => f.trim())
            .includes(wanted)),
    );
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `ServerManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.servers));
   */
  [inspect.custom](): string {
    return `<ServerManager url:"${this.gis.url}">`;
  }
}
