import { Layer } from "../content/layer";
import type { Item } from "../content/item";
import type { GIS } from "../gis";
import * as rest from "../rest/feature-service";
import { type Feature, FeatureSet, type FeatureSetJSON } from "./feature-set";
import type { GeometryFilter } from "./filters";
import type { GeoJsonFeature, GeoJsonFeatureCollection } from "./geojson-conversion";
import type { FeatureLayerProperties } from "./service-json";
import type { FeatureTable } from "./feature-table";
import { type PageShape, pagedQuery } from "./paged-query";

/** Options of `FeatureLayer.query`, Python's keyword arguments in camelCase. */
export interface QueryOptions {
  where?: string;
  outFields?: string | string[];
  /**
   * Features whose time falls in `[start, end]` (Dates or epoch ms; null leaves an end open) or
   * at one instant, on a time-aware layer: the REST `time` parameter.
   */
  timeFilter?: Date | number | [Date | number | null, Date | number | null];
  geometryFilter?: GeometryFilter;
  returnGeometry?: boolean;
  returnCountOnly?: boolean;
  returnIdsOnly?: boolean;
  returnDistinctValues?: boolean;
  returnExtentOnly?: boolean;
  groupByFieldsForStatistics?: string;
  statisticFilter?: unknown;
  resultOffset?: number;
  resultRecordCount?: number;
  objectIds?: number[] | string;
  distance?: number;
  units?: string;
  maxAllowableOffset?: number;
  outSr?: number | { wkid: number };
  geometryPrecision?: number;
  gdbVersion?: string;
  orderByFields?: string;
  outStatistics?: unknown[];
  returnZ?: boolean;
  returnM?: boolean;
  returnCentroid?: boolean;
  /** Page through every matching feature (true unless a resultRecordCount is given). */
  returnAllRecords?: boolean;
  resultType?: string;
  sqlFormat?: string;
  /** Rows of attributes (plus SHAPE) instead of a FeatureSet: the DataFrame stand-in. */
  asDf?: boolean;
  /** A GeoJSON FeatureCollection (the server's `f=geojson`) instead of a FeatureSet. */
  asGeoJSON?: boolean;
  [extra: string]: unknown;
}

/**
 * The outcome of one add, update or delete: Python's entries of `edit_features()`'s result lists.
 */
export interface EditResult {
  objectId?: number;
  uniqueId?: number;
  globalId?: string | null;
  success: boolean;
  error?: { code: number; description: string };
}

/** What `layer.editFeatures()` resolves to: Python's `edit_features()` dictionary. */
export interface EditFeaturesResult {
  addResults: EditResult[];
  updateResults: EditResult[];
  deleteResults: EditResult[];
}

/**
 * The edits and options of `layer.editFeatures()`: Python's `edit_features()` keywords in camelCase.
 */
export interface EditFeaturesOptions {
  adds?: Feature[] | FeatureSet;
  updates?: Feature[] | FeatureSet;
  deletes?: number[] | string;
  gdbVersion?: string;
  useGlobalIds?: boolean;
  rollbackOnFailure?: boolean;
  returnEditMoment?: boolean;
}

const JSON_PAGES: PageShape<FeatureSetJSON, Feature> = {
  format: "json",
  features: (page) => page.features,
  exceeded: (page) => page.exceededTransferLimit === true,
};

const GEOJSON_PAGES: PageShape<GeoJsonFeatureCollection, GeoJsonFeature> = {
  features: (page) => page.features,
  exceeded: (page) =>
    (page.properties as { exceededTransferLimit?: boolean } | undefined)?.exceededTransferLimit ===
    true,
  format: "geojson",
};

const PASSED_THROUGH: readonly string[] = [
  "returnDistinctValues",
  "groupByFieldsForStatistics",
  "statisticFilter",
  "distance",
  "units",
  "maxAllowableOffset",
  "geometryPrecision",
  "gdbVersion",
  "outStatistics",
  "returnZ",
  "returnM",
  "returnCentroid",
  "resultType",
  "sqlFormat",
];

/**
 * A layer or table of a feature service: query its features and edit them.
 *
 * Python: `arcgis.features.FeatureLayer`.
 * @example
 * const layer = new FeatureLayer(`${serviceUrl}/0`, gis);
 * const paris = await layer.query({ where: "name = 'Paris'", outSr: 4326 });
 */
export class FeatureLayer extends Layer {
  /**
   * Python: `FeatureLayer(url, gis=None)`.
   * @example
   * const layer = new FeatureLayer(url, gis);
   */
  constructor(url: string, gis?: GIS) {
    super(url, gis);
  }

  /**
   * The layer at `index` of a feature service item. Python: `FeatureLayer.fromitem(item, layer_id=0)`.
   * @example
   * const layer = await FeatureLayer.fromItem(item);
   */
  static override async fromItem(
    item: Item,
    options: { index?: number } = {},
  ): Promise<FeatureLayer> {
    const layer = await Layer.fromItem(item, options);
    return new FeatureLayer(layer.url, item.gis);
  }

  /**
   * The layer's description from its service: fields, drawingInfo, extent, capabilities, ….
   * Python: `FeatureLayer.properties`.
   * @example
   * const props = await layer.getProperties();
   * console.log(props.drawingInfo?.renderer.type, props.fields?.map((field) => field.name));
   */
  override async getProperties(): Promise<FeatureLayerProperties> {
    return (await super.getProperties()) as FeatureLayerProperties;
  }

  /**
   * Queries the layer. By default every matching feature comes back (paged as the service
   * requires) as a FeatureSet; count, ids, extent, rows or GeoJSON on request.
   * Python: `FeatureLayer.query(where='1=1', out_fields='*', ...)`.
   * @example
   * const count = await layer.query({ where: "POP > 1000", returnCountOnly: true });
   * const set = await layer.query({ where: "POP > 1000", outFields: ["NAME"], orderByFields: "NAME" });
   * const geojson = await layer.query({ asGeoJSON: true });
   */
  async query(options: QueryOptions & { returnCountOnly: true }): Promise<number>;
  async query(
    options: QueryOptions & { returnIdsOnly: true },
  ): Promise<{ objectIdFieldName: string; objectIds: number[] }>;
  async query(
    options: QueryOptions & { returnExtentOnly: true },
  ): Promise<{ extent: Record<string, unknown>; count?: number }>;
  async query(options: QueryOptions & { asDf: true }): Promise<FeatureTable>;
  async query(options: QueryOptions & { asGeoJSON: true }): Promise<GeoJsonFeatureCollection>;
  async query(options?: QueryOptions): Promise<FeatureSet>;
  async query(options: QueryOptions = {}): Promise<unknown> {
    const params = queryParams(options);
    const session = this.requireGis().session;
    if (options.returnCountOnly && !options.returnExtentOnly) {
      return (await rest.queryFeatureCount(session, this.url, params)).count;
    }
    if (options.returnExtentOnly) return rest.queryFeatureExtent(session, this.url, params);
    if (options.returnIdsOnly) return rest.queryFeatureIds(session, this.url, params);
    const pageAll = options.returnAllRecords !== false && options.resultRecordCount === undefined;
    if (options.asGeoJSON) {
      if (!pageAll) return rest.queryFeaturesGeoJson(session, this.url, params);
      const { first, features } = await pagedQuery(
        session,
        this.url,
        params,
        GEOJSON_PAGES,
        this.maxRecordCount(),
      );
      const { properties: _properties, ...members } = first;
      return { ...members, features };
    }
    let set: FeatureSet;
    if (pageAll) {
      const { first, features, exceeded } = await pagedQuery(
        session,
        this.url,
        params,
        JSON_PAGES,
        this.maxRecordCount(),
      );
      set = new FeatureSet({ ...first, features, exceededTransferLimit: exceeded });
    } else {
      set = new FeatureSet(await rest.queryFeatures(session, this.url, params));
    }
    return options.asDf ? set.sdf : set;
  }

  /**
   * Adds, updates and deletes features; each edit gets its own result.
   * Python: `FeatureLayer.edit_features(adds=None, updates=None, deletes=None, ...)`.
   * @example
   * const { addResults } = await layer.editFeatures({ adds: [{ attributes: { name: "Rome" }, geometry: { x: 12.5, y: 41.9, spatialReference: { wkid: 4326 } } }] });
   */
  async editFeatures(options: EditFeaturesOptions = {}): Promise<EditFeaturesResult> {
    const adds = featureList(options.adds, "adds");
    const updates = featureList(options.updates, "updates");
    const deletes = options.deletes;
    if (
      deletes !== undefined &&
      typeof deletes !== "string" &&
      (!Array.isArray(deletes) || deletes.some((id) => !Number.isInteger(id)))
    ) {
      throw new TypeError("deletes: expected object ids (numbers) or a comma-separated string");
    }
    return rest.applyEdits(this.requireGis().session, this.url, {
      adds,
      updates,
      deletes: Array.isArray(deletes) ? deletes.join(",") : deletes,
      gdbVersion: options.gdbVersion,
      useGlobalIds: options.useGlobalIds,
      rollbackOnFailure: options.rollbackOnFailure ?? true,
      returnEditMoment: options.returnEditMoment,
    });
  }

  /**
   * Deletes the features a where clause or object ids select.
   * Python: `FeatureLayer.delete_features(deletes=None, where=None, ...)`.
   * @example
   * await layer.deleteFeatures({ where: "POP < 10" });
   */
  async deleteFeatures(
    options: { deletes?: number[] | string; where?: string } = {},
  ): Promise<EditFeaturesResult> {
    const ids =
      options.where !== undefined
        ? (await this.query({ where: options.where, returnIdsOnly: true })).objectIds
        : options.deletes;
    if (ids === undefined) throw new TypeError("deletes: give object ids or a where clause");
    return this.editFeatures({ deletes: ids });
  }

  /** The layer's `maxRecordCount`, which bounds every page of a paged query. */
  private async maxRecordCount(): Promise<number | undefined> {
    const value = (await this.getProperties()).maxRecordCount;
    return typeof value === "number" && value > 0 ? value : undefined;
  }

  protected requireGis(): GIS {
    if (!this.gis) throw new TypeError("gis: a FeatureLayer needs a GIS to reach its service");
    return this.gis;
  }
}

function featureList(
  value: Feature[] | FeatureSet | undefined,
  name: string,
): Feature[] | undefined {
  if (value === undefined) return undefined;
  const list = value instanceof FeatureSet ? value.features : value;
  if (
    !Array.isArray(list) ||
    list.some(
      (feature) =>
        !feature || typeof feature !== "object" || typeof feature.attributes !== "object",
    )
  ) {
    throw new TypeError(`${name}: expected features ({ attributes, geometry? }) or a FeatureSet`);
  }
  return list;
}

function queryParams(options: QueryOptions): rest.LayerQueryParams {
  if (typeof options !== "object" || options === null)
    throw new TypeError("options: expected an object");
  const { where, resultOffset, resultRecordCount } = options;
  if (where !== undefined && typeof where !== "string")
    throw new TypeError("where: expected a SQL where clause");
  for (const [name, value] of [
    ["resultOffset", resultOffset],
    ["resultRecordCount", resultRecordCount],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(`${name}: expected a whole number from 0`);
    }
  }
  const objectIds = options.objectIds;
  if (
    objectIds !== undefined &&
    typeof objectIds !== "string" &&
    (!Array.isArray(objectIds) || objectIds.some((id) => !Number.isInteger(id)))
  ) {
    throw new TypeError("objectIds: expected object ids (numbers) or a comma-separated string");
  }
  const filter = options.geometryFilter;
  const params: rest.LayerQueryParams = {
    where: where ?? "1=1",
    outFields: Array.isArray(options.outFields)
      ? options.outFields.join(",")
      : (options.outFields ?? "*"),
    returnGeometry: options.returnGeometry ?? true,
    returnCountOnly: options.returnCountOnly,
    returnIdsOnly: options.returnIdsOnly,
    returnExtentOnly: options.returnExtentOnly,
    resultOffset,
    resultRecordCount,
    objectIds: Array.isArray(objectIds) ? objectIds.join(",") : objectIds,
    outSR: options.outSr,
    orderByFields: options.orderByFields,
    time: timeParameter(options.timeFilter),
    ...(filter
      ? {
          geometry: filter.geometry,
          geometryType: filter.geometryType,
          spatialRel: filter.spatialRel,
          inSR: filter.inSR,
        }
      : {}),
  };
  for (const key of PASSED_THROUGH) {
    if (options[key] !== undefined) params[key] = options[key] as rest.LayerQueryParams[string];
  }
  return params;
}

/** Python's `time_filter`: `[start, end]` (None open) or an instant, as `t1,t2` in epoch ms. */
function timeParameter(value: QueryOptions["timeFilter"]): string | undefined {
  if (value === undefined) return undefined;
  const instant = (time: unknown, open: boolean): string => {
    if (time === null && open) return "null";
    const ms = time instanceof Date ? time.getTime() : time;
    if (typeof ms !== "number" || !Number.isFinite(ms))
      throw new TypeError("timeFilter: expected Dates or epoch milliseconds, or [start, end]");
    return String(ms);
  };
  if (Array.isArray(value)) {
    if (value.length !== 2)
      throw new TypeError("timeFilter: expected [start, end] (null for an open end)");
    return `${instant(value[0], true)},${instant(value[1], true)}`;
  }
  return instant(value, false);
}
