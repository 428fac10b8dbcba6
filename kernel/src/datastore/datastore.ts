import { inspect } from "node:util";
import type { DatastoreManager } from "./datastore-manager";
import { plainObject, requireString } from "../arguments";
import * as rest from "../rest/datastores";
import { exposeJsonFields } from "../json-fields";

/** A registered data item as the server's data store describes it. */
export interface DataItemJSON {
  path: string;
  type: string;
  id?: string;
  info?: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * A data item registered with the hosting server's data store: a folder, a database, a big
 * data file share or a cloud store.
 *
 * Python: `arcgis.gis.Datastore`.
 * @example
 * const share = await gis.datastore.get("/bigDataFileShares/trips");
 * await share?.regenerate();
 */
export class Datastore {
  /**
   * The item's path, such as `/fileShares/projects`.
   * Python: `Datastore.path`.
   * @example
   * console.log(datastore.path);
   */
  readonly path: string;
  /** The item's type (`folder`, `egdb`, `bigDataFileShare`, …). Python: `Datastore.type` (the JSON key). @example datastore.type */
  declare readonly type: string;
  /** The item's id as the server sent it. Python: `Datastore.id` (the JSON key). @example datastore.id */
  declare readonly id: string | undefined;
  /** The item's connection information. Python: `Datastore.info` (the JSON key). @example datastore.info */
  declare readonly info: Record<string, unknown> | undefined;
  private json: DataItemJSON;

  /**
   * Python: `Datastore(datastore, path)`.
   * @example
   * const item = new Datastore(gis.datastore, "/fileShares/projects");
   */
  constructor(
    /**
     * The manager of the data store the item belongs to. Python: `Datastore._datastore`.
     * @example
     * const config = await datastore.datastore.getConfig();
     */
    readonly datastore: DatastoreManager,
    path: string,
    properties?: DataItemJSON,
  ) {
    this.path = requireString(path, "path");
    this.json = { ...(properties ?? { path, type: "" }), path };
    exposeJsonFields(this, this.json);
  }

  /**
   * The item's JSON (type, id, info) as last read.
   * Python: `Datastore.properties`.
   * @example
   * console.log(datastore.properties.type);
   */
  get properties(): DataItemJSON {
    return { ...this.json };
  }

  /**
   * Edits the item's connection information. Python: `Datastore.update(item)`.
   * @example
   * await item.update({ info: { path: "/data/new", dataStoreConnectionType: "shared" } });
   */
  async update(item: Record<string, unknown>): Promise<boolean> {
    plainObject(item, "item");
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.editDataItem(session, adminUrl, this.path, {
      ...this.json,
      ...item,
      path: this.path,
    });
    if (result.success === true) {
      this.json = { ...this.json, ...item, path: this.path } as DataItemJSON;
      exposeJsonFields(this, this.json);
    }
    return result.success === true;
  }

  /**
   * Checks the item's folder or connection string is reachable. Python: `Datastore.validate()`.
   * @example
   * if (!(await item.validate())) console.log("not reachable");
   */
  async validate(): Promise<boolean> {
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.validateDataItem(session, adminUrl, this.json);
    return result.status === "success";
  }

  /**
   * Unregisters the item. Python: `Datastore.delete()`.
   * @example
   * await item.delete();
   */
  async delete(): Promise<boolean> {
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.unregisterDataItem(session, adminUrl, this.path);
    return result.success === true;
  }

  /**
   * How many services reference the item. Python: `Datastore.ref_count`.
   * @example
   * if ((await item.getRefCount()) === 0) await item.delete();
   */
  async getRefCount(): Promise<number> {
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.computeTotalRefCount(session, adminUrl, this.path);
    return result.totalRefCount ?? 0;
  }

  /**
   * The datasets of a big data file share. Python: `Datastore.datasets`.
   * @example
   * const { datasets } = await share.getDatasets();
   */
  async getDatasets(): Promise<{ datasets: Record<string, unknown>[] }> {
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.getDataItemDatasets(session, adminUrl, this.path);
    return { datasets: result.datasets ?? [] };
  }

  /**
   * The manifest of a big data file share. Python: `Datastore.manifest` (getter).
   * @example
   * const manifest = await share.getManifest();
   */
  async getManifest(): Promise<Record<string, unknown>> {
    const { session, adminUrl } = await this.datastore.connection();
    return rest.getDataItemManifest(session, adminUrl, this.path);
  }

  /**
   * Replaces the manifest of a big data file share. Python: `Datastore.manifest` (setter).
   * @example
   * await share.setManifest({ datasets: [{ name: "trips", format: { type: "csv" } }] });
   */
  async setManifest(manifest: Record<string, unknown>): Promise<boolean> {
    plainObject(manifest, "manifest");
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.updateDataItemManifest(session, adminUrl, this.path, manifest);
    return result.success === true;
  }

  /**
   * Rebuilds a big data file share's manifest from its folder. Python: `Datastore.regenerate()`.
   * @example
   * await share.regenerate();
   */
  async regenerate(): Promise<boolean> {
    const { session, adminUrl } = await this.datastore.connection();
    const result = await rest.regenerateDataItemManifest(session, adminUrl, this.path);
    return result.success === true;
  }

  /**
   * The data item's JSON. Python: `dict(datastore.properties)`.
   * @example
   * JSON.stringify(datastore);
   */
  toJSON(): DataItemJSON {
    return this.properties;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Datastore.__repr__()`.
   * @example
   * console.log(util.inspect(datastore));
   */
  [inspect.custom](): string {
    return `<Datastore path:"${this.path}" type:${this.json.type ?? ""}>`;
  }
}
