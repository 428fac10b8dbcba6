import { inspect } from "node:util";
import { displaySymbol } from "../jupyter/mime-bundle";
import type { MimeBundle } from "../jupyter/protocol";
import { FeatureTable } from "./feature-table";
import { esriToGeoJsonGeometry, type GeoJsonFeatureCollection } from "./geojson-conversion";

/** A geometry in ArcGIS JSON (point, multipoint, polyline, polygon or envelope). */
export type Geometry = Record<string, unknown> & {
  spatialReference?: { wkid?: number; latestWkid?: number };
};

/** One feature: its attributes and, for spatial layers, its geometry. */
export interface Feature {
  attributes: Record<string, unknown>;
  geometry?: Geometry;
}

/** A field as the REST API describes it. */
export interface FieldInfo {
  name: string;
  /** `esriFieldTypeOID`, `esriFieldTypeString`, `esriFieldTypeDouble`, `esriFieldTypeDate`, … */
  type: string;
  alias?: string;
  sqlType?: string;
  length?: number;
  nullable?: boolean;
  editable?: boolean;
  domain?: {
    type: "codedValue" | "range" | string;
    name?: string;
    codedValues?: { name: string; code: string | number }[];
    range?: [number, number];
  } | null;
  defaultValue?: unknown;
  modelName?: string;
  precision?: number;
  scale?: number;
  [key: string]: unknown;
}

/** The JSON a layer query answers with. */
export interface FeatureSetJSON {
  objectIdFieldName?: string;
  geometryType?: string;
  spatialReference?: { wkid?: number; latestWkid?: number };
  fields?: FieldInfo[];
  features: Feature[];
  exceededTransferLimit?: boolean;
  [key: string]: unknown;
}

/**
 * The features a query returned, with their schema.
 *
 * Python: `arcgis.features.FeatureSet`.
 * @example
 * const set = await layer.query({ where: "POP > 1000" });
 * console.log(set.features.length, set.toGeoJSON().features[0].properties);
 */
export class FeatureSet {
  /**
   * Python: `FeatureSet.features`.
   * @example
   * for (const feature of set.features) console.log(feature.attributes);
   */
  readonly features: Feature[];
  /**
   * Python: `FeatureSet.fields`.
   * @example
   * console.log(set.fields.map((f) => f.name));
   */
  readonly fields: FieldInfo[];
  /**
   * Python: `FeatureSet.geometry_type`.
   * @example
   * console.log(set.geometryType);
   */
  readonly geometryType: string | null;
  /**
   * Python: `FeatureSet.spatial_reference`.
   * @example
   * console.log(set.spatialReference?.wkid);
   */
  readonly spatialReference: { wkid?: number; latestWkid?: number } | null;
  /**
   * Python: `FeatureSet.object_id_field_name`.
   * @example
   * console.log(set.objectIdFieldName);
   */
  readonly objectIdFieldName: string | null;
  /**
   * True when the server held back features past its record limit.
   * Python: the `exceededTransferLimit` key of `FeatureSet.to_dict()`.
   * @example
   * if (set.exceededTransferLimit) console.log("more features on the server");
   */
  readonly exceededTransferLimit: boolean;

  /**
   * Python: `FeatureSet(features, fields=None, ...)`.
   * @example
   * const set = new FeatureSet({ features: [{ attributes: { name: "A" } }] });
   */
  constructor(json: FeatureSetJSON) {
    if (!json || !Array.isArray(json.features))
      throw new TypeError("json: expected { features: [...] }");
    this.features = json.features;
    this.fields = json.fields ?? [];
    this.geometryType = json.geometryType ?? null;
    this.spatialReference = json.spatialReference ?? null;
    this.objectIdFieldName = json.objectIdFieldName ?? null;
    this.exceededTransferLimit = json.exceededTransferLimit === true;
  }

  /**
   * The features as plain rows (attributes, plus `SHAPE` holding the geometry), our stand-in
   * for Python's spatially enabled DataFrame. Python: `FeatureSet.sdf`.
   * @example
   * const rows = set.sdf;
   */
  get sdf(): FeatureTable {
    return FeatureTable.fromRows(
      this.features.map((feature) =>
        feature.geometry
          ? { ...feature.attributes, SHAPE: feature.geometry }
          : { ...feature.attributes },
      ),
      this.fields,
    );
  }

  /**
   * The features as a GeoJSON FeatureCollection (coordinates as the query returned them).
   * Python: `FeatureSet.to_geojson`.
   * @example
   * const collection = set.toGeoJSON();
   */
  toGeoJSON(): GeoJsonFeatureCollection {
    const idField = this.objectIdFieldName;
    return {
      type: "FeatureCollection",
      features: this.features.map((feature) => ({
        type: "Feature",
        ...(idField && feature.attributes[idField] !== undefined
          ? { id: feature.attributes[idField] as number }
          : {}),
        geometry: feature.geometry ? esriToGeoJsonGeometry(feature.geometry) : null,
        properties: { ...feature.attributes },
      })),
    };
  }

  /** The REST JSON. Python: `FeatureSet.to_dict()`. @example JSON.stringify(set) */
  toJSON(): FeatureSetJSON {
    return {
      ...(this.objectIdFieldName ? { objectIdFieldName: this.objectIdFieldName } : {}),
      ...(this.geometryType ? { geometryType: this.geometryType } : {}),
      ...(this.spatialReference ? { spatialReference: this.spatialReference } : {}),
      fields: this.fields,
      features: this.features,
    };
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `FeatureSet.__repr__()`.
   * @example
   * console.log(util.inspect(set));
   */
  [inspect.custom](): string {
    return `<FeatureSet> ${this.features.length} features`;
  }

  /**
   * The notebook view: the features as a table (first rows, column types, row count).
   * Python: a FeatureSet shows through its `sdf` in a notebook.
   * @example
   * display(set);
   */
  [displaySymbol](): MimeBundle {
    return {
      ...this.sdf[displaySymbol](),
      "text/plain": `<FeatureSet> ${this.features.length} features`,
    };
  }
}
