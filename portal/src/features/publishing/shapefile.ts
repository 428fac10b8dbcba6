import { unzipBounded } from "../../security/archive-limits";
import { strToU8, zipSync } from "fflate";
import { ArcGISRequestError, invalidParameter } from "../../server/arcgis-error";
import type { EsriGeometry, GeometryType, Position } from "../esri-geometry";
import { projectGeometry } from "../esri-geometry";
import type { FieldDefinition } from "../fields";
import type { ExportLayer } from "./export-writers";
import { uniqueNames } from "./csv-table";
import type { FeatureSource } from "./feature-source";

/**
 * Esri Shapefiles (the 1998 technical description): .shp holds the geometries, .shx their
 * offsets, .dbf the attributes (dBase III), .prj the coordinate system, .cpg the encoding.
 * Only 2D shapes are written; Z and M shapes are read as 2D.
 */

const SHAPE_TYPES: Readonly<Record<number, GeometryType>> = {
  1: "esriGeometryPoint",
  11: "esriGeometryPoint",
  21: "esriGeometryPoint",
  3: "esriGeometryPolyline",
  13: "esriGeometryPolyline",
  23: "esriGeometryPolyline",
  5: "esriGeometryPolygon",
  15: "esriGeometryPolygon",
  25: "esriGeometryPolygon",
  8: "esriGeometryMultipoint",
  18: "esriGeometryMultipoint",
  28: "esriGeometryMultipoint",
};

const CODE_OF_TYPE: Readonly<Record<string, number>> = {
  esriGeometryPoint: 1,
  esriGeometryPolyline: 3,
  esriGeometryPolygon: 5,
  esriGeometryMultipoint: 8,
};

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** Reads the first shapefile of a zip archive into features in WGS 84. */
export function readShapefileZip(data: Buffer): FeatureSource {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipBounded(data);
  } catch (error) {
    if (error instanceof ArcGISRequestError) throw error;
    throw invalidParameter("itemId", "names a Shapefile item that is not a valid zip archive.");
  }
  const find = (extension: string, base?: string): Uint8Array | undefined => {
    const name = Object.keys(files).find(
      (path) =>
        path.toLowerCase().endsWith(extension) &&
        !path.startsWith("__MACOSX") &&
        (!base || path.slice(0, -extension.length).toLowerCase() === base),
    );
    return name ? files[name] : undefined;
  };
  const shpName = Object.keys(files).find(
    (path) => path.toLowerCase().endsWith(".shp") && !path.startsWith("__MACOSX"),
  );
  if (!shpName) throw invalidParameter("itemId", "names a zip archive without a .shp file.");
  const base = shpName.slice(0, -4).toLowerCase();
  const dbf = find(".dbf", base);
  if (!dbf) throw invalidParameter("itemId", "names a shapefile without its .dbf file.");
  const prj = find(".prj", base);
  const mercator = prj ? /mercator/i.test(Buffer.from(prj).toString("latin1")) : false;
  const { geometryType, geometries } = readShp(Buffer.from(files[shpName]));
  const { fields, records } = readDbf(Buffer.from(dbf));
  return {
    fields,
    geometryType,
    features: records.map((attributes, index) => {
      const geometry = geometries[index] ?? null;
      return {
        attributes,
        geometry: geometry && mercator ? projectGeometry(geometry, 3857, 4326) : geometry,
      };
    }),
  };
}

function readShp(data: Buffer): {
  geometryType: GeometryType | null;
  geometries: (EsriGeometry | null)[];
} {
  if (data.length < 100 || data.readInt32BE(0) !== 9994)
    throw invalidParameter("itemId", "has a .shp file with a bad header.");
  const geometryType = SHAPE_TYPES[data.readInt32LE(32)] ?? null;
  const geometries: (EsriGeometry | null)[] = [];
  let offset = 100;
  while (offset + 8 <= data.length) {
    const length = data.readInt32BE(offset + 4) * 2;
    const start = offset + 8;
    if (start + length > data.length) break;
    geometries.push(readShape(data, start));
    offset = start + length;
  }
  return { geometryType, geometries };
}

function readShape(data: Buffer, start: number): EsriGeometry | null {
  const type = data.readInt32LE(start);
  const kind = SHAPE_TYPES[type];
  if (!kind) return null;
  if (kind === "esriGeometryPoint")
    return { x: data.readDoubleLE(start + 4), y: data.readDoubleLE(start + 12) };
  if (kind === "esriGeometryMultipoint") {
    const count = data.readInt32LE(start + 36);
    return { points: readPoints(data, start + 40, count) };
  }
  const partCount = data.readInt32LE(start + 36);
  const pointCount = data.readInt32LE(start + 40);
  const parts = Array.from({ length: partCount }, (_, index) =>
    data.readInt32LE(start + 44 + index * 4),
  );
  const points = readPoints(data, start + 44 + partCount * 4, pointCount);
  const split = parts.map((first, index) => points.slice(first, parts[index + 1] ?? pointCount));
  return kind === "esriGeometryPolygon" ? { rings: split } : { paths: split };
}

function readPoints(data: Buffer, start: number, count: number): Position[] {
  return Array.from({ length: count }, (_, index) => [
    data.readDoubleLE(start + index * 16),
    data.readDoubleLE(start + index * 16 + 8),
  ]);
}

function readDbf(data: Buffer): {
  fields: FeatureSource["fields"];
  records: Record<string, unknown>[];
} {
  const count = data.readUInt32LE(4);
  const headerLength = data.readUInt16LE(8);
  const recordLength = data.readUInt16LE(10);
  const columns: {
    name: string;
    type: string;
    length: number;
    decimals: number;
    offset: number;
  }[] = [];
  let fieldOffset = 1;
  for (
    let position = 32;
    position + 32 <= headerLength && data[position] !== 0x0d;
    position += 32
  ) {
    const name = data
      .toString("latin1", position, position + 11)
      .replace(/\0.*$/s, "")
      .trim();
    const type = String.fromCharCode(data[position + 11]);
    const length = data[position + 16];
    columns.push({ name, type, length, decimals: data[position + 17], offset: fieldOffset });
    fieldOffset += length;
  }
  const names = uniqueNames(columns.map((column) => column.name));
  const fields = columns.map((column, index) => {
    const name = names[index];
    if (column.type === "N" || column.type === "F") {
      const integer = column.decimals === 0 && column.length <= 9;
      return {
        name,
        type: integer ? "esriFieldTypeInteger" : "esriFieldTypeDouble",
        alias: column.name,
      };
    }
    return {
      name,
      type: "esriFieldTypeString",
      alias: column.name,
      length: Math.max(column.length, 1),
    };
  });
  const records: Record<string, unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = headerLength + index * recordLength;
    if (start + recordLength > data.length) break;
    if (data[start] === 0x2a) continue;
    const attributes: Record<string, unknown> = {};
    columns.forEach((column, position) => {
      const text = data
        .toString("utf8", start + column.offset, start + column.offset + column.length)
        .trim();
      const field = fields[position];
      if (text === "" || /^\*+$/.test(text)) attributes[field.name] = null;
      else if (field.type === "esriFieldTypeString") attributes[field.name] = text;
      else attributes[field.name] = Number(text);
    });
    records.push(attributes);
  }
  return { fields, records };
}

/** Writes a layer (geometries in WGS 84) as a zipped shapefile; tables become a lone .dbf. */
export function writeShapefileZip(layer: ExportLayer): Buffer {
  const base = layer.name.replace(/[^A-Za-z0-9_-]+/g, "_") || "layer";
  const files: Record<string, Uint8Array> = {
    [`${base}.dbf`]: new Uint8Array(
      writeDbf(
        layer.fields,
        layer.features.map((feature) => feature.attributes),
      ),
    ),
    [`${base}.cpg`]: strToU8("UTF-8"),
  };
  const shapeType = layer.geometryType ? CODE_OF_TYPE[layer.geometryType] : undefined;
  if (shapeType !== undefined) {
    const { shp, shx } = writeShp(
      shapeType,
      layer.features.map((feature) => feature.geometry),
    );
    files[`${base}.shp`] = new Uint8Array(shp);
    files[`${base}.shx`] = new Uint8Array(shx);
    files[`${base}.prj`] = strToU8(WGS84_PRJ);
  }
  return Buffer.from(zipSync(files));
}

function shapeContent(shapeType: number, geometry: EsriGeometry | null): Buffer {
  if (!geometry) {
    const empty = Buffer.alloc(4);
    empty.writeInt32LE(0, 0);
    return empty;
  }
  if ("x" in geometry) {
    const content = Buffer.alloc(20);
    content.writeInt32LE(shapeType, 0);
    content.writeDoubleLE(geometry.x, 4);
    content.writeDoubleLE(geometry.y, 12);
    return content;
  }
  const box = boxOfPositions(
    "points" in geometry
      ? geometry.points
      : "paths" in geometry
        ? geometry.paths.flat()
        : "rings" in geometry
          ? geometry.rings.flat()
          : [],
  );
  if ("points" in geometry) {
    const content = Buffer.alloc(40 + geometry.points.length * 16);
    content.writeInt32LE(shapeType, 0);
    writeBox(content, 4, box);
    content.writeInt32LE(geometry.points.length, 36);
    geometry.points.forEach(([x, y], index) => {
      content.writeDoubleLE(x, 40 + index * 16);
      content.writeDoubleLE(y, 48 + index * 16);
    });
    return content;
  }
  const parts = "paths" in geometry ? geometry.paths : "rings" in geometry ? geometry.rings : [];
  const points = parts.flat();
  const content = Buffer.alloc(44 + parts.length * 4 + points.length * 16);
  content.writeInt32LE(shapeType, 0);
  writeBox(content, 4, box);
  content.writeInt32LE(parts.length, 36);
  content.writeInt32LE(points.length, 40);
  let first = 0;
  parts.forEach((part, index) => {
    content.writeInt32LE(first, 44 + index * 4);
    first += part.length;
  });
  const pointsStart = 44 + parts.length * 4;
  points.forEach(([x, y], index) => {
    content.writeDoubleLE(x, pointsStart + index * 16);
    content.writeDoubleLE(y, pointsStart + index * 16 + 8);
  });
  return content;
}

function writeShp(
  shapeType: number,
  geometries: (EsriGeometry | null)[],
): { shp: Buffer; shx: Buffer } {
  const contents = geometries.map((geometry) => shapeContent(shapeType, geometry));
  const all = geometries.flatMap((geometry) => {
    if (!geometry) return [];
    if ("x" in geometry) return [[geometry.x, geometry.y] as Position];
    if ("points" in geometry) return geometry.points;
    if ("paths" in geometry) return geometry.paths.flat();
    if ("rings" in geometry) return geometry.rings.flat();
    return [];
  });
  const box = boxOfPositions(all);
  const shpLength = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const shp = Buffer.alloc(shpLength);
  const shx = Buffer.alloc(100 + contents.length * 8);
  for (const [file, length] of [
    [shp, shpLength],
    [shx, shx.length],
  ] as const) {
    file.writeInt32BE(9994, 0);
    file.writeInt32BE(length / 2, 24);
    file.writeInt32LE(1000, 28);
    file.writeInt32LE(shapeType, 32);
    writeBox(file, 36, box);
  }
  let offset = 100;
  contents.forEach((content, index) => {
    shx.writeInt32BE(offset / 2, 100 + index * 8);
    shx.writeInt32BE(content.length / 2, 104 + index * 8);
    shp.writeInt32BE(index + 1, offset);
    shp.writeInt32BE(content.length / 2, offset + 4);
    content.copy(shp, offset + 8);
    offset += 8 + content.length;
  });
  return { shp, shx };
}

function boxOfPositions(positions: readonly Position[]): [number, number, number, number] {
  if (positions.length === 0) return [0, 0, 0, 0];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

function writeBox(buffer: Buffer, offset: number, box: [number, number, number, number]): void {
  box.forEach((value, index) => buffer.writeDoubleLE(value, offset + index * 8));
}

interface DbfColumn {
  field: FieldDefinition;
  name: string;
  type: "C" | "N";
  length: number;
  decimals: number;
}

/** dBase III attributes; names are cut to 10 characters and kept distinct. */
function writeDbf(
  fields: readonly FieldDefinition[],
  records: readonly Record<string, unknown>[],
): Buffer {
  const used = new Set<string>();
  const columns: DbfColumn[] = fields.map((field) => {
    let name = field.name.slice(0, 10);
    for (let suffix = 1; used.has(name.toUpperCase()); suffix += 1)
      name = `${field.name.slice(0, 10 - String(suffix).length)}${suffix}`;
    used.add(name.toUpperCase());
    if (
      field.type === "esriFieldTypeString" ||
      field.type === "esriFieldTypeGUID" ||
      field.type === "esriFieldTypeGlobalID"
    ) {
      const longest = records.reduce(
        (max, record) => Math.max(max, Buffer.byteLength(String(record[field.name] ?? ""), "utf8")),
        1,
      );
      return { field, name, type: "C", length: Math.min(254, longest), decimals: 0 };
    }
    const integer = [
      "esriFieldTypeOID",
      "esriFieldTypeInteger",
      "esriFieldTypeSmallInteger",
    ].includes(field.type);
    return integer
      ? { field, name, type: "N", length: 11, decimals: 0 }
      : {
          field,
          name,
          type: "N",
          length: 24,
          decimals:
            field.type === "esriFieldTypeDate" || field.type === "esriFieldTypeBigInteger" ? 0 : 11,
        };
  });
  const headerLength = 32 + columns.length * 32 + 1;
  const recordLength = 1 + columns.reduce((sum, column) => sum + column.length, 0);
  const buffer = Buffer.alloc(headerLength + records.length * recordLength + 1, 0x20);
  buffer.fill(0, 0, headerLength);
  const now = new Date();
  buffer[0] = 0x03;
  buffer[1] = now.getUTCFullYear() - 1900;
  buffer[2] = now.getUTCMonth() + 1;
  buffer[3] = now.getUTCDate();
  buffer.writeUInt32LE(records.length, 4);
  buffer.writeUInt16LE(headerLength, 8);
  buffer.writeUInt16LE(recordLength, 10);
  columns.forEach((column, index) => {
    const position = 32 + index * 32;
    buffer.write(column.name, position, 10, "latin1");
    buffer[position + 11] = column.type.charCodeAt(0);
    buffer[position + 16] = column.length;
    buffer[position + 17] = column.decimals;
  });
  buffer[headerLength - 1] = 0x0d;
  records.forEach((record, index) => {
    let position = headerLength + index * recordLength + 1;
    for (const column of columns) {
      const value = record[column.field.name];
      let text = "";
      if (value !== null && value !== undefined) {
        text = column.type === "N" ? Number(value).toFixed(column.decimals) : String(value);
      }
      const bytes = Buffer.from(text, "utf8").subarray(0, column.length);
      if (column.type === "N") bytes.copy(buffer, position + column.length - bytes.length);
      else bytes.copy(buffer, position);
      position += column.length;
    }
  });
  buffer[buffer.length - 1] = 0x1a;
  return buffer;
}
