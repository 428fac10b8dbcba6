import { Access, isFullAdministrator } from "../security/access";
import fs from "node:fs";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { analyzeTable } from "../features/publishing/analyze";
import { parseCsv } from "../features/publishing/csv-table";
import { exportItem } from "../features/publishing/export-item";
import {
  csvSource,
  geoJsonSource,
  tableSource,
  type FeatureSource,
} from "../features/publishing/feature-source";
import { JobRegistry } from "../features/publishing/jobs";
import { publishItem } from "../features/publishing/publish";
import { replaceService } from "../features/publishing/replace-service";
import { publishTiles } from "../features/publishing/tile-publishing";
import { readShapefileZip } from "../features/publishing/shapefile";
import { readXlsx } from "../features/publishing/xlsx";
import { canEditItem, canViewItem } from "../model/item-access";
import type { ItemRecord } from "../model/item-record";
import {
  ArcGISRequestError,
  invalidParameter,
  permissionDenied,
  tokenRequired,
} from "../server/arcgis-error";
import { optionalBoolean, optionalJsonObject, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const FILE_TYPES = ["csv", "geojson", "shapefile", "excel"] as const;

/** publish, analyze, export and the status of their jobs. */
export function registerPublishingRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.featureServices;
  const jobs = new JobRegistry();

  const signedInAs = (request: FastifyRequest) => {
    const { user } = stateOf(request);
    if (!user) throw tokenRequired();
    const { username } = request.params as { username: string };
    if (username !== user.username && !isFullAdministrator(user)) throw permissionDenied();
    return user;
  };

  const publish = async (request: FastifyRequest): Promise<Record<string, unknown>> => {
    const user = signedInAs(request);
    const params = stateOf(request).params.values;
    const itemId = optionalString(params, "itemId");
    if (!itemId) throw invalidParameter("itemId", "is required.");
    const item = context.items.get(itemId);
    if (!item)
      throw new ArcGISRequestError(400, "Item does not exist or is inaccessible.", [], "CONT_0001");
    if (!canEditItem(item, user)) throw permissionDenied();
    const fileType = (
      optionalString(params, "filetype") ??
      optionalString(params, "fileType") ??
      ""
    ).toLowerCase();
    if (fileType === "featureservice") {
      const outputType = (optionalString(params, "outputType") ?? "").toLowerCase();
      if (outputType !== "tiles") {
        throw invalidParameter("outputType", "must be tiles to publish a hosted feature layer.");
      }
      const tiles = publishTiles(
        context,
        store,
        jobs,
        user,
        item.id,
        optionalJsonObject(params, "publishParameters") ?? {},
      );
      return {
        services: [
          {
            type: "Map Service",
            serviceurl: tiles.url,
            encodedServiceURL: tiles.url,
            size: -1,
            jobId: tiles.jobId,
            serviceItemId: tiles.itemId,
          },
        ],
      };
    }
    if (!(FILE_TYPES as readonly string[]).includes(fileType)) {
      throw invalidParameter("filetype", `must be one of: ${FILE_TYPES.join(", ")}.`);
    }
    const publishParameters = optionalJsonObject(params, "publishParameters") ?? {};
    const outputType = optionalString(params, "outputType") ?? "featureService";
    if (outputType.toLowerCase() !== "featureservice") {
      throw invalidParameter(
        "outputType",
        "must be featureService (the only kind this portal hosts).",
      );
    }
    const readSource = (): FeatureSource => {
      const data = itemData(context, item);
      if (fileType === "csv") return csvSource(data.toString("utf8"), publishParameters);
      if (fileType === "geojson") return geoJsonSource(data.toString("utf8"));
      if (fileType === "shapefile") return readShapefileZip(data);
      return tableSource(readXlsx(data), publishParameters);
    };
    const result = publishItem(context, store, jobs, user, {
      sourceItemId: item.id,
      publishParameters,
      overwrite: optionalBoolean(params, "overwrite") ?? false,
      readSource,
    });
    return {
      services: [
        {
          type: "Feature Service",
          serviceurl: result.url,
          encodedServiceURL: result.url,
          size: -1,
          jobId: result.jobId,
          serviceItemId: result.itemId,
        },
      ],
    };
  };
  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/publish",
    config: { access: Access.privilege("portal:publisher:publishFeatures") },
    handler: publish,
  });
  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/:folderId/publish",
    config: { access: Access.privilege("portal:publisher:publishFeatures") },
    handler: publish,
  });

  const exportHandler = async (request: FastifyRequest): Promise<Record<string, unknown>> => {
    const user = signedInAs(request);
    const params = stateOf(request).params.values;
    const itemId = optionalString(params, "itemId");
    if (!itemId) throw invalidParameter("itemId", "is required.");
    const exportFormat = optionalString(params, "exportFormat");
    if (!exportFormat) throw invalidParameter("exportFormat", "is required.");
    const result = exportItem(context, store, jobs, user, {
      itemId,
      exportFormat,
      title: optionalString(params, "title"),
      exportParameters: optionalJsonObject(params, "exportParameters") ?? {},
    });
    return { ...result, size: -1, exportFormat };
  };
  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/export",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: exportHandler,
  });
  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/:folderId/export",
    config: { access: Access.privilege("portal:user:createItem") },
    handler: exportHandler,
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/content/users/:username/replaceService",
    config: { access: Access.privilege("portal:publisher:publishFeatures") },
    handler: async (request) => {
      const user = signedInAs(request);
      const params = stateOf(request).params.values;
      const toReplaceItemId = optionalString(params, "toReplaceItemId");
      const replacementItemId = optionalString(params, "replacementItemId");
      if (!toReplaceItemId) throw invalidParameter("toReplaceItemId", "is required.");
      if (!replacementItemId) throw invalidParameter("replacementItemId", "is required.");
      replaceService(context.rootUrl, context, store, user, {
        toReplaceItemId,
        replacementItemId,
        replacedServiceName: optionalString(params, "replacedServiceName"),
        replaceMetadata: optionalBoolean(params, "replaceMetadata") ?? false,
      });
      return { success: true };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/users/:username/items/:itemId/status",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewItems") },
    handler: async (request) => {
      const user = signedInAs(request);
      const { itemId } = request.params as { itemId: string };
      const params = stateOf(request).params.values;
      const jobId = optionalString(params, "jobId");
      const jobType = optionalString(params, "jobType");
      const job = jobId ? jobs.get(jobId) : jobs.latestFor(itemId, jobType);
      if (jobId && (!job || job.itemId !== itemId))
        throw invalidParameter("jobId", "names no job of this item.");
      const item = context.items.get(itemId);
      if (
        !item ||
        !canViewItem(item, user, () => context.items.sharedWithMemberOf(item.id, user.username))
      ) {
        throw new ArcGISRequestError(
          400,
          "Item does not exist or is inaccessible.",
          [],
          "CONT_0001",
        );
      }
      // Without a publishing job, status follows the item's own upload (multipart assembly).
      if (!job) {
        const status = item.uploadStatus ?? "completed";
        return { status, statusMessage: status, itemId };
      }
      return {
        type: job.type,
        jobType: job.type,
        jobId: job.id,
        jobStatus: job.status,
        status: job.status,
        statusMessage: job.statusMessage,
        itemId,
      };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/features/analyze",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const { user, params } = stateOf(request);
      if (!user) throw tokenRequired();
      const values = params.values;
      const fileType = (
        optionalString(values, "filetype") ??
        optionalString(values, "fileType") ??
        "csv"
      ).toLowerCase();
      if (fileType !== "csv" && fileType !== "excel") {
        throw invalidParameter("filetype", "must be csv or excel (the formats analyze reads).");
      }
      const itemId = optionalString(values, "itemId");
      const text = optionalString(values, "text");
      let data: Buffer | undefined = text === undefined ? undefined : Buffer.from(text, "utf8");
      let name = "Table";
      if (!data && params.files.file) {
        data = params.files.file.data;
        name = params.files.file.filename.replace(/\.[^.]*$/, "");
      }
      if (!data && itemId) {
        const item = context.items.get(itemId);
        if (
          !item ||
          !canViewItem(item, user, () => context.items.sharedWithMemberOf(item.id, user.username))
        ) {
          throw new ArcGISRequestError(
            400,
            "Item does not exist or is inaccessible.",
            [],
            "CONT_0001",
          );
        }
        data = itemData(context, item);
        name = item.title;
      }
      if (data === undefined) throw invalidParameter("itemId", "or text or file is required.");
      const layerName = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "Table";
      const table = fileType === "csv" ? parseCsv(data.toString("utf8")) : readXlsx(data);
      return analyzeTable(table, layerName, fileType);
    },
  });
}

function itemData(context: PortalServices, item: ItemRecord): Buffer {
  const file = item.name
    ? context.files.dataFile(item.id, item.name)
    : context.files.textFile(item.id);
  if (!fs.existsSync(file)) throw invalidParameter("itemId", "names an item without data.");
  return fs.readFileSync(file);
}
