import { inspect } from "node:util";
import { FeatureSet, type Feature, type FieldInfo } from "./feature-set";

/** A feature collection's JSON: one layer's definition and its features. */
export interface FeatureCollectionJSON {
  layerDefinition: {
    name?: string;
    geometryType?: string;
    objectIdField?: string;
    fields: FieldInfo[];
    [key: string]: unknown;
  };
  featureSet: { geometryType?: string; spatialReference?: { wkid: number }; features: Feature[] };
}

/**
 * Features held in memory rather than in a service (what `importData` makes of records).
 *
 * Python: `arcgis.features.FeatureCollection`.
 * @example
 * const collection = await gis.content.importData(rows, { addressFields: { Address: "address" } });
 * const set = collection.query();
 */
export class FeatureCollection {
  /**
   * Python: `FeatureCollection.properties`.
   * @example
   * console.log(collection.properties.layerDefinition);
   */
  readonly properties: FeatureCollectionJSON;

  /**
   * Python: `FeatureCollection(dictdata)`.
   * @example
   * const collection = new FeatureCollection({ layerDefinition: { fields: [] }, featureSet: { features: [] } });
   */
  constructor(dictdata: FeatureCollectionJSON) {
    if (!dictdata || !dictdata.layerDefinition || !Array.isArray(dictdata.featureSet?.features)) {
      throw new TypeError("dictdata: expected { layerDefinition, featureSet: { features } }");
    }
    this.properties = dictdata;
  }

  /**
   * The collection's features as a FeatureSet. Python: `FeatureCollection.query()`.
   * @example
   * const { features } = collection.query();
   */
  query(): FeatureSet {
    const { layerDefinition, featureSet } = this.properties;
    return new FeatureSet({
      features: featureSet.features,
      fields: layerDefinition.fields,
      geometryType: featureSet.geometryType ?? layerDefinition.geometryType,
      spatialReference: featureSet.spatialReference,
      objectIdFieldName: layerDefinition.objectIdField,
    });
  }

  /**
   * The JSON.
   * Python: `FeatureCollection.properties`.
   * @example
   * JSON.stringify(collection)
   */
  toJSON(): FeatureCollectionJSON {
    return this.properties;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `FeatureCollection.__repr__()`.
   * @example
   * console.log(util.inspect(collection));
   */
  [inspect.custom](): string {
    return `<FeatureCollection> ${this.properties.featureSet.features.length} features`;
  }
}
