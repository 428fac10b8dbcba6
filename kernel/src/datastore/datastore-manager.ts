import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";
import * as rest from "../rest/datastores";
import { getPortalServers } from "../rest/portals";
import { Datastore } from "./datastore";
import {
  optionalBoolean,
  optionalChoice,
  optionalString,
  plainObject,
  requireString,
} from "../arguments";

const CLOUD_PROVIDERS = ["azuredatalakestore", "amazon", "Alibaba", "azure"] as const;

/**
 * The data store of the portal's hosting server: registered folders, databases, big data file
 * shares and cloud stores. Python: `arcgis.gis.DatastoreManager` (reached through
 * `gis.datastore`).
 * @example
 * const folders = await gis.datastore.search({ types: "folder" });
 */
export class DatastoreManager {
  private adminUrl: Promise<string> | null = null;

  /**
   * Made by the GIS: use `gis.datastore` rather than calling this.
   * Python: `DatastoreManager(gis, admin_url, server)`.
   * @example
   * const manager = gis.datastore;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Sends a request to the hosting server's admin API (`…/admin/<operation>`).
   * Python has no public equivalent (its managers call `self._con` directly).
   * @example
   * const config = await gis.datastore.call("data/config");
   */
  async call<T>(
    operation: string,
    params: RequestParams = {},
    method: "GET" | "POST" = "POST",
  ): Promise<T> {
    const { session, adminUrl } = await this.connection();
    return rest.serverAdminRequest<T>(session, adminUrl, operation, params, method);
  }

  /** @internal The session and the hosting server's admin URL, for this manager's Datastores. */
  async connection(): Promise<{ session: Session; adminUrl: string }> {
    return { session: this.gis.session, adminUrl: await this.hostingAdminUrl() };
  }

  /** The admin URL of the hosting server, found once from `portals/self/servers`. */
  private hostingAdminUrl(): Promise<string> {
    this.adminUrl ??= getPortalServers(this.gis.session).then((answer) => {
      const servers = answer.servers ?? [];
      const hosting = servers.find((s) => s.serverRole === "HOSTING_SERVER") ?? servers[0];
      const base = hosting?.adminUrl ?? hosting?.url;
      if (!base) throw new Error("The portal has no hosting server, so it has no data store.");
      return `${base.replace(/\/+$/, "")}/admin`;
    });
    this.adminUrl.catch(() => (this.adminUrl = null));
    return this.adminUrl;
  }

  /**
   * Registers a data item; returns it, or null if the server refuses.
   * Python: `DatastoreManager.add(name, item)`.
   * @example
   * await gis.datastore.add("projects", { type: "folder", path: "/fileShares/projects", info: { path: "/data" } });
   */
  async add(name: string, item: Record<string, unknown>): Promise<Datastore | null> {
    requireString(name, "name");
    const body = plainObject(item, "item");
    requireString(body.path, "item.path");
    requireString(body.type, "item.type");
    const { session, adminUrl } = await this.connection();
    const result = await rest.registerDataItem(session, adminUrl, body);
    return result.success === true ? this.get(body.path as string) : null;
  }

  /**
   * Registers a folder. Python: `DatastoreManager.add_folder(name, server_path, client_path=None)`.
   * @example
   * const folder = await gis.datastore.addFolder("projects", "/data/projects");
   */
  async addFolder(
    name: string,
    serverPath: string,
    options: { clientPath?: string } = {},
  ): Promise<Datastore | null> {
    requireString(name, "name");
    requireString(serverPath, "serverPath");
    const clientPath = optionalString(options.clientPath, "clientPath");
    const info: Record<string, unknown> = clientPath
      ? { path: serverPath, dataStoreConnectionType: "replicated", clientPath }
      : { path: serverPath, dataStoreConnectionType: "shared" };
    return this.add(name, { type: "folder", path: `/fileShares/${name}`, info });
  }

  /**
   * Registers a database. Python: `DatastoreManager.add_database(name, conn_str,
   * client_conn_str=None, conn_type='shared')`.
   * @example
   * await gis.datastore.addDatabase("gisdb", "SERVER=db;DATABASE=gis;AUTHENTICATION_MODE=OSA");
   */
  async addDatabase(
    name: string,
    connStr: string,
    options: { clientConnStr?: string; connType?: "shared" | "replicated" | "serverOnly" } = {},
  ): Promise<Datastore | null> {
    requireString(name, "name");
    requireString(connStr, "connStr");
    const connType =
      optionalChoice(options.connType, "connType", [
        "shared",
        "replicated",
        "serverOnly",
      ] as const) ?? "shared";
    const clientConnStr = optionalString(options.clientConnStr, "clientConnStr");
    const info: Record<string, unknown> = {
      connectionString: connStr,
      dataStoreConnectionType: connType,
      isManaged: connType === "serverOnly",
    };
    if (clientConnStr) info.clientConnectionString = clientConnStr;
    return this.add(name, { type: "egdb", path: `/enterpriseDatabases/${name}`, info });
  }

  /**
   * Registers a big data file share. Python: `DatastoreManager.add_bigdata(name,
   * server_path=None, connection_type='fileShare')`.
   * @example
   * const share = await gis.datastore.addBigdata("trips", { serverPath: "/data/trips" });
   */
  async addBigdata(
    name: string,
    options: { serverPath?: string; connectionType?: "fileShare" | "dataStore" } = {},
  ): Promise<Datastore | null> {
    requireString(name, "name");
    const serverPath = optionalString(options.serverPath, "serverPath");
    const connectionType =
      optionalChoice(options.connectionType, "connectionType", [
        "fileShare",
        "dataStore",
      ] as const) ?? "fileShare";
    if (connectionType === "fileShare" && !serverPath)
      throw new TypeError("serverPath: required for a fileShare");
    return this.add(name, {
      type: "bigDataFileShare",
      path: `/bigDataFileShares/${name}`,
      info: { connectionString: JSON.stringify({ path: serverPath ?? "" }), connectionType },
    });
  }

  /**
   * Registers a cloud store (Amazon S3, Azure, Alibaba). Python: `DatastoreManager.add_cloudstore(
   * name, conn_str, object_store, provider, managed=False, folder=None)`.
   * @example
   * await gis.datastore.addCloudstore("bucket", '{"accessKeyId":"…"}', "s3://bucket", "amazon");
   */
  async addCloudstore(
    name: string,
    connStr: string,
    objectStore: string,
    provider: "azuredatalakestore" | "amazon" | "Alibaba" | "azure",
    options: { managed?: boolean; folder?: string } = {},
  ): Promise<Datastore | null> {
    requireString(name, "name");
    requireString(connStr, "connStr");
    requireString(objectStore, "objectStore");
    const cloud = optionalChoice(provider, "provider", CLOUD_PROVIDERS);
    if (!cloud) throw new TypeError("provider: required");
    const managed = optionalBoolean(options.managed, "managed") ?? false;
    const folder = optionalString(options.folder, "folder");
    return this.add(name, {
      type: "cloudStore",
      path: `/cloudStores/${name}`,
      provider: cloud,
      info: {
        isManaged: managed,
        connectionString: connStr,
        objectStore: folder ? `${objectStore}/${folder}` : objectStore,
      },
    });
  }

  /**
   * The data item at a path, or null when none is registered there.
   * Python: `DatastoreManager.get(path)`.
   * @example
   * const folder = await gis.datastore.get("/fileShares/projects");
   */
  async get(path: string): Promise<Datastore | null> {
    requireString(path, "path");
    try {
      const { session, adminUrl } = await this.connection();
      const json = await rest.getDataItem(
        session,
        adminUrl,
        path.startsWith("/") ? path : `/${path}`,
      );
      return new Datastore(this, json.path, json);
    } catch (error) {
      if (error instanceof ArcGISError && error.code === 400) return null;
      throw error;
    }
  }

  /**
   * Lists registered data items, filtered by parent or ancestor path, types or id.
   * Python: `DatastoreManager.search(parent_path=None, ancestor_path=None, types=None, id=None)`.
   * @example
   * const shares = await gis.datastore.search({ types: "bigDataFileShare" });
   */
  async search(
    options: {
      parentPath?: string;
      ancestorPath?: string;
      types?: string | string[];
      id?: string;
    } = {},
  ): Promise<Datastore[]> {
    const types = Array.isArray(options.types)
      ? options.types.join(",")
      : optionalString(options.types, "types");
    const params = {
      parentPath: optionalString(options.parentPath, "parentPath"),
      ancestorPath: optionalString(options.ancestorPath, "ancestorPath"),
      types,
      id: optionalString(options.id, "id"),
    };
    const { session, adminUrl } = await this.connection();
    const result = await rest.findDataItems(session, adminUrl, params);
    return (result.items ?? []).map((json) => new Datastore(this, json.path, json));
  }

  /**
   * Validates every registered item; true when all are reachable.
   * Python: `DatastoreManager.validate()`.
   * @example
   * if (!(await gis.datastore.validate())) console.log("some data items are unreachable");
   */
  async validate(): Promise<boolean> {
    const { session, adminUrl } = await this.connection();
    const result = await rest.validateAllDataItems(session, adminUrl);
    return result.status === "success";
  }

  /**
   * The data store settings, such as `blockDataCopy`. Python: `DatastoreManager.config` (getter).
   * @example
   * const { blockDataCopy } = await gis.datastore.getConfig();
   */
  async getConfig(): Promise<Record<string, unknown>> {
    const { session, adminUrl } = await this.connection();
    return rest.getDataStoreConfig(session, adminUrl);
  }

  /**
   * Changes the data store settings. Python: `DatastoreManager.config` (setter).
   * @example
   * await gis.datastore.setConfig({ blockDataCopy: true });
   */
  async setConfig(config: Record<string, unknown>): Promise<boolean> {
    plainObject(config, "config");
    const { session, adminUrl } = await this.connection();
    const result = await rest.updateDataStoreConfig(session, adminUrl, config);
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `DatastoreManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.datastore));
   */
  [inspect.custom](): string {
    return `<DatastoreManager url:"${this.gis.url}">`;
  }
}
