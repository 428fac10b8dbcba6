import type { Session } from "../session/session";
import type { FilePart } from "../session/files";
import type { RequestParams } from "../session/params";
import type { ItemDependency } from "../content/item-dependencies";
import { ownerItemUrl, userContentUrl } from "./content-urls";
import type { SuccessResponse } from "./success";

/** Per-item outcome of the batch sharing and deleting operations. */
export interface BatchResult {
  itemId: string;
  success: boolean;
  notSharedWith?: string[];
  notUnsharedFrom?: string[];
}

/** REST: `content/users/{owner}[/{folderId}]/addItem` (Add Item); data and thumbnail ride as files. */
export async function addItem(
  session: Session,
  owner: string,
  folderId: string | undefined,
  params: RequestParams,
  files?: Record<string, FilePart>,
): Promise<{ id: string; success?: boolean; folder?: string }> {
  return session.request(`${userContentUrl(owner, folderId)}/addItem`, params, { files });
}

/** REST: `content/users/{owner}/deleteItems` (Delete Items). */
export async function deleteItems(
  session: Session,
  owner: string,
  items: string[],
): Promise<{ results?: BatchResult[] }> {
  return session.post(`${userContentUrl(owner)}/deleteItems`, { items });
}

/** Parameters of `shareItems`. */
export interface ShareItemsParams {
  items: string[];
  groups?: string[];
  everyone?: boolean;
  org?: boolean;
  confirmItemControl?: boolean;
}

/** REST: `content/users/{user}/shareItems` (Share Items). */
export async function shareItems(
  session: Session,
  user: string,
  params: ShareItemsParams,
): Promise<{ results?: BatchResult[] }> {
  return session.post(`${userContentUrl(user)}/shareItems`, { ...params });
}

/** REST: `content/users/{user}/unshareItems` (Unshare Items). */
export async function unshareItems(
  session: Session,
  user: string,
  params: { items: string[]; groups: string[] },
): Promise<{ results?: BatchResult[] }> {
  return session.post(`${userContentUrl(user)}/unshareItems`, { ...params });
}

/** Parameters of `addRelationship` / `deleteRelationship`. */
export interface RelationshipParams {
  originItemId: string;
  destinationItemId: string;
  relationshipType: string;
}

/** REST: `content/users/{user}/addRelationship`. */
export async function addRelationship(
  session: Session,
  user: string,
  params: RelationshipParams,
): Promise<SuccessResponse> {
  return session.post(`${userContentUrl(user)}/addRelationship`, { ...params });
}

/** REST: `content/users/{user}/deleteRelationship`. */
export async function deleteRelationship(
  session: Session,
  user: string,
  params: RelationshipParams,
): Promise<SuccessResponse> {
  return session.post(`${userContentUrl(user)}/deleteRelationship`, { ...params });
}

/** REST: `content/users/{owner}/items/{id}/addPart` (one slice of a multipart upload). */
export async function addItemPart(
  session: Session,
  owner: string,
  itemId: string,
  partNum: number,
  file: FilePart,
): Promise<SuccessResponse> {
  return session.request(
    `${ownerItemUrl(owner, itemId)}/addPart`,
    { partNum },
    { files: { file } },
  );
}

/** REST: `content/users/{owner}/items/{id}/commit` (assemble the parts, with the item's properties). */
export async function commitItemUpload(
  session: Session,
  owner: string,
  itemId: string,
  properties: RequestParams,
): Promise<SuccessResponse> {
  return session.post(`${ownerItemUrl(owner, itemId)}/commit`, { ...properties, id: itemId });
}

/** What Item Status answers while a multipart upload or a publish job runs. */
export interface ItemStatusResponse {
  status?: string;
  statusMessage?: string;
}

/** Which job of the item Item Status reports on (the upload's when none is given). */
export interface ItemJobParams {
  jobId?: string;
  jobType?: string;
}

/** REST: `content/users/{owner}/items/{id}/status`. */
export async function getItemStatus<T extends ItemStatusResponse = ItemStatusResponse>(
  session: Session,
  owner: string,
  itemId: string,
  job: ItemJobParams = {},
): Promise<T> {
  return session.get<T>(`${ownerItemUrl(owner, itemId)}/status`, { ...job });
}

/** One service a Publish Item call made (or failed to make). */
export interface PublishedService {
  serviceItemId?: string;
  jobId?: string;
  success?: boolean;
  error?: unknown;
}

/** REST: `content/users/{owner}/publish` (Publish Item). */
export async function publishItem(
  session: Session,
  owner: string,
  params: RequestParams,
): Promise<{ services?: PublishedService[] }> {
  return session.post(`${userContentUrl(owner)}/publish`, params);
}

/** What Export Item answers: the new item and the job filling it. */
export interface ExportResponse {
  exportItemId?: string;
  jobId?: string;
  [key: string]: unknown;
}

/** REST: `content/users/{owner}/export` (Export Item). */
export async function exportItem(
  session: Session,
  owner: string,
  params: RequestParams,
): Promise<ExportResponse> {
  return session.post(`${userContentUrl(owner)}/export`, params);
}

/** REST: `content/users/{owner}/items/{id}/addDependencies`. */
export async function addItemDependencies(
  session: Session,
  owner: string,
  itemId: string,
  dependencies: ItemDependency[],
): Promise<SuccessResponse> {
  return session.post(`${ownerItemUrl(owner, itemId)}/addDependencies`, { dependencies });
}

/** REST: `content/users/{owner}/items/{id}/removeDependency`. */
export async function removeItemDependency(
  session: Session,
  owner: string,
  itemId: string,
  dependency: ItemDependency,
): Promise<SuccessResponse> {
  return session.post(`${ownerItemUrl(owner, itemId)}/removeDependency`, { ...dependency });
}

/** REST: `content/users/{owner}/items/{id}/removeAllDependencies`. */
export async function removeAllItemDependencies(
  session: Session,
  owner: string,
  itemId: string,
): Promise<SuccessResponse> {
  return session.post(`${ownerItemUrl(owner, itemId)}/removeAllDependencies`);
}
