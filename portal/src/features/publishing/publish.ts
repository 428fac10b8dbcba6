import { isFullAdministrator } from "../../security/access";
import type { UserRecord } from "../../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../../server/arcgis-error";
import type { PortalServices } from "../../server/portal-services";
import { boxOf, projectGeometry } from "../esri-geometry";
import { createHostedService, serviceUrl } from "../hosted-services";
import { readLayerDefinition } from "../service-definition";
import type { FeatureServiceStore, ServiceRecord } from "../service-store";
import { readTimeInfo } from "../time-info";
import type { FeatureSource } from "./feature-source";
import type { JobRegistry } from "./jobs";

const PUBLISHED_CAPABILITIES = "Query";
const PUBLISHED_MAX_RECORDS = 2000;

export interface PublishRequest {
  sourceItemId: string;
  publishParameters: Record<string, unknown>;
  overwrite: boolean;
  /** Reads the source item's data into features; runs inside the job. */
  readSource: () => FeatureSource;
}

/**
 * Publishes a data item as a hosted feature layer: the service and its item exist at once, the
 * features load in a job. Overwriting replaces the layer and its data and keeps the item id.
 */
export function publishItem(
  services: PortalServices,
  store: FeatureServiceStore,
  jobs: JobRegistry,
  user: UserRecord,
  request: PublishRequest,
): { service: ServiceRecord; itemId: string; url: string; jobId: string } {
  if (!user.privileges.includes("portal:publisher:publishFeatures")) throw permissionDenied();
  const existing = store
    .all()
    .find((service) => service.definition.sourceItemId === request.sourceItemId);
  let service: ServiceRecord;
  let itemId: string;
  if (request.overwrite) {
    if (!existing || !existing.itemId) {
      throw new ArcGISRequestError(
        400,
        "Overwrite failed: this item has not been published yet.",
        [],
        "CONT_0053",
      );
    }
    if (existing.owner !== user.username && !isFullAdministrator(user)) throw permissionDenied();
    service = existing;
    itemId = existing.itemId;
  } else {
    const name = serviceName(request.publishParameters, services, request.sourceItemId);
    if (store.byName(name)) {
      throw new ArcGISRequestError(
        409,
        `Service name '${name}' already exists for '${user.orgId}'`,
        [],
        "CONT_0061",
      );
    }
    const created = createHostedService(services.db, store, services.rootUrl, user, {
      createParameters: {
        name,
        capabilities: PUBLISHED_CAPABILITIES,
        maxRecordCount: PUBLISHED_MAX_RECORDS,
      },
      isView: false,
      folderId: services.items.get(request.sourceItemId)?.folderId ?? null,
      itemProperties: { title: services.items.get(request.sourceItemId)?.title ?? name },
    });
    service = created.service;
    itemId = created.itemId;
    store.updateDefinition(service.id, {
      ...service.definition,
      sourceItemId: request.sourceItemId,
    });
  }
  const layerName =
    typeof request.publishParameters.name === "string"
      ? request.publishParameters.name
      : service.name;
  const timeInfo = publishedTimeInfo(request.publishParameters);
  const job = jobs.start("publish", itemId, user.username, () =>
    loadFeatures(store, service, layerName, request.readSource(), timeInfo),
  );
  return { service, itemId, url: serviceUrl(services.rootUrl, service.name), jobId: job.id };
}

function serviceName(
  parameters: Record<string, unknown>,
  services: PortalServices,
  sourceItemId: string,
): string {
  const given = parameters.name;
  if (given !== undefined && (typeof given !== "string" || !/^[A-Za-z0-9_]{1,120}$/.test(given))) {
    throw invalidParameter(
      "publishParameters",
      "name must be 1-120 letters, digits or underscores.",
    );
  }
  if (typeof given === "string") return given;
  const title = services.items.get(sourceItemId)?.title ?? "Published";
  return (
    title
      .replace(/[^A-Za-z0-9_]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 120) || "Published"
  );
}

/**
 * The time settings asked for with `publishParameters.layerInfo.timeInfo` (the layer definition
 * analyze proposes), checked for their shape now and against the fields once they are read.
 */
function publishedTimeInfo(parameters: Record<string, unknown>): unknown {
  const layerInfo = parameters.layerInfo;
  if (layerInfo === undefined || layerInfo === null) return undefined;
  if (typeof layerInfo !== "object" || Array.isArray(layerInfo))
    throw invalidParameter("publishParameters", "layerInfo must be an object.");
  const timeInfo = (layerInfo as Record<string, unknown>).timeInfo;
  if (
    timeInfo !== undefined &&
    timeInfo !== null &&
    (typeof timeInfo !== "object" || Array.isArray(timeInfo))
  )
    throw invalidParameter("publishParameters", "layerInfo.timeInfo must be an object.");
  return timeInfo;
}

/** Replaces layer 0 of the service with the source's schema and features, in one transaction. */
function loadFeatures(
  store: FeatureServiceStore,
  service: ServiceRecord,
  name: string,
  source: FeatureSource,
  timeInfo: unknown,
): void {
  const layer = readLayerDefinition(
    source.geometryType
      ? { id: 0, name, geometryType: source.geometryType, fields: source.fields }
      : { id: 0, name, type: "Table", fields: source.fields },
    0,
    0,
  );
  const time = readTimeInfo(timeInfo, layer.fields, "publishParameters");
  if (time) layer.timeInfo = time;
  const wkid = service.definition.wkid;
  store.transaction(() => {
    for (const old of store.layers(service.id)) store.deleteAllFeatures(service.id, old.layerId);
    store.putLayer(service.id, layer);
    const rows = source.features.map((feature) => {
      const geometry = feature.geometry ? projectGeometry(feature.geometry, 4326, wkid) : null;
      return { attributes: feature.attributes, geometry, box: geometry ? boxOf(geometry) : null };
    });
    store.insertFeatures(service.id, 0, rows);
  });
}
