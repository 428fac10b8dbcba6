import { unzipBounded } from "../../security/archive-limits";
import { strFromU8, strToU8, zipSync } from "fflate";
import { ArcGISRequestError, invalidParameter } from "../../server/arcgis-error";
import { type Table, uniqueNames } from "./csv-table";
import { escapeXml, unescapeXml } from "./xml-text";

/**
 * Reads the first worksheet of an .xlsx workbook (Office Open XML: a zip of XML parts) as a
 * table whose first row names the columns. Shared, inline and formula strings, numbers and
 * booleans are read; formulas give their cached values.
 */
export function readXlsx(data: Buffer): Table {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipBounded(data);
  } catch (error) {
    if (error instanceof ArcGISRequestError) throw error;
    throw invalidParameter("itemId", "names an Excel file that is not a valid .xlsx workbook.");
  }
  const sheetPath = firstSheetPath(files);
  const sheet = files[sheetPath];
  if (!sheet) throw invalidParameter("itemId", "names an Excel workbook without worksheets.");
  const shared = files["xl/sharedStrings.xml"]
    ? sharedStrings(strFromU8(files["xl/sharedStrings.xml"]))
    : [];
  const grid: (string | number | null)[][] = [];
  for (const rowMatch of strFromU8(sheet).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: (string | number | null)[] = [];
    for (const cell of rowMatch[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1];
      const body = cell[2] ?? "";
      const reference = /\br="([A-Z]+)\d+"/.exec(attributes)?.[1];
      const column = reference ? columnIndex(reference) : row.length;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? "n";
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let content: string | number | null = null;
      if (type === "s" && value !== undefined) content = shared[Number(value)] ?? null;
      else if (type === "inlineStr") content = textOf(body);
      else if (type === "str" && value !== undefined) content = unescapeXml(value);
      else if (type === "b" && value !== undefined) content = value === "1" ? "true" : "false";
      else if (value !== undefined && value !== "") content = Number(value);
      row[column] = content;
    }
    grid.push(Array.from(row, (value) => (value === undefined ? null : value)));
  }
  const [header = [], ...body] = grid.filter((row) =>
    row.some((value) => value !== null && value !== ""),
  );
  const columns = uniqueNames(header.map((value) => (value === null ? "" : String(value))));
  return { columns, rows: body.map((row) => columns.map((_, index) => row[index] ?? null)) };
}

/** The first sheet listed in the workbook, through the workbook's relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files["xl/workbook.xml"] ? strFromU8(files["xl/workbook.xml"]) : "";
  const relations = files["xl/_rels/workbook.xml.rels"]
    ? strFromU8(files["xl/_rels/workbook.xml.rels"])
    : "";
  const relationId = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  for (const element of relations.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = /\bId="([^"]+)"/.exec(element)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(element)?.[1];
    if (id && target && id === relationId)
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return "xl/worksheets/sheet1.xml";
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((match) => textOf(match[1]));
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
    .map((match) => unescapeXml(match[1]))
    .join("");
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function columnLetters(index: number): string {
  let letters = "";
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) {
    letters = String.fromCharCode(65 + ((value - 1) % 26)) + letters;
  }
  return letters;
}

/** Writes one worksheet with a header row; strings inline, numbers as numbers. */
export function writeXlsx(
  sheetName: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Buffer {
  const cell = (value: unknown, column: number, row: number): string => {
    const reference = `${columnLetters(column)}${row}`;
    if (value === null || value === undefined) return "";
    if (typeof value === "number" && Number.isFinite(value))
      return `<c r="${reference}"><v>${value}</v></c>`;
    return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
  };
  const sheetRows = [columns, ...rows]
    .map(
      (values, index) =>
        `<row r="${index + 1}">${values.map((value, column) => cell(value, column, index + 1)).join("")}</row>`,
    )
    .join("");
  const name = escapeXml(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  const zipped = zipSync(
    Object.fromEntries(Object.entries(parts).map(([path, text]) => [path, strToU8(text)])),
  );
  return Buffer.from(zipped);
}
