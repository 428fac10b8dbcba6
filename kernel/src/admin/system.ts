import { inspect } from "node:util";
import type { GIS } from "../gis";
import {
  getDirectories,
  getSystemLicenses,
  getSystemProperties,
  getWebAdaptors,
  portalAdminUrl,
  updateSystemProperties,
} from "../rest/portal-admin";

/** A directory the portal keeps data in. */
export interface DirectoryJSON {
  name: string;
  physicalPath: string;
  directoryType: string;
  description: string;
  [field: string]: unknown;
}

/**
 * The portal's system configuration: properties, directories, web adaptors, licence summary
 * (ArcGIS Enterprise, full administrators). Python: `gis.admin.system` (`arcgis.gis.admin.System`).
 * @example
 * const directories = await gis.admin.system.getDirectories();
 */
export class System {
  /**
   * Made by `gis.admin`: use `gis.admin.system`. Python: `System(url, gis)`.
   * @example
   * const system = gis.admin.system;
   */
  constructor(protected readonly gis: GIS) {}

  private get url(): string {
    return `${portalAdminUrl(this.gis.session)}/system`;
  }

  /**
   * The portal's system properties (WebContextURL, privatePortalURL, ...). Python: `System.properties`.
   * @example
   * const { WebContextURL } = await gis.admin.system.getProperties();
   */
  async getProperties(): Promise<Record<string, unknown>> {
    return getSystemProperties(this.gis.session);
  }

  /**
   * Replaces the system properties set by administrators. Python: `System.properties = {...}`.
   * @example
   * await gis.admin.system.setProperties({ disableSignup: "true" });
   */
  async setProperties(properties: Record<string, unknown>): Promise<boolean> {
    if (typeof properties !== "object" || properties === null || Array.isArray(properties)) {
      throw new TypeError("properties: expected an object of system properties");
    }
    const result = await updateSystemProperties(this.gis.session, properties);
    return result.status === "success";
  }

  /**
   * The directories the portal stores content and its database in. Python: `System.directories`.
   * @example
   * for (const dir of await gis.admin.system.getDirectories()) console.log(dir.name, dir.physicalPath);
   */
  async getDirectories(): Promise<DirectoryJSON[]> {
    const result = await getDirectories(this.gis.session);
    return result.directories ?? [];
  }

  /**
   * The web adaptors registered in front of the portal. Python: `System.web_adaptors`
   * (a `WebAdaptors` object there; its `list()` here).
   * @example
   * const adaptors = await gis.admin.system.getWebAdaptors();
   */
  async getWebAdaptors(): Promise<Record<string, unknown>[]> {
    const result = await getWebAdaptors(this.gis.session);
    return result.webAdaptors ?? [];
  }

  /**
   * The licence summary: registered members against the maximum, per user type.
   * Python: `System.licenses`.
   * @example
   * const { currentRegisteredMembers } = await gis.admin.system.getLicenses();
   */
  async getLicenses(): Promise<Record<string, unknown>> {
    return getSystemLicenses(this.gis.session);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `System.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.system));
   */
  [inspect.custom](): string {
    return `<System url:"${this.url}">`;
  }
}
