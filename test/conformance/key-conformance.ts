import fs from "node:fs";
import path from "node:path";

/** A JSON type name, or several joined by "|". */
type TypeList = string;

/** What a key holds: its JSON type(s), and for objects and arrays optionally their own keys. */
export type KeyDescription = TypeList | { type: TypeList; keys: Record<string, KeyDescription> };

export interface ResourceDescription {
  readonly resource: string;
  readonly source: string[];
  readonly keys: Record<string, KeyDescription>;
}

export interface Conformance {
  /** Keys described, nested ones included. */
  readonly total: number;
  /** Keys present with one of the described types. */
  readonly matching: number;
  /** `path: problem` for each key that is absent or of another type. */
  readonly problems: string[];
  readonly ratio: number;
}

const DESCRIPTIONS = path.join(__dirname, "arcgis-online");

export function loadDescription(name: string): ResourceDescription {
  return JSON.parse(
    fs.readFileSync(path.join(DESCRIPTIONS, `${name}.json`), "utf8"),
  ) as ResourceDescription;
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Compares an answer with a description key by key: each described key counts once, nested
 * keys too (for an array, the keys of its first element). A key the answer adds is not counted.
 */
export function compareKeys(
  description: Record<string, KeyDescription>,
  answer: unknown,
): Conformance {
  const problems: string[] = [];
  let total = 0;
  let matching = 0;
  const walk = (keys: Record<string, KeyDescription>, value: unknown, prefix: string): void => {
    const object =
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
    for (const [key, described] of Object.entries(keys)) {
      total += 1;
      const where = `${prefix}${key}`;
      const types = (typeof described === "string" ? described : described.type).split("|");
      if (!(key in object) || object[key] === undefined) {
        problems.push(`${where}: missing`);
      } else if (!types.includes(jsonTypeOf(object[key]))) {
        problems.push(`${where}: ${jsonTypeOf(object[key])}, expected ${types.join(" or ")}`);
      } else {
        matching += 1;
      }
      if (typeof described !== "string") {
        const inner = Array.isArray(object[key])
          ? (object[key] as unknown[])[0]
          : (object[key] as unknown);
        walk(described.keys, inner, Array.isArray(object[key]) ? `${where}[0].` : `${where}.`);
      }
    }
  };
  walk(description, answer, "");
  return { total, matching, problems, ratio: total === 0 ? 1 : matching / total };
}
