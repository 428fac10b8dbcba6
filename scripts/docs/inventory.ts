import fs from "node:fs";
import path from "node:path";

/** One row of scripts/docs/inventory.tsv: a Python member and its TypeScript form. */
export interface InventoryRow {
  /** 1-based position among the data rows, stable while the file does not change. */
  index: number;
  className: string;
  /** The Python member name, or "(class)" for the class itself. */
  member: string;
  kind: "class" | "property" | "method" | "classmethod" | "attribute";
  pythonParameters: string;
  typescriptForm: string;
}

const KINDS = new Set(["class", "property", "method", "classmethod", "attribute"]);
const COLUMNS = ["class", "member", "kind", "python parameters", "typescript form"];

/**
 * The contract's table of Python members, kept in the repository so that a clone on its own
 * generates and checks its docs. It is the project's API inventory (every class and member of
 * the `arcgis.gis` reference with its TypeScript form); update it when the contract changes.
 */
export function inventoryPath(root: string): string {
  return path.join(root, "scripts", "docs", "inventory.tsv");
}

export function readInventory(file: string): InventoryRow[] {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
  const [header, ...lines] = fs.readFileSync(file, "utf8").split(/\r?\n/);
  if (header.split("\t").join("|") !== COLUMNS.join("|")) {
    throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  }
  return lines
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const [className, member, kind, pythonParameters, typescriptForm] = line.split("\t");
      if (!KINDS.has(kind) || !typescriptForm) {
        throw new Error(`${file}: line ${i + 2} is not a valid row: ${JSON.stringify(line)}`);
      }
      return {
        index: i + 1,
        className,
        member,
        kind: kind as InventoryRow["kind"],
        pythonParameters: pythonParameters ?? "",
        typescriptForm,
      };
    });
}
