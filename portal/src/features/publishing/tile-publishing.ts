import type { UserRecord } from "../../model/user-record";
import { invalidParameter, permissionDenied } from "../../server/arcgis-error";
import type { PortalServices } from "../../server/portal-services";
import { createHostedService, kindOf, serviceUrl } from "../hosted-services";
import type { FeatureServiceStore } from "../service-store";
import type { JobRegistry } from "./jobs";

/**
 * Publishes a hosted feature layer as a tile service (`outputType=tiles`): a "Map Service" item
 * whose MapServer draws 256-pixel tiles from the feature layer's current data on request, so
 * there is no cache to build (`buildInitialCache` changes nothing) and edits show at once.
 */
export function publishTiles(
  context: PortalServices,
  store: FeatureServiceStore,
  jobs: JobRegistry,
  user: UserRecord,
  sourceItemId: string,
  publishParameters: Record<string, unknown>,
): { itemId: string; url: string; jobId: string } {
  if (!user.privileges.includes("portal:publisher:publishTiles")) throw permissionDenied();
  const source = store.byItem(sourceItemId);
  if (!source || kindOf(source) !== "features") {
    throw invalidParameter("itemId", "must name a hosted feature layer to publish tiles from.");
  }
  const scale = (name: string): number => {
    const value = publishParameters[name] ?? 0;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw invalidParameter("publishParameters", `${name} must be a scale (a number from 0).`);
    }
    return value;
  };
  const minScale = scale("minScale");
  const maxScale = scale("maxScale");
  if (minScale !== 0 && maxScale !== 0 && minScale < maxScale) {
    throw invalidParameter(
      "publishParameters",
      "minScale (the smallest scale) must be at least maxScale.",
    );
  }
  const created = createHostedService(context.db, store, context.rootUrl, user, {
    createParameters: { name: publishParameters.name, capabilities: "Map,TilesOnly" },
    isView: false,
    folderId: null,
    itemProperties: { title: publishParameters.name },
    kind: "tiles",
  });
  store.updateDefinition(created.service.id, {
    ...created.service.definition,
    sourceServiceId: source.id,
    minScale,
    maxScale,
  });
  const job = jobs.start("publish", created.itemId, user.username, () => undefined);
  return {
    itemId: created.itemId,
    url: serviceUrl(context.rootUrl, created.service.name, "tiles"),
    jobId: job.id,
  };
}
