import { inspect } from "node:util";
import { env } from "../env";
import type { GIS } from "../gis";
import type { Item } from "./item";
import type { LayerProperties } from "../features/service-json";
import { getLayerInfo } from "../rest/services";

/**
 * A layer of a service (feature, map, image, …) by its URL.
 * Python: `arcgis.gis.Layer`.
 * @example
 * const layer = new Layer("https://services.example.com/arcgis/rest/services/Parks/FeatureServer/0", gis);
 * console.log(await layer.getProperties());
 */
export class Layer {
  /**
   * The layer's URL. Python: `Layer.url`.
   * @example
   * console.log(layer.url);
   */
  readonly url: string;
  /**
   * The GIS used to reach the layer (the active one when none is given).
   * Python keeps it private as `Layer._gis`.
   * @example
   * console.log(layer.gis?.url);
   */
  readonly gis: GIS | null;
  /**
   * An attribute query that selects features for analysis tools. Python: `Layer.filter`.
   * @example
   * layer.filter = "POP > 1000";
   */
  filter: string | null = null;

  /**
   * Python: `Layer(url, gis=None)`.
   * @example
   * const layer = new Layer(url);
   */
  constructor(url: string, gis?: GIS) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
      throw new TypeError(`url: expected an http(s) URL of a layer, got ${String(url)}`);
    }
    this.url = url.replace(/\/+$/, "");
    this.gis = gis ?? env.activeGis;
  }

  /**
   * The layer at `index` of a layer item (its URL plus `/index`).
   * Python: `Layer.fromitem(item, index=0)`.
   * @example
   * const first = await Layer.fromItem(serviceItem);
   */
  static async fromItem(item: Item, options: { index?: number } = {}): Promise<Layer> {
    const index = options.index ?? 0;
    if (!Number.isInteger(index) || index < 0)
      throw new RangeError(`index: expected a whole number from 0, got ${String(index)}`);
    if (!item || typeof item !== "object" || typeof item.id !== "string") {
      throw new TypeError("item: expected an Item");
    }
    if (!item.url) await item.refresh();
    if (!item.url)
      throw new TypeError(
        `item: "${item.title ?? item.id}" has no service URL, so it has no layers`,
      );
    const base = item.url.replace(/\/+$/, "");
    const url = /\/\d+$/.test(base) ? base : `${base}/${index}`;
    return new Layer(url, item.gis);
  }

  /**
   * The layer's JSON description from its service.
   * Python: `Layer.properties`.
   * @example
   * const { name, fields } = await layer.getProperties();
   */
  async getProperties(): Promise<LayerProperties> {
    if (!this.gis) throw new TypeError("gis: a Layer needs a GIS to reach its service");
    return getLayerInfo(this.gis.session, this.url);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Layer.__repr__()`.
   * @example
   * console.log(util.inspect(layer));
   */
  [inspect.custom](): string {
    return `<${this.constructor.name} url:"${this.url}">`;
  }
}
