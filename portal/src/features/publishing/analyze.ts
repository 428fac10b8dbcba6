import { invalidParameter } from "../../server/arcgis-error";
import type { Table } from "./csv-table";
import { inferFields } from "./feature-source";
import { detectLocation } from "./location-fields";

const SAMPLE_RECORDS = 5;

/**
 * What `content/features/analyze` answers for a CSV: the publishParameters to publish it with
 * (detected location fields included), the layer it would make, and the first records.
 */
export function analyzeTable(
  table: Table,
  name: string,
  fileType: "csv" | "excel",
): Record<string, unknown> {
  if (table.columns.length === 0) throw invalidParameter("file", "holds no header row.");
  const location = detectLocation(table);
  const fields = inferFields(table.columns, table.rows);
  const layerInfo = {
    name,
    type: location.locationType === "none" ? "Table" : "Feature Layer",
    geometryType: location.locationType === "none" ? undefined : "esriGeometryPoint",
    fields,
    objectIdField: "OBJECTID",
  };
  const publishParameters: Record<string, unknown> = {
    type: fileType,
    name,
    ...location,
    ...(fileType === "csv" ? { columnDelimiter: ",", qualifier: '"' } : {}),
    sourceSR: { wkid: 4326, latestWkid: 4326 },
    locationServiceUrl: location.locationType === "address" ? "World/GeocodeServer" : undefined,
    maxRecordCount: 2000,
    layerInfo,
  };
  const records = table.rows.slice(0, SAMPLE_RECORDS).map((row) => {
    const attributes: Record<string, unknown> = {};
    table.columns.forEach((column, index) => {
      attributes[column] = row[index];
    });
    return { attributes };
  });
  return { publishParameters, records, layerInfo };
}
