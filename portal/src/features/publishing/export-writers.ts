import type { EsriGeometry, Position } from "../esri-geometry";
import type { FieldDefinition } from "../fields";
import { toGeoJsonGeometry } from "../geojson";
import { writeCsv } from "./csv-table";
import { writeXlsx } from "./xlsx";
import { escapeXml } from "./xml-text";

/** A layer's features read for export, with geometries in WGS 84. */
export interface ExportLayer {
  name: string;
  geometryType: string | null;
  objectIdField: string;
  fields: FieldDefinition[];
  features: { attributes: Record<string, unknown>; geometry: EsriGeometry | null }[];
}

/** CSV: attributes, plus X and Y columns (WGS 84) for point layers, as ArcGIS Online writes. */
export function exportCsv(layer: ExportLayer): Buffer {
  const { columns, rows } = tabular(layer);
  return Buffer.from(writeCsv(columns, rows), "utf8");
}

function tabular(layer: ExportLayer): { columns: string[]; rows: unknown[][] } {
  const names = layer.fields.map((field) => field.name);
  const points = layer.geometryType === "esriGeometryPoint";
  const columns = points ? [...names, "x", "y"] : names;
  const rows = layer.features.map((feature) => {
    const values = names.map((name) => feature.attributes[name] ?? null);
    if (!points) return values;
    const geometry = feature.geometry as { x?: number; y?: number } | null;
    return [...values, geometry?.x ?? null, geometry?.y ?? null];
  });
  return { columns, rows };
}

/** Excel: the same columns as CSV, in one worksheet named after the layer. */
export function exportExcel(layer: ExportLayer): Buffer {
  const { columns, rows } = tabular(layer);
  return writeXlsx(layer.name, columns, rows);
}

export function exportGeoJson(layer: ExportLayer): Buffer {
  const collection = {
    type: "FeatureCollection",
    features: layer.features.map((feature) => ({
      type: "Feature",
      id: feature.attributes[layer.objectIdField],
      geometry: feature.geometry ? toGeoJsonGeometry(feature.geometry) : null,
      properties: feature.attributes,
    })),
  };
  return Buffer.from(JSON.stringify(collection), "utf8");
}

/** A Feature Collection item's data: layers with a layerDefinition and a featureSet. */
export function exportFeatureCollection(layer: ExportLayer): Buffer {
  const data = {
    layers: [
      {
        layerDefinition: {
          name: layer.name,
          type: layer.geometryType ? "Feature Layer" : "Table",
          geometryType: layer.geometryType ?? undefined,
          objectIdField: layer.objectIdField,
          fields: layer.fields.map(({ visible: _visible, ...field }) => field),
          extent: undefined,
        },
        featureSet: {
          geometryType: layer.geometryType ?? undefined,
          spatialReference: { wkid: 4326, latestWkid: 4326 },
          features: layer.features.map((feature) => ({
            attributes: feature.attributes,
            ...(feature.geometry
              ? { geometry: { ...feature.geometry, spatialReference: { wkid: 4326 } } }
              : {}),
          })),
        },
      },
    ],
  };
  return Buffer.from(JSON.stringify(data), "utf8");
}

const coordinates = (positions: readonly Position[]): string =>
  positions.map(([x, y]) => `${x},${y}`).join(" ");

function kmlGeometry(geometry: EsriGeometry): string {
  if ("x" in geometry)
    return `<Point><coordinates>${geometry.x},${geometry.y}</coordinates></Point>`;
  if ("points" in geometry) {
    return `<MultiGeometry>${geometry.points.map(([x, y]) => `<Point><coordinates>${x},${y}</coordinates></Point>`).join("")}</MultiGeometry>`;
  }
  if ("paths" in geometry) {
    return `<MultiGeometry>${geometry.paths.map((path) => `<LineString><coordinates>${coordinates(path)}</coordinates></LineString>`).join("")}</MultiGeometry>`;
  }
  if ("rings" in geometry) {
    const polygon = toGeoJsonGeometry(geometry);
    const polygons = (
      polygon.type === "Polygon" ? [polygon.coordinates] : polygon.coordinates
    ) as Position[][][];
    return `<MultiGeometry>${polygons
      .map(
        ([outer, ...holes]) =>
          `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates(outer)}</coordinates></LinearRing></outerBoundaryIs>${holes
            .map(
              (hole) =>
                `<innerBoundaryIs><LinearRing><coordinates>${coordinates(hole)}</coordinates></LinearRing></innerBoundaryIs>`,
            )
            .join("")}</Polygon>`,
      )
      .join("")}</MultiGeometry>`;
  }
  return "";
}

/** KML 2.2: one Placemark per feature, attributes as ExtendedData. */
export function exportKml(layer: ExportLayer): Buffer {
  const display =
    layer.fields.find((field) => field.type === "esriFieldTypeString")?.name ?? layer.objectIdField;
  const placemarks = layer.features.map((feature) => {
    const data = layer.fields
      .map(
        (field) =>
          `<Data name="${escapeXml(field.name)}"><value>${escapeXml(String(feature.attributes[field.name] ?? ""))}</value></Data>`,
      )
      .join("");
    return `<Placemark><name>${escapeXml(String(feature.attributes[display] ?? ""))}</name><ExtendedData>${data}</ExtendedData>${feature.geometry ? kmlGeometry(feature.geometry) : ""}</Placemark>`;
  });
  const kml = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(layer.name)}</name>${placemarks.join("")}</Document></kml>\n`;
  return Buffer.from(kml, "utf8");
}
