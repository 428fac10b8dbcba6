import { invalidParameter } from "../server/arcgis-error";
import { findField, type FieldDefinition } from "./fields";
import type { LayerDefinition, ServiceDefinition } from "./service-store";

/** Which fields of a layer record who created and last edited a feature, and when. */
export interface EditFieldsInfo {
  creationDateField: string;
  creatorField: string;
  editDateField: string;
  editorField: string;
}

const DEFAULT_EDIT_FIELDS: EditFieldsInfo = {
  creationDateField: "CreationDate",
  creatorField: "Creator",
  editDateField: "EditDate",
  editorField: "Editor",
};

/** createParameters' `editorTrackingInfo`, kept only as the booleans the REST API defines. */
export function readEditorTrackingInfo(value: unknown): Record<string, boolean> | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalidParameter("createParameters", "editorTrackingInfo must be an object.");
  }
  const info: Record<string, boolean> = {};
  for (const [key, flag] of Object.entries(value as Record<string, unknown>)) {
    if (typeof flag !== "boolean")
      throw invalidParameter(
        "createParameters",
        `editorTrackingInfo.${key} must be true or false.`,
      );
    info[key] = flag;
  }
  return info;
}

function trackingEnabled(service: ServiceDefinition): boolean {
  const info = service.editorTrackingInfo as { enableEditorTracking?: unknown } | undefined;
  return info?.enableEditorTracking === true;
}

/**
 * A new layer of a service with editor tracking (or a layer that asks for it with its own
 * `editFieldsInfo`) gets the four edit fields, added when missing, and its `editFieldsInfo`.
 */
export function withEditFields(
  layer: LayerDefinition,
  service: ServiceDefinition,
): LayerDefinition {
  const asked = layer.editFieldsInfo;
  if (!trackingEnabled(service) && (asked === undefined || asked === null)) {
    const { editFieldsInfo: _none, ...rest } = layer;
    return rest as LayerDefinition;
  }
  const names: EditFieldsInfo = { ...DEFAULT_EDIT_FIELDS };
  if (asked && typeof asked === "object") {
    for (const key of Object.keys(DEFAULT_EDIT_FIELDS) as (keyof EditFieldsInfo)[]) {
      const name = (asked as Record<string, unknown>)[key];
      if (name !== undefined && typeof name !== "string")
        throw invalidParameter("addToDefinition", `editFieldsInfo.${key} must be a field name.`);
      if (name) names[key] = name;
    }
  }
  const fields = layer.fields.map((field) => ({ ...field }));
  const ensure = (name: string, type: "esriFieldTypeDate" | "esriFieldTypeString"): string => {
    const existing = findField(fields, name);
    if (existing) {
      if (existing.type !== type)
        throw invalidParameter("addToDefinition", `edit field '${name}' must be of type ${type}.`);
      existing.editable = false;
      return existing.name;
    }
    const field: FieldDefinition = {
      name,
      type,
      alias: name,
      sqlType: type === "esriFieldTypeDate" ? "sqlTypeTimestamp2" : "sqlTypeNVarchar",
      ...(type === "esriFieldTypeString" ? { length: 128 } : {}),
      nullable: true,
      editable: false,
      domain: null,
      defaultValue: null,
    };
    fields.push(field);
    return name;
  };
  const editFieldsInfo: EditFieldsInfo = {
    creationDateField: ensure(names.creationDateField, "esriFieldTypeDate"),
    creatorField: ensure(names.creatorField, "esriFieldTypeString"),
    editDateField: ensure(names.editDateField, "esriFieldTypeDate"),
    editorField: ensure(names.editorField, "esriFieldTypeString"),
  };
  return { ...layer, fields, editFieldsInfo };
}

/**
 * Stamps an edit into a feature's attributes: who and when, and for a new feature also who
 * created it and when. Layers without editor tracking are left as they are.
 */
export function stampEdit(
  layer: LayerDefinition,
  attributes: Record<string, unknown>,
  editor: string | null,
  now: number,
  isNew: boolean,
): Record<string, unknown> {
  const info = layer.editFieldsInfo as EditFieldsInfo | undefined | null;
  if (!info) return attributes;
  const stamped = { ...attributes, [info.editDateField]: now, [info.editorField]: editor };
  if (isNew) {
    stamped[info.creationDateField] = now;
    stamped[info.creatorField] = editor;
  }
  return stamped;
}
