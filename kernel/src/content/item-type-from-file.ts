import fs from "node:fs";
import path from "node:path";

/**
 * Item types by file extension, as Python's `ContentManager.add` infers them when
 * `item_properties` has no `type`, with the names of the REST API's "Items and item types".
 */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  ".csv": "CSV",
  ".geojson": "GeoJson",
  ".xlsx": "Microsoft Excel",
  ".xls": "Microsoft Excel",
  ".pdf": "PDF",
  ".png": "Image",
  ".jpg": "Image",
  ".jpeg": "Image",
  ".gif": "Image",
  ".bmp": "Image",
  ".tif": "Image",
  ".tiff": "Image",
  ".docx": "Microsoft Word",
  ".doc": "Microsoft Word",
  ".pptx": "Microsoft Powerpoint",
  ".ppt": "Microsoft Powerpoint",
  ".kml": "KML",
  ".kmz": "KML",
  ".gpkg": "GeoPackage",
  ".sd": "Service Definition",
  ".slpk": "Scene Package",
  ".spk": "Scene Package",
  ".lpk": "Layer Package",
  ".lpkx": "Layer Package",
  ".gpk": "Geoprocessing Package",
  ".gpkx": "Geoprocessing Package",
  ".gcpk": "Locator Package",
  ".tpk": "Tile Package",
  ".tpkx": "Compact Tile Package",
  ".mpk": "Map Package",
  ".mpkx": "Map Package",
  ".mmpk": "Mobile Map Package",
  ".aptx": "Project Template",
  ".vtpk": "Vector Tile Package",
  ".ppkx": "Project Package",
  ".rpk": "Rule Package",
  ".mapx": "Pro Map",
};

/**
 * The item type of a file, from its name and, for a zip, the names inside it (a shapefile's
 * `.shp` makes a "Shapefile", a `.gdb` folder a "File Geodatabase"); undefined when unknown.
 */
export function itemTypeFromFile(
  filename: string,
  contents: { path: string | null; buffer?: Buffer },
): string | undefined {
  const extension = path.extname(filename).toLowerCase();
  if (extension !== ".zip") return TYPE_BY_EXTENSION[extension];
  const bytes = contents.buffer ?? (contents.path ? fs.readFileSync(contents.path) : undefined);
  if (!bytes) return undefined;
  const names = zipEntryNames(bytes).map((name) => name.toLowerCase());
  if (names.some((name) => name.endsWith(".shp"))) return "Shapefile";
  if (names.some((name) => /\.gdb(\/|$)/.test(name))) return "File Geodatabase";
  return undefined;
}

const CENTRAL_DIRECTORY_END = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The entry names of a zip archive, read from its central directory; [] when it is not one. */
function zipEntryNames(bytes: Buffer): string[] {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === CENTRAL_DIRECTORY_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) break;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
