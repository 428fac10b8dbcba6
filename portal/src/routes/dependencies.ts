import { Access } from "../security/access";
import type { FastifyInstance } from "fastify";
import { invalidParameter } from "../server/arcgis-error";
import { optionalChoice, optionalJsonValue, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { registerOwnerItemRoute } from "./owner-item-route";
import { paramsOf, pathParam, viewableItem } from "./content-support";

type DependencyType = "id" | "url" | "serverId";
const TYPES: readonly DependencyType[] = ["id", "url", "serverId"];

/** Item dependencies: what an item relies on (ids, URLs, servers) and who relies on it. */
export function registerDependencyRoutes(app: FastifyInstance, services: PortalServices): void {
  const db = services.db;
  const listOf = (itemId: string): Record<string, string>[] =>
    (
      db
        .prepare(
          "SELECT dependency_type AS type, value FROM item_dependencies WHERE item_id = ? ORDER BY rowid",
        )
        .all(itemId) as { type: DependencyType; value: string }[]
    ).map((row) => ({ dependencyType: row.type, [row.type]: row.value }));

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/dependencies",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const list = listOf(item.id);
      return { total: list.length, start: 1, num: list.length, nextStart: -1, list };
    },
  });

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/content/items/:itemId/dependencies/listDependentsTo",
    config: { access: Access.mayView("item") },
    handler: async (request) => {
      const item = viewableItem(services, request, pathParam(request, "itemId"));
      const values = [item.id, ...(item.url ? [item.url] : [])];
      const list = (
        db
          .prepare(
            `SELECT DISTINCT item_id AS id FROM item_dependencies WHERE value IN (${values.map(() => "?").join(",")})`,
          )
          .all(...values) as { id: string }[]
      ).map((row) => ({ dependencyType: "id", id: row.id }));
      return { total: list.length, start: 1, num: list.length, nextStart: -1, list };
    },
  });

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/addDependencies",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/addDependencies",
    ],
    async (request, _owner, item) => {
      const value = optionalJsonValue(paramsOf(request), "dependencies");
      if (!Array.isArray(value) || value.length === 0) {
        throw invalidParameter(
          "dependencies",
          "must be a list of { dependencyType, id | url | serverId }.",
        );
      }
      const rows = value.map((entry) => readDependency(entry as Record<string, unknown>));
      const insert = db.prepare(
        "INSERT OR IGNORE INTO item_dependencies (item_id, dependency_type, value) VALUES (?, ?, ?)",
      );
      db.transaction(() => rows.forEach((row) => insert.run(item.id, row.type, row.value)))();
      return { success: true };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/removeDependency",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/removeDependency",
    ],
    async (request, _owner, item) => {
      const row = readDependency(paramsOf(request));
      db.prepare(
        "DELETE FROM item_dependencies WHERE item_id = ? AND dependency_type = ? AND value = ?",
      ).run(item.id, row.type, row.value);
      return { success: true };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/removeAllDependencies",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/removeAllDependencies",
    ],
    async (_request, _owner, item) => {
      db.prepare("DELETE FROM item_dependencies WHERE item_id = ?").run(item.id);
      return { success: true };
    },
  );
}

function readDependency(entry: Record<string, unknown>): { type: DependencyType; value: string } {
  const params = Object.fromEntries(Object.entries(entry ?? {}).map(([k, v]) => [k, String(v)]));
  const type = optionalChoice(params, "dependencyType", TYPES);
  if (!type) throw invalidParameter("dependencyType", `must be one of: ${TYPES.join(", ")}.`);
  const value = optionalString(params, type);
  if (!value) throw invalidParameter(type, "must be given for this dependency type.");
  return { type, value };
}
