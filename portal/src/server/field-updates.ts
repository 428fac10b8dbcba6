import { invalidParameter } from "./arcgis-error";
import {
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalJsonObject,
  optionalJsonValue,
  optionalNumber,
  optionalString,
} from "./param-readers";

export type FieldKind =
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "integer"; min?: number; max?: number }
  | { kind: "number"; min?: number }
  | { kind: "object" }
  | { kind: "array" }
  | { kind: "choice"; choices: readonly string[] };

export type FieldSchema = Readonly<Record<string, FieldKind>>;

/**
 * Applies an ArcGIS update request to a stored document. Only fields of the schema count; a field
 * sent empty is ignored unless `clearEmptyFields=true`, in which case it is removed, matching the
 * real API's update semantics.
 */
export function applyFieldUpdates(
  current: Record<string, unknown>,
  params: Record<string, string>,
  schema: FieldSchema,
): Record<string, unknown> {
  const clearEmpty = optionalBoolean(params, "clearEmptyFields") ?? false;
  const next = { ...current };
  for (const [name, field] of Object.entries(schema)) {
    if (!(name in params)) continue;
    if (params[name].trim() === "") {
      if (clearEmpty) delete next[name];
      continue;
    }
    next[name] = readField(params, name, field);
  }
  return next;
}

function readField(params: Record<string, string>, name: string, field: FieldKind): unknown {
  switch (field.kind) {
    case "string":
      return optionalString(params, name);
    case "boolean":
      return optionalBoolean(params, name);
    case "integer":
      return optionalInteger(params, name, field);
    case "number":
      return optionalNumber(params, name, { min: field.min });
    case "object":
      return optionalJsonObject(params, name);
    case "array": {
      const value = optionalJsonValue(params, name);
      if (!Array.isArray(value)) throw invalidParameter(name, "must be a JSON array.");
      return value;
    }
    case "choice":
      return optionalChoice(params, name, field.choices);
  }
}
