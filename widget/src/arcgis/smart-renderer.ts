// Smart-mapping renderers by Python's names, computed from the layer's data with @arcgis/core's
// smartMapping creators, so the classes and colours follow the field's actual values.
import type FeatureLayer from "@arcgis/core/layers/FeatureLayer";
import type Layer from "@arcgis/core/layers/Layer";
import * as colorRendererCreator from "@arcgis/core/smartMapping/renderers/color";
import * as heatmapRendererCreator from "@arcgis/core/smartMapping/renderers/heatmap";
import * as sizeRendererCreator from "@arcgis/core/smartMapping/renderers/size";
import * as typeRendererCreator from "@arcgis/core/smartMapping/renderers/type";
import type MapView from "@arcgis/core/views/MapView";
import type SceneView from "@arcgis/core/views/SceneView";
import type { SmartRendererSpec } from "tsgis/dist/map/contract";

type RenderedLayer = FeatureLayer & { renderer: __esri.Renderer };

function canRender(layer: Layer): layer is RenderedLayer {
  return "renderer" in layer && "fields" in layer;
}

/** Computes the renderer for the layer's data (the caller sets it, if it is still wanted). */
export async function computeSmartRenderer(
  layer: Layer,
  spec: SmartRendererSpec,
  view: MapView | SceneView,
): Promise<__esri.Renderer> {
  await layer.load();
  if (!canRender(layer)) throw new Error(`layer "${layer.title}" has no renderer to set`);
  const field = spec.field ?? undefined;
  const common = { layer, view, field } as const;
  const options = spec.options;
  switch (spec.type) {
    case "ClassedColorRenderer": {
      const result = await colorRendererCreator.createClassBreaksRenderer({
        ...common,
        classificationMethod: options.classificationMethod ?? "natural-breaks",
        numClasses: options.numClasses ?? 5,
      } as __esri.colorCreateClassBreaksRendererParams);
      return result.renderer;
    }
    case "ClassedSizeRenderer": {
      const result = await sizeRendererCreator.createClassBreaksRenderer({
        ...common,
        classificationMethod: options.classificationMethod ?? "natural-breaks",
        numClasses: options.numClasses ?? 5,
      } as __esri.sizeCreateClassBreaksRendererParams);
      return result.renderer;
    }
    case "UniqueValueRenderer": {
      const result = await typeRendererCreator.createRenderer(
        common as __esri.typeCreateRendererParams,
      );
      return result.renderer;
    }
    case "HeatmapRenderer": {
      const result = await heatmapRendererCreator.createRenderer(
        common as __esri.heatmapCreateRendererParams,
      );
      return result.renderer;
    }
  }
}
