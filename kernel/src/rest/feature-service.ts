// The Feature Service operations of the ArcGIS REST Services Directory (the service and layer
// resources, a layer's Query and Apply Edits), one typed function each; FeatureLayer,
// FeatureLayerCollection and the paged query call these.
import type { ParamValue } from "../session/params";
import { parseJsonAnswer, type Session } from "../session/session";
import type { Feature, FeatureSetJSON } from "../features/feature-set";
import type { EditFeaturesResult } from "../features/feature-layer";
import type { GeoJsonFeatureCollection } from "../features/geojson-conversion";
import type { FeatureLayerProperties, FeatureServiceProperties } from "../features/service-json";

/** `{layerUrl}/query`: the one spelling of a layer's Query URL. */
function queryUrl(layerUrl: string): string {
  return `${layerUrl}/query`;
}

/**
 * Parameters of Query (Feature Service/Layer): the filter, what to return and which page. The
 * other documented parameters (statistics, `gdbVersion`, `returnZ` …) pass through as given.
 */
export interface LayerQueryParams {
  where?: string;
  outFields?: string;
  returnGeometry?: boolean;
  returnCountOnly?: boolean;
  returnIdsOnly?: boolean;
  returnExtentOnly?: boolean;
  resultOffset?: number;
  resultRecordCount?: number;
  /** Comma-separated object ids. */
  objectIds?: string;
  outSR?: number | { wkid: number };
  orderByFields?: string;
  /** `t1,t2` in epoch ms (`null` for an open end) or one instant. */
  time?: string;
  geometry?: ParamValue;
  geometryType?: string;
  spatialRel?: string;
  inSR?: number | { wkid: number };
  [parameter: string]: ParamValue;
}

/** How one query request goes out: a signal abandons it (the paged query's other pages). */
export interface QueryRequestOptions {
  signal?: AbortSignal;
}

/** What Query answers with `returnCountOnly`. */
export interface QueryCountResponse {
  count?: number;
}

/** What Query answers with `returnIdsOnly`. */
export interface QueryIdsResponse {
  objectIdFieldName: string;
  objectIds: number[];
}

/** What Query answers with `returnExtentOnly` (and the count, when it was asked for too). */
export interface QueryExtentResponse {
  extent: Record<string, unknown>;
  count?: number;
}

/** REST: `{serviceUrl}` (Feature Service): the service's layers, tables and settings. */
export async function getFeatureServiceInfo(
  session: Session,
  serviceUrl: string,
): Promise<FeatureServiceProperties> {
  return session.get<FeatureServiceProperties>(serviceUrl);
}

/** REST: `{serviceUrl}/{layerId}` (Feature Layer): one layer's or table's definition. */
export async function getFeatureLayerInfo(
  session: Session,
  layerUrl: string,
): Promise<FeatureLayerProperties> {
  return session.get<FeatureLayerProperties>(layerUrl);
}

/** REST: `{layerUrl}/query` (Query (Feature Service/Layer)): features as Esri JSON. */
export async function queryFeatures(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
  options: QueryRequestOptions = {},
): Promise<FeatureSetJSON> {
  return session.get<FeatureSetJSON>(queryUrl(layerUrl), params, { signal: options.signal });
}

/** REST: `{layerUrl}/query` (Query (Feature Service/Layer)) with `f=geojson`. */
export async function queryFeaturesGeoJson(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
  options: QueryRequestOptions = {},
): Promise<GeoJsonFeatureCollection> {
  return session.get<GeoJsonFeatureCollection>(queryUrl(layerUrl), params, {
    format: "geojson",
    signal: options.signal,
  });
}

/**
 * REST: `{layerUrl}/query` (Query (Feature Service/Layer)) as Esri JSON or GeoJSON, the answer
 * left as text for {@link parseQueryText} (an error answer is still thrown here): a paged query
 * parses a page after it has asked for the next one.
 */
export async function queryFeaturesText(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
  options: QueryRequestOptions & { format: "json" | "geojson" },
): Promise<string> {
  return session.request(queryUrl(layerUrl), params, {
    method: "GET",
    format: options.format,
    responseKind: "jsonText",
    signal: options.signal,
  });
}

/** Parses an answer of {@link queryFeaturesText}; throws ArcGISError for an error or non-JSON. */
export function parseQueryText<P>(layerUrl: string, text: string): P {
  return parseJsonAnswer<P>(text, queryUrl(layerUrl));
}

/** REST: `{layerUrl}/query` (Query (Feature Service/Layer)) with `returnCountOnly`. */
export async function queryFeatureCount(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
  options: QueryRequestOptions = {},
): Promise<QueryCountResponse> {
  return session.get<QueryCountResponse>(
    queryUrl(layerUrl),
    { ...params, returnCountOnly: true },
    { signal: options.signal },
  );
}

/** REST: `{layerUrl}/query` (Query (Feature Service/Layer)) with `returnIdsOnly`. */
export async function queryFeatureIds(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
): Promise<QueryIdsResponse> {
  return session.get<QueryIdsResponse>(queryUrl(layerUrl), { ...params, returnIdsOnly: true });
}

/** REST: `{layerUrl}/query` (Query (Feature Service/Layer)) with `returnExtentOnly`. */
export async function queryFeatureExtent(
  session: Session,
  layerUrl: string,
  params: LayerQueryParams,
): Promise<QueryExtentResponse> {
  return session.get<QueryExtentResponse>(queryUrl(layerUrl), {
    ...params,
    returnExtentOnly: true,
  });
}

/** Parameters of Apply Edits (Feature Service/Layer). */
export interface ApplyEditsParams {
  adds?: Feature[];
  updates?: Feature[];
  /** Comma-separated object ids. */
  deletes?: string;
  gdbVersion?: string;
  useGlobalIds?: boolean;
  rollbackOnFailure?: boolean;
  returnEditMoment?: boolean;
}

/** REST: `{layerUrl}/applyEdits` (Apply Edits (Feature Service/Layer)). */
export async function applyEdits(
  session: Session,
  layerUrl: string,
  params: ApplyEditsParams,
): Promise<EditFeaturesResult> {
  return session.post<EditFeaturesResult>(`${layerUrl}/applyEdits`, { ...params });
}
