import { isFullAdministrator } from "../../security/access";
import fs from "node:fs";
import path from "node:path";
import type { UserRecord } from "../../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../../server/arcgis-error";
import type { PortalServices } from "../../server/portal-services";
import { projectGeometry } from "../esri-geometry";
import { layerSource } from "../layer-source";
import type { FeatureServiceStore, ServiceRecord } from "../service-store";
import {
  exportCsv,
  exportExcel,
  exportFeatureCollection,
  exportGeoJson,
  exportKml,
  type ExportLayer,
} from "./export-writers";
import type { JobRegistry } from "./jobs";
import { writeShapefileZip } from "./shapefile";
import { parseWhere } from "../where-parser";
import { whereToSql } from "../where-sql";
import { fieldResolver } from "../feature-query";

interface ExportFormat {
  itemType: string;
  extension: string | null;
  typeKeywords: string[];
  write: (layer: ExportLayer) => Buffer;
}

const FORMATS: Readonly<Record<string, ExportFormat>> = {
  csv: { itemType: "CSV", extension: "csv", typeKeywords: ["CSV"], write: exportCsv },
  geojson: {
    itemType: "GeoJson",
    extension: "geojson",
    typeKeywords: ["GeoJSON"],
    write: exportGeoJson,
  },
  "feature collection": {
    itemType: "Feature Collection",
    extension: null,
    typeKeywords: ["Data", "Feature Collection", "Singlelayer"],
    write: exportFeatureCollection,
  },
  shapefile: {
    itemType: "Shapefile",
    extension: "zip",
    typeKeywords: ["Esri", "ArcGIS", "Shapefile", "Data"],
    write: writeShapefileZip,
  },
  excel: {
    itemType: "Microsoft Excel",
    extension: "xlsx",
    typeKeywords: ["Data", "Document", "Microsoft Excel"],
    write: exportExcel,
  },
  kml: {
    itemType: "KML",
    extension: "kml",
    typeKeywords: ["Data", "Map", "kml"],
    write: exportKml,
  },
};

/** Formats ArcGIS Online produces that this portal cannot; they get the real API's refusal. */
const UNSUPPORTED = [
  "file geodatabase",
  "scene package",
  "filegdb",
  "tile package",
  "vector tile package",
  "sqlite geodatabase",
  "geopackage",
];

/**
 * Exports a hosted feature layer to a new item of the chosen format. The item exists at once
 * (status "processing"); its data is written in a job.
 */
export function exportItem(
  content: PortalServices,
  store: FeatureServiceStore,
  jobs: JobRegistry,
  user: UserRecord,
  options: {
    itemId: string;
    exportFormat: string;
    title: string | undefined;
    exportParameters: Record<string, unknown>;
  },
): { exportItemId: string; jobId: string; type: string; serviceItemId: string } {
  const key = options.exportFormat.trim().toLowerCase();
  const format = FORMATS[key];
  if (!format) {
    if (UNSUPPORTED.includes(key)) {
      throw new ArcGISRequestError(
        400,
        `Export to ${options.exportFormat} is not supported for this item.`,
        [`exportFormat '${options.exportFormat}' cannot be produced by this portal.`],
        "CONT_0095",
      );
    }
    throw invalidParameter("exportFormat", `'${options.exportFormat}' is not an export format.`);
  }
  const service = store.byItem(options.itemId);
  if (!service) throw invalidParameter("itemId", "does not name a hosted feature layer.");
  const item = content.items.get(options.itemId);
  if (!item) throw invalidParameter("itemId", "does not exist.");
  if (service.owner !== user.username && !isFullAdministrator(user)) throw permissionDenied();
  const layer = pickLayer(store, service, options.exportParameters);
  const title = options.title?.trim() || `${item.title} (${format.itemType})`;
  const fileName = format.extension
    ? `${title.replace(/[^A-Za-z0-9_-]+/g, "_")}.${format.extension}`
    : null;
  const created = content.items.insert(user.username, user.orgId, {
    title,
    type: format.itemType,
    typeKeywords: format.typeKeywords,
    name: fileName,
    folderId: item.folderId,
    tags: item.tags,
  });
  const job = jobs.start("export", created.id, user.username, () => {
    const data = format.write(readLayer(store, service, layer.layerId, layer.where));
    const target = fileName
      ? content.files.dataFile(created.id, fileName)
      : content.files.textFile(created.id);
    writeSync(target, data);
    content.items.update(created.id, { size: data.length }, false);
  });
  return {
    exportItemId: created.id,
    jobId: job.id,
    type: format.itemType,
    serviceItemId: options.itemId,
  };
}

function writeSync(target: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, data);
}

function pickLayer(
  store: FeatureServiceStore,
  service: ServiceRecord,
  parameters: Record<string, unknown>,
): { layerId: number; where: string } {
  const layers = Array.isArray(parameters.layers)
    ? (parameters.layers as { id?: unknown; where?: unknown }[])
    : [];
  const first = layers[0];
  const layerId =
    typeof first?.id === "number" ? first.id : (store.layers(service.id)[0]?.layerId ?? 0);
  if (!store.layer(service.id, layerId))
    throw invalidParameter("exportParameters", `names layer ${layerId} that does not exist.`);
  return { layerId, where: typeof first?.where === "string" ? first.where : "1=1" };
}

/** Every feature of a layer (through its view, if it is one), geometries in WGS 84. */
export function readLayer(
  store: FeatureServiceStore,
  service: ServiceRecord,
  layerId: number,
  where = "1=1",
): ExportLayer {
  const source = layerSource(store, service, store.layer(service.id, layerId)!);
  const clauses = ["service_id = ?", "layer_id = ?"];
  const params: unknown[] = [source.storageServiceId, source.storageLayerId];
  for (const text of [where, source.definitionQuery]) {
    const tree = parseWhere(text);
    if (!tree) continue;
    const fragment = whereToSql(tree, fieldResolver(source));
    clauses.push(fragment.sql);
    params.push(...fragment.params);
  }
  const features = store.selectFeatures(
    `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${clauses.join(" AND ")} ORDER BY object_id`,
    params,
  );
  const fields = source.fields;
  return {
    name: source.layer.name,
    geometryType: source.layer.geometryType,
    objectIdField: source.objectIdField,
    fields,
    features: features.map((feature) => {
      const attributes: Record<string, unknown> = {};
      for (const field of fields) {
        attributes[field.name] =
          field.name === source.objectIdField
            ? feature.objectId
            : (feature.attributes[field.name] ?? null);
      }
      return {
        attributes,
        geometry: feature.geometry
          ? projectGeometry(feature.geometry, source.storageWkid, 4326)
          : null,
      };
    }),
  };
}
