import type { Item } from "../content/item";
import * as rest from "../rest/services";
import { isServiceNameAvailable as askServiceNameAvailable } from "../rest/portals";
import type { ItemProperties } from "../content/item-json";
import type { GIS } from "../gis";

/** Options of `gis.content.createService`, Python's keyword arguments in camelCase. */
export interface CreateServiceOptions {
  serviceDescription?: string;
  hasStaticData?: boolean;
  maxRecordCount?: number;
  supportedQueryFormats?: string;
  capabilities?: string | null;
  description?: string;
  copyrightText?: string;
  wkid?: number;
  createParams?: Record<string, unknown> | null;
  serviceType?: string;
  owner?: string | null;
  folder?: string | null;
  itemProperties?: Record<string, unknown> | null;
  isView?: boolean;
}

/**
 * Creates an empty hosted service and its item; layers are added with
 * `FeatureLayerCollection.manager.addToDefinition`. The logic behind
 * `ContentManager.createService`.
 */
export async function createService(
  gis: GIS,
  name: string,
  options: CreateServiceOptions = {},
): Promise<Item> {
  if (typeof name !== "string" || !/^[A-Za-z0-9_]{1,120}$/.test(name)) {
    throw new TypeError("name: expected 1-120 letters, digits or underscores");
  }
  const maxRecordCount = options.maxRecordCount ?? 1000;
  if (!Number.isInteger(maxRecordCount) || maxRecordCount < 1) {
    throw new RangeError("maxRecordCount: expected a positive whole number");
  }
  const wkid = options.wkid ?? 102100;
  const createParameters = options.createParams ?? {
    name,
    serviceDescription: options.serviceDescription ?? "",
    hasStaticData: options.hasStaticData ?? false,
    maxRecordCount,
    supportedQueryFormats: options.supportedQueryFormats ?? "JSON",
    capabilities: options.capabilities ?? "Query",
    description: options.description ?? "",
    copyrightText: options.copyrightText ?? "",
    spatialReference: { wkid },
    allowGeometryUpdates: true,
    units: wkid === 4326 ? "esriDecimalDegrees" : "esriMeters",
    xssPreventionInfo: {
      xssPreventionEnabled: true,
      xssPreventionRule: "InputOnly",
      xssInputRule: "rejectInvalid",
    },
  };
  const owner = options.owner ?? gis.users.me?.username;
  if (!owner) throw new TypeError("owner: sign in, or name the owner, to create a service");
  const created = await rest.createService(gis.session, owner, options.folder, {
    createParameters: { ...createParameters, name },
    outputType: options.serviceType ?? "featureService",
    isView: options.isView ?? false,
  });
  if (!created.itemId) throw new Error(`createService answered without an item id for "${name}"`);
  const item = await gis.content.get(created.itemId);
  if (!item)
    throw new Error(`The item ${created.itemId} of the new service "${name}" cannot be read`);
  if (options.itemProperties && Object.keys(options.itemProperties).length > 0) {
    await item.update({ itemProperties: options.itemProperties as ItemProperties });
  }
  return item;
}

/**
 * Whether a service name is still free. The logic behind `ContentManager.isServiceNameAvailable`.
 */
export async function isServiceNameAvailable(
  gis: GIS,
  serviceName: string,
  serviceType: string,
): Promise<boolean> {
  if (typeof serviceName !== "string" || serviceName.trim() === "") {
    throw new TypeError("serviceName: expected a non-empty string");
  }
  if (typeof serviceType !== "string" || serviceType.trim() === "") {
    throw new TypeError('serviceType: expected a service type such as "featureService"');
  }
  const type = /^feature ?service$/i.test(serviceType) ? "Feature Service" : serviceType;
  const portalId = gis.properties.id ?? "self";
  const answer = await askServiceNameAvailable(gis.session, portalId, { name: serviceName, type });
  return answer.available === true;
}
