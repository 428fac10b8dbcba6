// Query results as rows, the stand-in for Python's spatially enabled DataFrame. The rows are a
// plain array for code (index, map, filter, length); in a notebook they show as Python's
// DataFrame does: an HTML table of the first rows with column types and the row count.
import { inspect } from "node:util";
import { escapeHtml } from "../jupyter/escape-html";
import { displaySymbol } from "../jupyter/mime-bundle";
import type { MimeBundle } from "../jupyter/protocol";
import type { FieldInfo } from "./feature-set";

/** How many rows the notebook view shows, as pandas does by default at the head and tail. */
const SHOWN_ROWS = 10;

/** One row of a feature table: a feature's attributes, plus `SHAPE` holding its geometry. */
export type FeatureRow = Record<string, unknown>;

/**
 * The features of a query as rows (`featureSet.sdf`, `layer.query({ asDf: true })`), shown
 * as a table in a notebook. Python: the spatially enabled DataFrame `FeatureSet.sdf`.
 * @example
 * const rows = (await layer.query({ where: "1=1" })).sdf;
 * console.log(rows.length, rows.columns, rows[0]);
 */
export class FeatureTable extends Array<FeatureRow> {
  /**
   * Array methods (map, filter, slice) give plain arrays, not tables. Python: a DataFrame's
   * row selections stay DataFrames; here a selection is a plain array of rows.
   * @example
   * const big = rows.filter((row) => Number(row.POP2010) > 1000000); // FeatureRow[]
   */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /**
   * The column names and types: from the layer's fields where known, else from the values.
   * Python: `DataFrame.dtypes`.
   * @example
   * console.log(rows.dtypes);
   */
  get dtypes(): Record<string, string> {
    const types: Record<string, string> = {};
    for (const name of this.columns) {
      const field = (this.fields ?? []).find((candidate) => candidate.name === name);
      types[name] = field ? shortFieldType(field.type) : valueType(this, name);
    }
    return types;
  }

  /**
   * The column names, in the order of the layer's fields then of first appearance.
   * Python: `DataFrame.columns`.
   * @example
   * console.log(rows.columns);
   */
  get columns(): string[] {
    const names = new Set<string>((this.fields ?? []).map((field) => field.name));
    for (const row of this) for (const key of Object.keys(row)) names.add(key);
    return [...names].filter((name) => this.some((row) => name in row) || this.length === 0);
  }

  /** The layer's fields, kept out of the enumerable keys so the rows compare as a plain array. */
  declare private readonly fields: FieldInfo[];

  /**
   * A table of these rows, with the layer's fields describing the columns.
   * Python: `pandas.DataFrame(rows)`.
   * @example
   * const table = FeatureTable.fromRows(rows, fields);
   */
  static fromRows(rows: FeatureRow[], fields: FieldInfo[] = []): FeatureTable {
    const table = new FeatureTable();
    for (const row of rows) table.push(row);
    Object.defineProperty(table, "fields", { value: [...fields], enumerable: false });
    return table;
  }

  /**
   * The notebook view: an HTML table of the first and last rows, with column types and the row
   * count. Python: `DataFrame._repr_html_()`.
   * @example
   * display(rows);
   */
  [displaySymbol](): MimeBundle {
    return { "text/html": this.toHtml(), "text/plain": this.toText() };
  }

  /**
   * What `util.inspect` and `console.log` print: the row count and columns.
   * Python: `DataFrame.__repr__()`.
   * @example
   * console.log(util.inspect(rows));
   */
  [inspect.custom](): string {
    return this.toText();
  }

  private toText(): string {
    const columns = this.columns;
    return `<FeatureTable ${this.length} rows × ${columns.length} columns: ${columns.join(", ")}>`;
  }

  private toHtml(): string {
    const columns = this.columns;
    const types = this.dtypes;
    const head = this.length > 2 * SHOWN_ROWS ? this.slice(0, SHOWN_ROWS) : [...this];
    const tail = this.length > 2 * SHOWN_ROWS ? this.slice(this.length - SHOWN_ROWS) : [];
    const cells = (row: FeatureRow, index: number): string =>
      `<tr><th>${index}</th>${columns.map((name) => `<td>${escapeHtml(cellText(row[name]))}</td>`).join("")}</tr>`;
    const gap =
      tail.length > 0 ? `<tr><th>…</th>${columns.map(() => "<td>…</td>").join("")}</tr>` : "";
    return (
      `<div class="tsgis-table"><table border="1" class="dataframe">` +
      `<thead><tr><th></th>${columns.map((name) => `<th>${escapeHtml(name)}</th>`).join("")}</tr>` +
      `<tr><th></th>${columns.map((name) => `<td><i>${escapeHtml(types[name])}</i></td>`).join("")}</tr></thead>` +
      `<tbody>${head.map((row, index) => cells(row, index)).join("")}${gap}` +
      `${tail.map((row, index) => cells(row, this.length - tail.length + index)).join("")}</tbody></table>` +
      `<p>${this.length} rows × ${columns.length} columns</p></div>`
    );
  }
}

const FIELD_TYPES: Record<string, string> = {
  esriFieldTypeOID: "int64",
  esriFieldTypeInteger: "int32",
  esriFieldTypeSmallInteger: "int16",
  esriFieldTypeBigInteger: "int64",
  esriFieldTypeDouble: "float64",
  esriFieldTypeSingle: "float32",
  esriFieldTypeString: "string",
  esriFieldTypeDate: "datetime64[ms]",
  esriFieldTypeDateOnly: "date",
  esriFieldTypeTimeOnly: "time",
  esriFieldTypeGUID: "string",
  esriFieldTypeGlobalID: "string",
  esriFieldTypeGeometry: "geometry",
};

function shortFieldType(type: string): string {
  return FIELD_TYPES[type] ?? type;
}

function valueType(rows: FeatureRow[], name: string): string {
  if (name === "SHAPE") return "geometry";
  const value = rows.map((row) => row[name]).find((cell) => cell !== null && cell !== undefined);
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  return "object";
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "object") {
    const geometry = value as { x?: number; y?: number; rings?: unknown[]; paths?: unknown[] };
    if (typeof geometry.x === "number" && typeof geometry.y === "number") {
      return `{"x": ${geometry.x}, "y": ${geometry.y}}`;
    }
    if (Array.isArray(geometry.rings)) return `Polygon (${geometry.rings.length} rings)`;
    if (Array.isArray(geometry.paths)) return `Polyline (${geometry.paths.length} paths)`;
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  }
  return String(value);
}
