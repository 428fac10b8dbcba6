import { invalidParameter } from "../server/arcgis-error";
import { optionalBoolean, optionalString } from "../server/param-readers";
import {
  boxOf,
  type EsriGeometry,
  geometryTypeOf,
  projectGeometry,
  readGeometry,
} from "./esri-geometry";
import { stampEdit } from "./editor-tracking";
import { attributeProblem, findField } from "./fields";
import type { LayerSource } from "./layer-source";
import { fieldResolver } from "./feature-query";
import type { FeatureServiceStore } from "./service-store";
import { parseWhere } from "./where-parser";
import { whereToSql } from "./where-sql";

interface EditResult {
  objectId?: number;
  uniqueId?: number;
  globalId: null;
  success: boolean;
  error?: { code: number; description: string };
}

class EditFailure extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

/** Which edits a layer's capabilities allow ("Editing" allows all three). */
export interface EditPermissions {
  create: boolean;
  update: boolean;
  delete: boolean;
}

/**
 * Applies adds, updates and deletes to one layer and reports each edit's outcome. With
 * rollbackOnFailure (the default) one failure undoes them all and every result says so.
 */
export function applyEdits(
  store: FeatureServiceStore,
  source: LayerSource,
  params: Record<string, string>,
  allowed: EditPermissions,
  editor: string | null,
): { addResults: EditResult[]; updateResults: EditResult[]; deleteResults: EditResult[] } {
  const adds = readFeatureList(params, "adds");
  const updates = readFeatureList(params, "updates");
  const deletes = readDeletes(params);
  const rollback = optionalBoolean(params, "rollbackOnFailure") ?? true;
  if (adds.length > 0 && !allowed.create) throw notAllowed("adding features");
  if (updates.length > 0 && !allowed.update) throw notAllowed("updating features");
  if (deletes.length > 0 && !allowed.delete) throw notAllowed("deleting features");

  const now = Date.now();
  const run = (): ReturnType<typeof applyEdits> => {
    const addResults = adds.map((feature) =>
      attempt(undefined, () => {
        const checked = checkFeature(source, feature, false);
        const { geometry } = checked;
        const attributes = stampEdit(source.layer, checked.attributes, editor, now, true);
        const [objectId] = store.insertFeatures(source.storageServiceId, source.storageLayerId, [
          { attributes, geometry, box: geometry ? boxOf(geometry) : null },
        ]);
        return objectId;
      }),
    );
    const updateResults = updates.map((feature) => {
      const objectId = Number(
        (feature.attributes as Record<string, unknown> | undefined)?.[source.objectIdField] ??
          findObjectId(source, feature),
      );
      return attempt(Number.isInteger(objectId) ? objectId : undefined, () => {
        if (!Number.isInteger(objectId))
          throw new EditFailure(1000, `Update is missing ${source.objectIdField}.`);
        const existing = store.getFeature(source.storageServiceId, source.storageLayerId, objectId);
        if (!existing || !matchesView(store, source, objectId)) {
          throw new EditFailure(1019, "Object is missing.");
        }
        const { attributes, geometry } = checkFeature(source, feature, true);
        const mergedGeometry = feature.geometry === undefined ? existing.geometry : geometry;
        store.replaceFeature(
          source.storageServiceId,
          source.storageLayerId,
          objectId,
          stampEdit(source.layer, { ...existing.attributes, ...attributes }, editor, now, false),
          mergedGeometry,
          mergedGeometry ? boxOf(mergedGeometry) : null,
        );
        return objectId;
      });
    });
    const deleteResults = deletes.map((objectId) =>
      attempt(objectId, () => {
        if (
          !matchesView(store, source, objectId) ||
          !store.deleteFeature(source.storageServiceId, source.storageLayerId, objectId)
        ) {
          throw new EditFailure(1019, "Object is missing.");
        }
        return objectId;
      }),
    );
    const results = { addResults, updateResults, deleteResults };
    const failed = [...addResults, ...updateResults, ...deleteResults].some(
      (result) => !result.success,
    );
    if (rollback && failed) throw new RolledBack(results);
    return results;
  };

  try {
    return store.transaction(run);
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    const mark = (result: EditResult): EditResult =>
      result.success
        ? {
            ...result,
            success: false,
            error: { code: 1003, description: "Operation rolled back." },
          }
        : result;
    return {
      addResults: error.results.addResults.map((result) => ({
        ...mark(result),
        objectId: undefined,
        uniqueId: undefined,
      })),
      updateResults: error.results.updateResults.map(mark),
      deleteResults: error.results.deleteResults.map(mark),
    };
  }
}

class RolledBack extends Error {
  constructor(readonly results: ReturnType<typeof applyEdits>) {
    super("rolled back");
  }
}

function notAllowed(what: string): Error {
  return invalidParameter("capabilities", `of this layer do not allow ${what}.`);
}

function attempt(objectId: number | undefined, work: () => number): EditResult {
  try {
    const id = work();
    return { objectId: id, uniqueId: id, globalId: null, success: true };
  } catch (error) {
    if (!(error instanceof EditFailure)) throw error;
    return {
      ...(objectId !== undefined ? { objectId, uniqueId: objectId } : {}),
      globalId: null,
      success: false,
      error: { code: error.code, description: error.message },
    };
  }
}

function findObjectId(source: LayerSource, feature: Record<string, unknown>): unknown {
  const attributes = (feature.attributes ?? {}) as Record<string, unknown>;
  const key = Object.keys(attributes).find(
    (name) => name.toLowerCase() === source.objectIdField.toLowerCase(),
  );
  return key ? attributes[key] : undefined;
}

/** A view's definition query limits which features it may change. */
function matchesView(store: FeatureServiceStore, source: LayerSource, objectId: number): boolean {
  if (!source.definitionQuery) return true;
  const tree = parseWhere(source.definitionQuery);
  if (!tree) return true;
  const condition = whereToSql(tree, fieldResolver(source));
  const found = store.selectValue(
    `SELECT COUNT(*) FROM features WHERE service_id = ? AND layer_id = ? AND object_id = ? AND ${condition.sql}`,
    [source.storageServiceId, source.storageLayerId, objectId, ...condition.params],
  );
  return Number(found) > 0;
}

function checkFeature(
  source: LayerSource,
  feature: Record<string, unknown>,
  partial: boolean,
): { attributes: Record<string, unknown>; geometry: EsriGeometry | null } {
  const given = (feature.attributes ?? {}) as Record<string, unknown>;
  if (typeof given !== "object" || Array.isArray(given))
    throw new EditFailure(1000, "attributes must be an object.");
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const field = findField(source.fields, name);
    if (!field) throw new EditFailure(1000, `Field '${name}' does not exist.`);
    if (field.name === source.objectIdField) continue;
    if (!field.editable) throw new EditFailure(1000, `Field '${field.name}' is not editable.`);
    const problem = attributeProblem(field, value);
    if (problem) throw new EditFailure(1000, problem);
    attributes[field.name] = value ?? null;
  }
  if (!partial) {
    for (const field of source.layer.fields) {
      if (field.name === source.objectIdField || field.name in attributes) continue;
      if (!field.nullable && field.defaultValue === null) {
        throw new EditFailure(1000, `Field '${field.name}' cannot be null.`);
      }
      attributes[field.name] = field.defaultValue;
    }
  }
  if (feature.geometry === undefined || feature.geometry === null || !source.layer.geometryType) {
    return { attributes, geometry: null };
  }
  let read: ReturnType<typeof readGeometry>;
  try {
    read = readGeometry(feature.geometry, "geometry");
  } catch (error) {
    throw new EditFailure(
      1000,
      `Invalid geometry: ${(error as { details?: string[] }).details?.[0] ?? ""}`,
    );
  }
  if (geometryTypeOf(read.geometry) !== source.layer.geometryType) {
    throw new EditFailure(
      1000,
      `Geometry is not of the layer's type ${source.layer.geometryType}.`,
    );
  }
  return {
    attributes,
    geometry: projectGeometry(read.geometry, read.wkid ?? source.storageWkid, source.storageWkid),
  };
}

function readFeatureList(params: Record<string, string>, name: string): Record<string, unknown>[] {
  const text = optionalString(params, name);
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter(name, "is not valid JSON.");
  }
  if (!Array.isArray(parsed) || parsed.some((entry) => !entry || typeof entry !== "object")) {
    throw invalidParameter(name, "must be an array of features.");
  }
  return parsed as Record<string, unknown>[];
}

function readDeletes(params: Record<string, string>): number[] {
  const text = optionalString(params, "deletes");
  if (text === undefined) return [];
  const parts = text.trim().startsWith("[") ? (JSON.parse(text) as unknown[]) : text.split(",");
  return parts.map((part) => {
    const value = Number(typeof part === "string" ? part.trim() : part);
    if (!Number.isInteger(value))
      throw invalidParameter("deletes", `has a non-integer id '${String(part)}'.`);
    return value;
  });
}
