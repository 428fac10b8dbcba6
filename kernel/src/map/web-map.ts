// The map as a Web Map (the JSON of a "Web Map" item) and back: what MapView.save writes and
// what gis.map(webMapItem) reopens. Only URLs, ids and data go in; never a token.
import { geoJsonToArcGis } from "./graphics";
import {
  CLASSIFICATION_METHODS,
  SMART_RENDERERS,
  type ClassificationMethod,
  type Extent,
  type GraphicSpec,
  type LayerSpec,
  type MapState,
  type SmartRendererName,
  type SmartRendererOptions,
} from "./contract";

type Json = Record<string, unknown>;

const WEB_MAP_VERSION = "2.31";
const GRAPHICS_LAYER_ID = "tsgis-graphics";

export function toWebMapJson(state: MapState): Json {
  const operationalLayers: Json[] = state.layers.map(layerToWebMap);
  if (state.graphics.length > 0) {
    operationalLayers.push(featureCollectionLayer(GRAPHICS_LAYER_ID, "Graphics", state.graphics));
  }
  return {
    operationalLayers,
    baseMap: baseMapJson(state),
    spatialReference: { wkid: 102100, latestWkid: 3857 },
    ...(state.extent
      ? { initialState: { viewpoint: { targetGeometry: state.extent } } }
      : state.center
        ? {
            initialState: {
              viewpoint: {
                targetGeometry: {
                  x: state.center[1],
                  y: state.center[0],
                  spatialReference: { wkid: 4326 },
                },
                ...(state.zoom !== null ? { scale: scaleOfZoom(state.zoom) } : {}),
              },
            },
          }
        : {}),
    authoringApp: "tsgis",
    authoringAppVersion: "0.1.0",
    version: WEB_MAP_VERSION,
    tsgis: { mode: state.mode, center: state.center, zoom: state.zoom, basemap: state.basemap },
  };
}

/** The state a saved Web Map reopens to (layers it cannot describe are left out). */
export function fromWebMapJson(json: Json, portalUrl: string | null): Partial<MapState> {
  const own = (json.tsgis as Json | undefined) ?? {};
  const viewpoint = ((json.initialState as Json | undefined)?.viewpoint as Json | undefined) ?? {};
  const target = viewpoint.targetGeometry as Json | undefined;
  const layers: LayerSpec[] = [];
  const graphics: GraphicSpec[] = [];
  const operational = Array.isArray(json.operationalLayers)
    ? (json.operationalLayers as Json[])
    : [];
  for (const layer of operational) {
    if (layer.id === GRAPHICS_LAYER_ID) {
      graphics.push(...graphicsOf(layer));
      continue;
    }
    const spec = layerFromWebMap(layer, portalUrl);
    if (spec) layers.push(spec);
  }
  const isExtent =
    target && ["xmin", "ymin", "xmax", "ymax"].every((k) => typeof target[k] === "number");
  return {
    layers,
    graphics,
    mode: own.mode === "3D" ? "3D" : "2D",
    basemap: typeof own.basemap === "string" ? own.basemap : null,
    center: Array.isArray(own.center) ? (own.center as [number, number]) : null,
    zoom: typeof own.zoom === "number" ? own.zoom : null,
    extent: isExtent ? (target as unknown as Extent) : null,
  };
}

function layerToWebMap(spec: LayerSpec): Json {
  const common: Json = {
    id: spec.id,
    title: spec.title ?? spec.id,
    opacity: typeof spec.options.opacity === "number" ? spec.options.opacity : 1,
    visibility: spec.options.visible !== false,
  };
  if (spec.kind === "geojson" && spec.geojson) {
    const features = (spec.geojson.features as Json[]) ?? [];
    return {
      ...featureCollectionLayer(
        spec.id,
        spec.title ?? "GeoJSON",
        features
          .filter((feature) => feature.geometry)
          .map((feature) => ({
            geometry: geoJsonToArcGis(feature.geometry as Json),
            symbol: null,
            popupTemplate: null,
            attributes: { ...((feature.properties as Json | null) ?? {}) },
          })),
      ),
      ...common,
      ...layerDefinitionOf(spec),
      ...(spec.smartRenderer ? { tsgisSmartRenderer: spec.smartRenderer } : {}),
      tsgisGeoJson: spec.geojson,
    };
  }
  const layerType = spec.url ? layerTypeOf(spec.url) : "ArcGISFeatureLayer";
  return {
    ...common,
    layerType,
    ...(spec.url ? { url: spec.url } : {}),
    ...(spec.itemId ? { itemId: spec.itemId } : {}),
    ...layerDefinitionOf(spec),
    ...(spec.smartRenderer ? { tsgisSmartRenderer: spec.smartRenderer } : {}),
  };
}

/** The explicit renderer and filter of a layer, where a Web Map keeps them. */
function layerDefinitionOf(spec: LayerSpec): Json {
  const definition: Json = {};
  if (typeof spec.options.definitionExpression === "string") {
    definition.definitionExpression = spec.options.definitionExpression;
  }
  if (isJson(spec.options.renderer)) definition.drawingInfo = { renderer: spec.options.renderer };
  return Object.keys(definition).length > 0 ? { layerDefinition: definition } : {};
}

/** A saved smart renderer's options, keeping only the values the browser can use. */
function smartOptionsFrom(saved: unknown): SmartRendererOptions {
  if (!isJson(saved)) return {};
  const method = saved.classificationMethod;
  const classes = saved.numClasses;
  return {
    ...(typeof method === "string" &&
    CLASSIFICATION_METHODS.includes(method as ClassificationMethod)
      ? { classificationMethod: method as ClassificationMethod }
      : {}),
    ...(typeof classes === "number" && Number.isInteger(classes) ? { numClasses: classes } : {}),
  };
}

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function layerFromWebMap(layer: Json, portalUrl: string | null): LayerSpec | null {
  const definition = isJson(layer.layerDefinition) ? layer.layerDefinition : {};
  const renderer = isJson(definition.drawingInfo) ? definition.drawingInfo.renderer : undefined;
  const smart = layer.tsgisSmartRenderer;
  const base = {
    id: typeof layer.id === "string" ? layer.id : String(layer.id),
    title: typeof layer.title === "string" ? layer.title : null,
    options: {
      ...(typeof layer.opacity === "number" ? { opacity: layer.opacity } : {}),
      ...(layer.visibility === false ? { visible: false } : {}),
      ...(isJson(renderer) ? { renderer } : {}),
      ...(typeof definition.definitionExpression === "string"
        ? { definitionExpression: definition.definitionExpression }
        : {}),
    },
    smartRenderer:
      isJson(smart) && typeof smart.type === "string" && Object.hasOwn(SMART_RENDERERS, smart.type)
        ? {
            type: smart.type as SmartRendererName,
            field: typeof smart.field === "string" ? smart.field : null,
            options: smartOptionsFrom(smart.options),
          }
        : null,
  };
  if (layer.tsgisGeoJson && typeof layer.tsgisGeoJson === "object") {
    return {
      ...base,
      kind: "geojson",
      url: null,
      itemId: null,
      portalUrl: null,
      geojson: layer.tsgisGeoJson as Json,
    };
  }
  if (typeof layer.itemId === "string") {
    return {
      ...base,
      kind: "item",
      itemId: layer.itemId,
      portalUrl,
      url: typeof layer.url === "string" ? layer.url : null,
      geojson: null,
    };
  }
  if (typeof layer.url === "string") {
    return { ...base, kind: "url", url: layer.url, itemId: null, portalUrl: null, geojson: null };
  }
  return null;
}

function featureCollectionLayer(id: string, title: string, graphics: GraphicSpec[]): Json {
  const byType = new Map<string, GraphicSpec[]>();
  for (const graphic of graphics) {
    const type = geometryTypeOf(graphic.geometry);
    byType.set(type, [...(byType.get(type) ?? []), graphic]);
  }
  return {
    id,
    title,
    featureCollection: {
      layers: [...byType].map(([geometryType, members]) => ({
        layerDefinition: { name: title, geometryType, fields: [] },
        featureSet: {
          geometryType,
          features: members.map((graphic) => ({
            geometry: graphic.geometry,
            attributes: graphic.attributes,
            ...(graphic.symbol ? { symbol: graphic.symbol } : {}),
            ...(graphic.popupTemplate ? { popupInfo: graphic.popupTemplate } : {}),
          })),
        },
      })),
    },
  };
}

function graphicsOf(layer: Json): GraphicSpec[] {
  const layers = ((layer.featureCollection as Json | undefined)?.layers as Json[]) ?? [];
  return layers.flatMap((part) =>
    (((part.featureSet as Json | undefined)?.features as Json[]) ?? []).map((feature) => ({
      geometry: feature.geometry as Json,
      attributes: (feature.attributes as Json) ?? {},
      symbol: (feature.symbol as Json) ?? null,
      popupTemplate: isJson(feature.popupInfo) ? feature.popupInfo : null,
    })),
  );
}

function geometryTypeOf(geometry: Json): string {
  if ("rings" in geometry) return "esriGeometryPolygon";
  if ("paths" in geometry) return "esriGeometryPolyline";
  if ("points" in geometry) return "esriGeometryMultipoint";
  return "esriGeometryPoint";
}

function layerTypeOf(url: string): string {
  if (/\/FeatureServer(\/\d+)?$/i.test(url)) return "ArcGISFeatureLayer";
  if (/\/MapServer\/\d+$/i.test(url)) return "ArcGISFeatureLayer";
  if (/\/MapServer$/i.test(url)) return "ArcGISMapServiceLayer";
  if (/\/ImageServer$/i.test(url)) return "ArcGISImageServiceLayer";
  if (/\/VectorTileServer$/i.test(url)) return "VectorTileLayer";
  if (/\/SceneServer/i.test(url)) return "ArcGISSceneServiceLayer";
  return "ArcGISFeatureLayer";
}

function baseMapJson(state: MapState): Json {
  if (state.basemap === null && state.portalBasemap) {
    const { id: _id, ...rest } = state.portalBasemap;
    return { ...rest };
  }
  return { title: state.basemap ?? "Offline basemap", baseMapLayers: [] };
}

/** The scale of a Web Mercator zoom level at the equator (96 dpi), as tiled basemaps use. */
function scaleOfZoom(zoom: number): number {
  return 591657527.591555 / 2 ** zoom;
}
