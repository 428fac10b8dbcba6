import { invalidParameter } from "../server/arcgis-error";

export type FieldType =
  | "esriFieldTypeOID"
  | "esriFieldTypeString"
  | "esriFieldTypeInteger"
  | "esriFieldTypeSmallInteger"
  | "esriFieldTypeBigInteger"
  | "esriFieldTypeDouble"
  | "esriFieldTypeSingle"
  | "esriFieldTypeDate"
  | "esriFieldTypeGUID"
  | "esriFieldTypeGlobalID";

const FIELD_TYPES: readonly FieldType[] = [
  "esriFieldTypeOID",
  "esriFieldTypeString",
  "esriFieldTypeInteger",
  "esriFieldTypeSmallInteger",
  "esriFieldTypeBigInteger",
  "esriFieldTypeDouble",
  "esriFieldTypeSingle",
  "esriFieldTypeDate",
  "esriFieldTypeGUID",
  "esriFieldTypeGlobalID",
];

/** A field as the REST API describes it; `visible` is how a view hides a source field. */
export interface FieldDefinition {
  name: string;
  type: FieldType;
  alias: string;
  sqlType: string;
  length?: number;
  nullable: boolean;
  editable: boolean;
  domain: unknown;
  defaultValue: unknown;
  visible?: boolean;
}

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const INTEGER_TYPES = new Set<FieldType>([
  "esriFieldTypeInteger",
  "esriFieldTypeSmallInteger",
  "esriFieldTypeBigInteger",
  "esriFieldTypeOID",
]);
const NUMBER_TYPES = new Set<FieldType>([
  ...INTEGER_TYPES,
  "esriFieldTypeDouble",
  "esriFieldTypeSingle",
  "esriFieldTypeDate",
]);

/** Reads a layer's `fields`, adding an object id field when none is given. */
export function readFields(
  value: unknown,
  where: string,
): { fields: FieldDefinition[]; objectIdField: string } {
  const list = value === undefined ? [] : value;
  if (!Array.isArray(list)) throw invalidParameter(where, "fields must be an array.");
  const seen = new Set<string>();
  const fields = list.map((entry: unknown, index) => {
    const source = (entry ?? {}) as Record<string, unknown>;
    const name = source.name;
    if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
      throw invalidParameter(where, `field ${index} has an invalid name (letters, digits, _).`);
    }
    if (seen.has(name.toLowerCase()))
      throw invalidParameter(where, `field '${name}' is defined twice.`);
    seen.add(name.toLowerCase());
    const type = source.type as FieldType;
    if (!FIELD_TYPES.includes(type)) {
      throw invalidParameter(
        where,
        `field '${name}' has an unsupported type '${String(source.type)}'.`,
      );
    }
    return {
      name,
      type,
      alias: typeof source.alias === "string" ? source.alias : name,
      sqlType: sqlTypeOf(type),
      ...(type === "esriFieldTypeString"
        ? { length: typeof source.length === "number" ? source.length : 256 }
        : {}),
      nullable: type === "esriFieldTypeOID" ? false : source.nullable !== false,
      editable: type === "esriFieldTypeOID" ? false : source.editable !== false,
      domain: source.domain ?? null,
      defaultValue: source.defaultValue ?? null,
    } satisfies FieldDefinition;
  });
  let objectId = fields.find((field) => field.type === "esriFieldTypeOID");
  if (!objectId) {
    objectId = {
      name: seen.has("objectid") ? "OBJECTID_1" : "OBJECTID",
      type: "esriFieldTypeOID",
      alias: "OBJECTID",
      sqlType: "sqlTypeOther",
      nullable: false,
      editable: false,
      domain: null,
      defaultValue: null,
    };
    fields.unshift(objectId);
  }
  return { fields, objectIdField: objectId.name };
}

function sqlTypeOf(type: FieldType): string {
  if (type === "esriFieldTypeString") return "sqlTypeNVarchar";
  if (type === "esriFieldTypeInteger" || type === "esriFieldTypeSmallInteger")
    return "sqlTypeInteger";
  if (type === "esriFieldTypeDouble" || type === "esriFieldTypeSingle") return "sqlTypeFloat";
  if (type === "esriFieldTypeDate") return "sqlTypeTimestamp2";
  return "sqlTypeOther";
}

/** Checks one attribute value against its field; returns an error message or null. */
export function attributeProblem(field: FieldDefinition, value: unknown): string | null {
  if (value === null || value === undefined) {
    return field.nullable ? null : `Field '${field.name}' cannot be null.`;
  }
  if (NUMBER_TYPES.has(field.type)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return `Field '${field.name}' expects a number, got ${JSON.stringify(value)}.`;
    }
    if (INTEGER_TYPES.has(field.type) && !Number.isInteger(value)) {
      return `Field '${field.name}' expects an integer, got ${value}.`;
    }
    return null;
  }
  if (typeof value !== "string") {
    return `Field '${field.name}' expects a string, got ${JSON.stringify(value)}.`;
  }
  if (field.length !== undefined && value.length > field.length) {
    return `Field '${field.name}' is longer than ${field.length} characters.`;
  }
  return null;
}

/** A field name looked up without regard to case, as the REST API does. */
export function findField(
  fields: readonly FieldDefinition[],
  name: string,
): FieldDefinition | undefined {
  const lower = name.toLowerCase();
  return fields.find((field) => field.name.toLowerCase() === lower);
}
