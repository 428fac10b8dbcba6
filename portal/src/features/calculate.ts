import { invalidParameter } from "../server/arcgis-error";
import { optionalJsonValue, optionalString } from "../server/param-readers";
import type { EditPermissions } from "./apply-edits";
import { stampEdit } from "./editor-tracking";
import { boxOf } from "./esri-geometry";
import { fieldResolver } from "./feature-query";
import { attributeProblem, findField } from "./fields";
import type { LayerSource } from "./layer-source";
import type { FeatureServiceStore } from "./service-store";
import { parseWhere } from "./where-parser";
import { whereToSql } from "./where-sql";

/**
 * The layer's `calculate` operation: sets fields to values in every feature the `where` clause
 * selects, in one transaction, and stamps editor tracking as an update does. `calcExpression`
 * is `[{ "field": NAME, "value": V }, ...]`; SQL expressions are not supported.
 */
export function calculate(
  store: FeatureServiceStore,
  source: LayerSource,
  params: Record<string, string>,
  allowed: EditPermissions,
  editor: string | null,
): { success: true; updatedFeatureCount: number } {
  if (!allowed.update)
    throw invalidParameter("capabilities", "of this layer do not allow updating features.");
  const where = optionalString(params, "where");
  if (where === undefined || where.trim() === "") throw invalidParameter("where", "is required.");
  const assigned = readCalcExpression(source, params);

  const clauses = ["service_id = ?", "layer_id = ?"];
  const args: unknown[] = [source.storageServiceId, source.storageLayerId];
  for (const text of [where, source.definitionQuery]) {
    const tree = parseWhere(text);
    if (!tree) continue;
    const fragment = whereToSql(tree, fieldResolver(source));
    clauses.push(fragment.sql);
    args.push(...fragment.params);
  }
  const now = Date.now();
  return store.transaction(() => {
    const features = store.selectFeatures(
      `SELECT object_id, attributes_json, geometry_json FROM features WHERE ${clauses.join(" AND ")}`,
      args,
    );
    for (const feature of features) {
      store.replaceFeature(
        source.storageServiceId,
        source.storageLayerId,
        feature.objectId,
        stampEdit(source.layer, { ...feature.attributes, ...assigned }, editor, now, false),
        feature.geometry,
        feature.geometry ? boxOf(feature.geometry) : null,
      );
    }
    return { success: true as const, updatedFeatureCount: features.length };
  });
}

function readCalcExpression(
  source: LayerSource,
  params: Record<string, string>,
): Record<string, unknown> {
  const expression = optionalJsonValue(params, "calcExpression");
  if (!Array.isArray(expression) || expression.length === 0)
    throw invalidParameter("calcExpression", "must be a non-empty array of {field, value}.");
  const assigned: Record<string, unknown> = {};
  for (const entry of expression as Record<string, unknown>[]) {
    const name = entry?.field;
    const field = typeof name === "string" ? findField(source.fields, name) : undefined;
    if (!field)
      throw invalidParameter("calcExpression", `names an unknown field '${String(name)}'.`);
    if (field.name === source.objectIdField || !field.editable)
      throw invalidParameter("calcExpression", `field '${field.name}' is not editable.`);
    if (entry.sqlExpression !== undefined)
      throw invalidParameter("calcExpression", "sqlExpression is not supported; give a value.");
    if (!("value" in entry))
      throw invalidParameter("calcExpression", `gives no value for field '${field.name}'.`);
    const problem = attributeProblem(field, entry.value);
    if (problem) throw invalidParameter("calcExpression", problem);
    assigned[field.name] = entry.value ?? null;
  }
  return assigned;
}
