import { ArcGISRequestError } from "../server/arcgis-error";
import type { FieldDefinition } from "./fields";
import type {
  LayerDefinition,
  LayerRecord,
  FeatureServiceStore,
  ServiceRecord,
} from "./service-store";
import type { SupportedWkid } from "./projection";

/**
 * Where a layer's features really live and what of them it shows. For a layer of a hosted
 * service that is the layer itself; for a view layer it is the source layer, seen through the
 * view's visible fields and definition query.
 */
export interface LayerSource {
  readonly service: ServiceRecord;
  readonly layer: LayerDefinition;
  readonly storageServiceId: string;
  readonly storageLayerId: number;
  readonly storageWkid: SupportedWkid;
  readonly fields: FieldDefinition[];
  readonly objectIdField: string;
  readonly definitionQuery: string;
}

export function layerSource(
  store: FeatureServiceStore,
  service: ServiceRecord,
  record: LayerRecord,
): LayerSource {
  const layer = record.definition;
  const fields = layer.fields.filter((field) => field.visible !== false);
  if (!layer.view) {
    return {
      service,
      layer,
      storageServiceId: service.id,
      storageLayerId: layer.id,
      storageWkid: service.definition.wkid,
      fields,
      objectIdField: layer.objectIdField,
      definitionQuery: "",
    };
  }
  const sourceService = store.get(layer.view.serviceId);
  const sourceLayer = sourceService ? store.layer(sourceService.id, layer.view.layerId) : undefined;
  if (!sourceService || !sourceLayer) {
    throw new ArcGISRequestError(400, "The source of this view no longer exists.", [
      `View layer ${layer.id} of ${service.name} lost its source layer.`,
    ]);
  }
  return {
    service,
    layer,
    storageServiceId: sourceService.id,
    storageLayerId: sourceLayer.layerId,
    storageWkid: sourceService.definition.wkid,
    fields,
    objectIdField: layer.objectIdField,
    definitionQuery: layer.view.viewDefinitionQuery,
  };
}
