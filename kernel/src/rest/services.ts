// The resources every ArcGIS Server service and layer answers (its JSON description), and the
// Sharing API operations that make or swap a hosted service; the Layer facade, the map's
// zoom-to-layer and the publishing functions call these.
import type { Session } from "../session/session";
import { userContentUrl } from "./content-urls";
import type { SuccessResponse } from "./success";
import type { LayerProperties } from "../features/service-json";
import type { Extent } from "../map/contract";

/** What any service or layer resource says about its extent (every other field is kept). */
export interface ServiceInfo {
  extent?: Extent | null;
  fullExtent?: Extent | null;
  initialExtent?: Extent | null;
  [field: string]: unknown;
}

/** REST: `{serviceUrl}` or `{serviceUrl}/{layerId}` (Service / Layer): its JSON description. */
export async function getServiceInfo(session: Session, url: string): Promise<ServiceInfo> {
  return session.get<ServiceInfo>(url);
}

/** REST: `{serviceUrl}/{layerId}` (Layer / Table) of a feature, map or image service. */
export async function getLayerInfo(session: Session, layerUrl: string): Promise<LayerProperties> {
  return session.get<LayerProperties>(layerUrl);
}

/** Parameters of Create Service: the service's definition and what kind of service it is. */
export interface CreateServiceParams {
  createParameters: Record<string, unknown>;
  /** `featureService`, … */
  outputType: string;
  isView?: boolean;
}

/** What Create Service answers: the new item and its service. */
export interface CreateServiceResponse extends SuccessResponse {
  itemId?: string;
  serviceItemId?: string;
  encodedServiceURL?: string;
  serviceurl?: string;
  name?: string;
  type?: string;
}

/** REST: `content/users/{owner}[/{folderId}]/createService` (Create Service). */
export async function createService(
  session: Session,
  owner: string,
  folderId: string | null | undefined,
  params: CreateServiceParams,
): Promise<CreateServiceResponse> {
  return session.post<CreateServiceResponse>(`${userContentUrl(owner, folderId)}/createService`, {
    ...params,
  });
}

/** Parameters of Replace Service. */
export interface ReplaceServiceParams {
  toReplaceItemId: string;
  replacementItemId: string;
  replacedServiceName?: string;
  replaceMetadata?: boolean;
  createNewItem?: boolean;
}

/** REST: `content/users/{owner}/replaceService` (Replace Service). */
export async function replaceService(
  session: Session,
  owner: string,
  params: ReplaceServiceParams,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${userContentUrl(owner)}/replaceService`, { ...params });
}
