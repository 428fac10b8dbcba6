import { inspect } from "node:util";
import type { Item } from "../content/item";
import { env } from "../env";
import type { GIS } from "../gis";
import { addToDefinition, updateDefinition } from "../rest/feature-service-admin";
import { getFeatureServiceInfo } from "../rest/feature-service";
import { FeatureLayer } from "./feature-layer";
import type { FeatureServiceProperties } from "./service-json";

/**
 * Changes a hosted feature service's definition (owner or administrator).
 * Python: `arcgis.features.managers.FeatureLayerCollectionManager`.
 * @example
 * await collection.manager.addToDefinition({ layers: [layerDefinition] });
 */
export class FeatureLayerCollectionManager {
  /**
   * Made by the collection: use `collection.manager`.
   * Python: `FeatureLayerCollectionManager(url, gis)`.
   * @example
   * const manager = collection.manager;
   */
  constructor(private readonly collection: FeatureLayerCollection) {}

  /**
   * Adds layers and tables. Python: `FeatureLayerCollectionManager.add_to_definition(json_dict)`.
   * @example
   * await collection.manager.addToDefinition({ layers: [{ name: "Points", geometryType: "esriGeometryPoint", fields }] });
   */
  async addToDefinition(jsonDict: Record<string, unknown>): Promise<Record<string, unknown>> {
    requireObject(jsonDict, "jsonDict");
    return addToDefinition(this.collection.requireGis().session, this.collection.url, jsonDict);
  }

  /**
   * Changes service properties (capabilities, maxRecordCount ...).
   * Python: `FeatureLayerCollectionManager.update_definition(json_dict)`.
   * @example
   * await collection.manager.updateDefinition({ capabilities: "Query,Editing" });
   */
  async updateDefinition(jsonDict: Record<string, unknown>): Promise<Record<string, unknown>> {
    requireObject(jsonDict, "jsonDict");
    return updateDefinition(this.collection.requireGis().session, this.collection.url, jsonDict);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `FeatureLayerCollectionManager.__repr__()`.
   * @example
   * console.log(util.inspect(collection.manager));
   */
  [inspect.custom](): string {
    return `<FeatureLayerCollectionManager url:"${this.collection.url}">`;
  }
}

/**
 * A feature service: its layers and tables.
 *
 * Python: `arcgis.features.FeatureLayerCollection`.
 * @example
 * const collection = FeatureLayerCollection.fromItem(item);
 * const [layer] = await collection.getLayers();
 */
export class FeatureLayerCollection {
  /**
   * The FeatureServer's URL. Python: `FeatureLayerCollection.url`.
   * @example
   * console.log(collection.url);
   */
  readonly url: string;
  /**
   * The GIS that reaches the service.
   * Python keeps it private as `FeatureLayerCollection._gis`.
   * @example
   * console.log(collection.gis?.url);
   */
  readonly gis: GIS | null;
  /**
   * Python: `FeatureLayerCollection.manager`.
   * @example
   * await collection.manager.addToDefinition({ layers: [layerDefinition] });
   */
  readonly manager: FeatureLayerCollectionManager;

  /**
   * Python: `FeatureLayerCollection(url, gis=None)`.
   * @example
   * const collection = new FeatureLayerCollection(serviceUrl, gis);
   */
  constructor(url: string, gis?: GIS) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
      throw new TypeError(`url: expected an http(s) URL of a feature service, got ${String(url)}`);
    }
    this.url = url.replace(/\/+$/, "");
    this.gis = gis ?? env.activeGis;
    this.manager = new FeatureLayerCollectionManager(this);
  }

  /**
   * The collection behind a Feature Service item. Python: `FeatureLayerCollection.fromitem(item)`.
   * @example
   * const collection = FeatureLayerCollection.fromItem(item);
   */
  static fromItem(item: Item): FeatureLayerCollection {
    if (!item || typeof item.url !== "string" || !item.url) {
      throw new TypeError("item: expected a Feature Service item with a URL");
    }
    return new FeatureLayerCollection(item.url, item.gis);
  }

  /**
   * The service's JSON. Python: `FeatureLayerCollection.properties`.
   * @example
   * const { maxRecordCount } = await collection.getProperties();
   */
  async getProperties(): Promise<FeatureServiceProperties> {
    return getFeatureServiceInfo(this.requireGis().session, this.url);
  }

  /**
   * The service's feature layers. Python: `FeatureLayerCollection.layers`.
   * @example
   * const layers = await collection.getLayers();
   */
  async getLayers(): Promise<FeatureLayer[]> {
    const properties = await this.getProperties();
    return (properties.layers ?? []).map(
      (layer) => new FeatureLayer(`${this.url}/${layer.id}`, this.gis ?? undefined),
    );
  }

  /**
   * The service's tables. Python: `FeatureLayerCollection.tables`.
   * @example
   * const tables = await collection.getTables();
   */
  async getTables(): Promise<FeatureLayer[]> {
    const properties = await this.getProperties();
    return (properties.tables ?? []).map(
      (table) => new FeatureLayer(`${this.url}/${table.id}`, this.gis ?? undefined),
    );
  }

  /** @internal The GIS, or a clear error when there is none. */
  requireGis(): GIS {
    if (!this.gis)
      throw new TypeError("gis: a FeatureLayerCollection needs a GIS to reach its service");
    return this.gis;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `FeatureLayerCollection.__repr__()`.
   * @example
   * console.log(util.inspect(collection));
   */
  [inspect.custom](): string {
    return `<FeatureLayerCollection url:"${this.url}">`;
  }
}

function requireObject(value: unknown, name: string): void {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(`${name}: expected an object`);
}

/** The layers (or tables) of a service item, for `item.getLayers()` / `item.getTables()`. */
export async function itemServiceLayers(
  item: Item,
  kind: "layers" | "tables",
): Promise<FeatureLayer[]> {
  if (!item.url) await item.refresh();
  if (!item.url || !/\/FeatureServer\/?$/i.test(item.url)) return [];
  const collection = FeatureLayerCollection.fromItem(item);
  return kind === "layers" ? collection.getLayers() : collection.getTables();
}
