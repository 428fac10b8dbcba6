import { Access, requirePrivilege } from "../security/access";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { federatedServers } from "../answers/federated-servers";
import { invalidParameter } from "../server/arcgis-error";
import { optionalJsonObject } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { newId } from "../security/ids";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const ROOTS: Readonly<Record<string, string>> = {
  folder: "/fileShares/",
  egdb: "/enterpriseDatabases/",
  bigDataFileShare: "/bigDataFileShares/",
  cloudStore: "/cloudStores/",
  datadir: "/rasterStores/",
};

interface DataItemRow {
  path: string;
  id: string;
  type: string;
  item_json: string;
  manifest_json: string | null;
}

const MANAGE_SERVERS = "portal:admin:manageServers";
/** Publishers read the data store's registrations (to publish from them); only server managers change them. */
const READ_DATA_STORE = Access.anyPrivilege(MANAGE_SERVERS, "portal:publisher:publishFeatures");

function itemJson(row: DataItemRow): Record<string, unknown> {
  return {
    ...(JSON.parse(row.item_json) as Record<string, unknown>),
    path: row.path,
    id: row.id,
    type: row.type,
  };
}

/** The folder a file share or big data file share points at, when it is a local path. */
function localFolderOf(item: Record<string, unknown>): string | null {
  const info = (item.info ?? {}) as Record<string, unknown>;
  if (typeof info.path === "string") return info.path;
  if (typeof info.connectionString === "string") {
    try {
      const parsed = JSON.parse(info.connectionString) as { path?: unknown };
      if (typeof parsed.path === "string") return parsed.path;
    } catch {
      return null;
    }
  }
  return null;
}

/** Checks what can be checked here: local folders exist, connection strings are present. */
function validationOf(item: Record<string, unknown>): { ok: boolean; messages: string[] } {
  const info = (item.info ?? {}) as Record<string, unknown>;
  if (item.type === "folder" || item.type === "bigDataFileShare") {
    const folder = localFolderOf(item);
    if (!folder) return { ok: false, messages: ["The data item has no folder path."] };
    const exists = fs.existsSync(folder) && fs.statSync(folder).isDirectory();
    return exists
      ? { ok: true, messages: [] }
      : { ok: false, messages: [`The folder '${folder}' is not accessible.`] };
  }
  if (item.type === "egdb" || item.type === "cloudStore") {
    const connection = info.connectionString;
    const ok = typeof connection === "string" && connection.trim() !== "";
    return ok
      ? { ok, messages: [] }
      : { ok, messages: ["The data item has no connection string."] };
  }
  return { ok: true, messages: [] };
}

/** Scans a big data file share: every sub-folder holding files is a dataset. */
function scanManifest(folder: string): Record<string, unknown> {
  const datasets = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const files = fs
        .readdirSync(path.join(folder, entry.name))
        .filter((name) => !name.startsWith("."));
      const extension = path.extname(files[0] ?? "").replace(".", "") || "unknown";
      return { name: entry.name, format: { type: extension }, files: files.length };
    })
    .filter((dataset) => dataset.files > 0);
  return { datasets };
}

/**
 * The data store admin API of the portal's hosting server (`/admin/data/...`, as ArcGIS Server
 * has it): registered folders, databases, big data file shares and cloud context.
 */
export function registerHostingDatastoreRoutes(
  app: FastifyInstance,
  context: PortalServices,
): void {
  const documents = context.documents;
  const byPath = (itemPath: string): DataItemRow | null =>
    (context.db.prepare("SELECT * FROM datastore_items WHERE path = ?").get(itemPath) as
      DataItemRow | undefined) ?? null;
  const requireItem = (itemPath: string): DataItemRow => {
    const row = byPath(itemPath);
    if (!row) throw operationFailed(`Data item '${itemPath}' does not exist.`);
    return row;
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/servers",
    config: { access: Access.signedIn },
    handler: async () => ({ servers: federatedServers(context) }),
  });

  app.route({
    method: METHODS,
    url: "/rest/info",
    config: { access: Access.anyone },
    handler: async () => ({
      currentVersion: 11.3,
      owningSystemUrl: context.rootUrl,
      authInfo: {
        isTokenBasedSecurity: true,
        tokenServicesUrl: `${context.rootUrl}/sharing/rest/generateToken`,
      },
    }),
  });

  app.route({
    method: "POST",
    url: "/admin/data/registerItem",
    config: { access: Access.privilege(MANAGE_SERVERS) },
    handler: async (request) => {
      const item = optionalJsonObject(stateOf(request).params.values, "item");
      if (!item) throw missingParameter("item");
      const type = item.type;
      if (typeof type !== "string" || !(type in ROOTS)) {
        throw invalidParameter("item", `must have a type of ${Object.keys(ROOTS).join(", ")}.`);
      }
      const itemPath = item.path;
      if (
        typeof itemPath !== "string" ||
        !itemPath.startsWith(ROOTS[type]) ||
        itemPath.length <= ROOTS[type].length
      ) {
        throw invalidParameter("item", `must have a path starting with ${ROOTS[type]} and a name.`);
      }
      if (!item.info || typeof item.info !== "object")
        throw invalidParameter("item", "must have an info object.");
      if (byPath(itemPath))
        throw operationFailed(`A data item is already registered at '${itemPath}'.`);
      const now = Date.now();
      const manifest =
        type === "bigDataFileShare" &&
        localFolderOf(item) &&
        fs.existsSync(localFolderOf(item) as string)
          ? JSON.stringify(scanManifest(localFolderOf(item) as string))
          : null;
      context.db
        .prepare(
          `INSERT INTO datastore_items (path, id, type, item_json, manifest_json, created, modified)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(itemPath, newId(), type, JSON.stringify(item), manifest, now, now);
      return { success: true };
    },
  });

  app.route({
    method: METHODS,
    url: "/admin/data/findItems",
    config: { access: READ_DATA_STORE },
    handler: async (request) => {
      const values = stateOf(request).params.values;
      const types = values.types ? values.types.split(",").map((t) => t.trim()) : null;
      const rows = context.db
        .prepare("SELECT * FROM datastore_items ORDER BY path")
        .all() as DataItemRow[];
      const parentOf = (itemPath: string): string =>
        itemPath.slice(0, itemPath.lastIndexOf("/")) || "/";
      const items = rows
        .filter(
          (row) =>
            !values.parentPath || parentOf(row.path) === values.parentPath.replace(/\/$/, ""),
        )
        .filter((row) => !values.ancestorPath || row.path.startsWith(values.ancestorPath))
        .filter((row) => !types || types.includes(row.type))
        .filter((row) => !values.id || row.id === values.id)
        .map(itemJson);
      return { items };
    },
  });

  app.route({
    method: "POST",
    url: "/admin/data/unregisterItem",
    config: { access: Access.privilege(MANAGE_SERVERS) },
    handler: async (request) => {
      const itemPath = stateOf(request).params.values.itempath;
      if (!itemPath) throw missingParameter("itempath");
      const row = requireItem(itemPath);
      context.db.prepare("DELETE FROM datastore_items WHERE path = ?").run(row.path);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/admin/data/validateDataItem",
    config: { access: Access.privilege(MANAGE_SERVERS) },
    handler: async (request) => {
      const item = optionalJsonObject(stateOf(request).params.values, "item");
      if (!item) throw missingParameter("item");
      const result = validationOf(item);
      return { status: result.ok ? "success" : "error", messages: result.messages };
    },
  });

  app.route({
    method: "POST",
    url: "/admin/data/validateAllDataItems",
    config: { access: Access.privilege(MANAGE_SERVERS) },
    handler: async () => {
      const rows = context.db
        .prepare("SELECT * FROM datastore_items ORDER BY path")
        .all() as DataItemRow[];
      const failures = rows
        .map((row) => ({ path: row.path, result: validationOf(itemJson(row)) }))
        .filter((entry) => !entry.result.ok);
      return failures.length === 0
        ? { status: "success" }
        : {
            status: "error",
            detail: failures.map((f) => ({ path: f.path, messages: f.result.messages })),
          };
    },
  });

  app.route({
    method: METHODS,
    url: "/admin/data/computeTotalRefCount",
    config: { access: READ_DATA_STORE },
    handler: async (request) => {
      const itemPath = stateOf(request).params.values.itempath;
      if (!itemPath) throw missingParameter("itempath");
      requireItem(itemPath);
      // No service of this portal references registered data items yet.
      return { totalRefCount: 0 };
    },
  });

  app.route({
    method: METHODS,
    url: "/admin/data/config",
    config: { access: READ_DATA_STORE },
    handler: async () => {
      return { blockDataCopy: false, ...(documents.get("datastoreConfig") ?? {}) };
    },
  });

  app.route({
    method: "POST",
    url: "/admin/data/config/update",
    config: { access: Access.privilege(MANAGE_SERVERS) },
    handler: async (request) => {
      const config = optionalJsonObject(stateOf(request).params.values, "datastoreConfig");
      if (!config) throw missingParameter("datastoreConfig");
      if (config.blockDataCopy !== undefined && typeof config.blockDataCopy !== "boolean") {
        throw invalidParameter("datastoreConfig", "blockDataCopy must be true or false.");
      }
      documents.put("datastoreConfig", { ...(documents.get("datastoreConfig") ?? {}), ...config });
      return { success: true };
    },
  });

  app.route({
    method: METHODS,
    url: "/admin/data/items/*",
    config: { access: READ_DATA_STORE },
    handler: async (request) => {
      const rest = `/${(request.params as { "*": string })["*"]}`.replace(/\/+$/, "");
      const operation = /\/(edit|manifest\/update|manifest\/regenerate|manifest|datasets)$/.exec(
        rest,
      );
      const itemPath = operation ? rest.slice(0, operation.index) : rest;
      const values = stateOf(request).params.values;
      switch (operation?.[1]) {
        case undefined:
          return itemJson(requireItem(itemPath));
        case "edit": {
          requirePrivilege(request, MANAGE_SERVERS);
          const row = requireItem(itemPath);
          const item = optionalJsonObject(values, "item");
          if (!item) throw missingParameter("item");
          if (item.path !== undefined && item.path !== row.path)
            throw invalidParameter("item", "cannot change the path.");
          if (item.type !== undefined && item.type !== row.type)
            throw invalidParameter("item", "cannot change the type.");
          const merged = {
            ...(JSON.parse(row.item_json) as Record<string, unknown>),
            ...item,
            path: row.path,
            type: row.type,
          };
          context.db
            .prepare("UPDATE datastore_items SET item_json = ?, modified = ? WHERE path = ?")
            .run(JSON.stringify(merged), Date.now(), row.path);
          return { success: true };
        }
        case "manifest":
        case "datasets": {
          const row = bigDataShare(requireItem(itemPath));
          const manifest = row.manifest_json
            ? (JSON.parse(row.manifest_json) as Record<string, unknown>)
            : { datasets: [] };
          return operation?.[1] === "datasets" ? { datasets: manifest.datasets ?? [] } : manifest;
        }
        case "manifest/update": {
          requirePrivilege(request, MANAGE_SERVERS);
          const row = bigDataShare(requireItem(itemPath));
          const manifest = optionalJsonObject(values, "manifest");
          if (!manifest) throw missingParameter("manifest");
          if (!Array.isArray(manifest.datasets))
            throw invalidParameter("manifest", "must have a datasets array.");
          context.db
            .prepare("UPDATE datastore_items SET manifest_json = ? WHERE path = ?")
            .run(JSON.stringify(manifest), row.path);
          return { success: true };
        }
        case "manifest/regenerate": {
          requirePrivilege(request, MANAGE_SERVERS);
          const row = bigDataShare(requireItem(itemPath));
          const folder = localFolderOf(itemJson(row));
          if (!folder || !fs.existsSync(folder))
            throw operationFailed("The big data file share's folder is not accessible.");
          context.db
            .prepare("UPDATE datastore_items SET manifest_json = ? WHERE path = ?")
            .run(JSON.stringify(scanManifest(folder)), row.path);
          return { success: true };
        }
        default:
          throw operationFailed("Unknown data item operation.");
      }
    },
  });
}

function bigDataShare(row: DataItemRow): DataItemRow {
  if (row.type !== "bigDataFileShare")
    throw operationFailed("Only big data file shares have a manifest.");
  return row;
}
