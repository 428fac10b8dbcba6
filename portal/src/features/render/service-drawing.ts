import { type Box, projectGeometry } from "../esri-geometry";
import { fieldResolver } from "../feature-query";
import { layerSource } from "../layer-source";
import type { FeatureServiceStore, ServiceRecord } from "../service-store";
import { parseWhere } from "../where-parser";
import { whereToSql } from "../where-sql";
import type { DrawLayer } from "./render-features";

/** The features of a service's spatial layers that fall in a Web Mercator extent, to draw. */
export function drawLayersOf(
  store: FeatureServiceStore,
  service: ServiceRecord,
  extent: Box,
  layerIds?: readonly number[],
): DrawLayer[] {
  return store
    .layers(service.id)
    .filter(
      (record) =>
        record.definition.geometryType && (!layerIds || layerIds.includes(record.layerId)),
    )
    .map((record) => {
      const source = layerSource(store, service, record);
      const box = projectGeometry(extent, 3857, source.storageWkid) as Box;
      const tree = parseWhere(source.definitionQuery);
      const view = tree ? whereToSql(tree, fieldResolver(source)) : { sql: "1=1", params: [] };
      const features = store.selectFeatures(
        `SELECT object_id, attributes_json, geometry_json FROM features
         WHERE service_id = ? AND layer_id = ? AND xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?
         AND ${view.sql}`,
        [
          source.storageServiceId,
          source.storageLayerId,
          box.xmax,
          box.xmin,
          box.ymax,
          box.ymin,
          ...view.params,
        ],
      );
      return {
        geometries: features.flatMap((feature) => (feature.geometry ? [feature.geometry] : [])),
        wkid: source.storageWkid,
        drawingInfo: record.definition.drawingInfo,
      };
    });
}
