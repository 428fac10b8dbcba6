import type { Readable } from "node:stream";
import type { Session } from "../session/session";
import type { FilePart } from "../session/files";
import type { RequestParams } from "../session/params";
import type { GroupJSON } from "../groups/group";
import type { ItemJSON } from "../content/item-json";
import type { ItemSearchPage } from "../content/content-manager";
import { itemUrl, ownerItemUrl } from "./content-urls";
import type { ItemDependency } from "../content/item-dependencies";

/** The `{ success }` answer most item operations give. */
export interface SuccessResponse {
  success?: boolean;
}

/** REST: `content/items/{id}` (Item). */
export async function getItem(session: Session, itemId: string): Promise<ItemJSON> {
  return session.get<ItemJSON>(itemUrl(itemId));
}

/** What `content/items/{id}/groups` answers: the groups the item is shared with. */
export interface ItemGroupsResponse {
  admin?: GroupJSON[];
  member?: GroupJSON[];
  other?: GroupJSON[];
}

/** REST: `content/items/{id}/groups` (Groups). */
export async function getItemGroups(session: Session, itemId: string): Promise<ItemGroupsResponse> {
  return session.get<ItemGroupsResponse>(`${itemUrl(itemId)}/groups`);
}

/** REST: `content/users/{owner}/items/{id}/update` (Update Item); files ride as multipart. */
export async function updateItem(
  session: Session,
  owner: string,
  itemId: string,
  params: RequestParams,
  files?: Record<string, FilePart>,
): Promise<SuccessResponse> {
  return session.request<SuccessResponse>(`${ownerItemUrl(owner, itemId)}/update`, params, {
    files,
    idempotent: true,
  });
}

/** What `canDelete` answers. */
export interface CanDeleteResponse {
  itemId: string;
  success: boolean;
  reason?: { message?: string };
  offendingItems?: ItemJSON[];
}

/** REST: `content/users/{owner}/items/{id}/canDelete`. */
export async function canDeleteItem(
  session: Session,
  owner: string,
  itemId: string,
): Promise<CanDeleteResponse> {
  return session.post<CanDeleteResponse>(`${ownerItemUrl(owner, itemId)}/canDelete`);
}

/** REST: `content/users/{owner}/items/{id}/delete` (Delete Item). */
export async function deleteItem(
  session: Session,
  owner: string,
  itemId: string,
  params: { force?: boolean } = {},
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(
    `${ownerItemUrl(owner, itemId)}/delete`,
    params.force ? { force: true } : {},
  );
}

/** REST: `content/users/{owner}/items/{id}/protect`. */
export async function protectItem(
  session: Session,
  owner: string,
  itemId: string,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${ownerItemUrl(owner, itemId)}/protect`);
}

/** REST: `content/users/{owner}/items/{id}/unprotect`. */
export async function unprotectItem(
  session: Session,
  owner: string,
  itemId: string,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${ownerItemUrl(owner, itemId)}/unprotect`);
}

/** What `move` answers. */
export interface MoveItemResponse {
  success: boolean;
  itemId: string;
  owner: string;
  folder: string;
}

/** REST: `content/users/{owner}/items/{id}/move` (Move Item); `folder` "/" is the root. */
export async function moveItem(
  session: Session,
  owner: string,
  itemId: string,
  folder: string,
): Promise<MoveItemResponse> {
  return session.post<MoveItemResponse>(`${ownerItemUrl(owner, itemId)}/move`, { folder });
}

/** Parameters of `reassign`. */
export interface ReassignItemParams {
  targetUsername: string;
  targetFoldername?: string;
}

/** REST: `content/users/{owner}/items/{id}/reassign` (Reassign Item). */
export async function reassignItem(
  session: Session,
  owner: string,
  itemId: string,
  params: ReassignItemParams,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${ownerItemUrl(owner, itemId)}/reassign`, { ...params });
}

/** Parameters of `share`. */
export interface ShareItemParams {
  everyone?: boolean;
  org?: boolean;
  groups?: string[];
  confirmItemControl?: boolean;
}

/** REST: `content/items/{id}/share` (Share Item). */
export async function shareItem(
  session: Session,
  itemId: string,
  params: ShareItemParams,
): Promise<{ notSharedWith?: string[]; itemId?: string }> {
  return session.post(`${itemUrl(itemId)}/share`, { ...params });
}

/** REST: `content/items/{id}/unshare` (Unshare Item). */
export async function unshareItem(
  session: Session,
  itemId: string,
  params: { groups: string[] },
): Promise<{ notUnsharedFrom?: string[]; itemId?: string }> {
  return session.post(`${itemUrl(itemId)}/unshare`, { ...params });
}

/** REST: `content/items/{id}/setContentStatus`; an empty status with `clearEmptyFields` clears it. */
export async function setContentStatus(
  session: Session,
  itemId: string,
  params: { status: string; clearEmptyFields?: boolean },
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${itemUrl(itemId)}/setContentStatus`, { ...params });
}

/** A comment on an item, as `comments` lists it. Python: one entry of `Item.comments`. */
export interface ItemComment {
  id: string;
  owner: string;
  comment: string;
  created: number;
}

/** REST: `content/items/{id}/addComment`. */
export async function addComment(
  session: Session,
  itemId: string,
  comment: string,
): Promise<SuccessResponse & { commentId?: string }> {
  return session.post(`${itemUrl(itemId)}/addComment`, { comment });
}

/** REST: `content/items/{id}/comments`. */
export async function getComments(
  session: Session,
  itemId: string,
): Promise<{ comments?: ItemComment[] }> {
  return session.get(`${itemUrl(itemId)}/comments`);
}

/** REST: `content/items/{id}/rating` (the signed-in user's rating). */
export async function getRating(session: Session, itemId: string): Promise<{ rating?: number }> {
  return session.get(`${itemUrl(itemId)}/rating`);
}

/** REST: `content/items/{id}/addRating`. */
export async function addRating(
  session: Session,
  itemId: string,
  rating: number,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${itemUrl(itemId)}/addRating`, { rating });
}

/** REST: `content/items/{id}/deleteRating`. */
export async function deleteRating(session: Session, itemId: string): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${itemUrl(itemId)}/deleteRating`);
}

/** REST: `content/items/{id}/relatedItems`. */
export async function getRelatedItems(
  session: Session,
  itemId: string,
  params: { relationshipType: string; direction: "forward" | "reverse" },
): Promise<{ relatedItems?: ItemJSON[] }> {
  return session.get(`${itemUrl(itemId)}/relatedItems`, { ...params });
}

/** Parameters of `copy`. */
export interface CopyItemParams {
  title?: string;
  tags?: string[] | string;
  snippet?: string;
  description?: string;
}

/** REST: `content/users/{user}/items/{id}/copy` (Copy Item); the copy belongs to `user`. */
export async function copyItem(
  session: Session,
  user: string,
  itemId: string,
  params: CopyItemParams,
): Promise<{ itemId: string }> {
  return session.post<{ itemId: string }>(`${ownerItemUrl(user, itemId)}/copy`, { ...params });
}

/** REST: `content/users/{owner}/items/{id}/registeredAppInfo`. */
export async function getRegisteredAppInfo(
  session: Session,
  owner: string,
  itemId: string,
): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${ownerItemUrl(owner, itemId)}/registeredAppInfo`);
}

/** REST: `content/users/{owner}/items/{id}/proxies`. */
export async function getItemProxies(
  session: Session,
  owner: string,
  itemId: string,
): Promise<{ appProxies?: Record<string, unknown>[] }> {
  return session.get(`${ownerItemUrl(owner, itemId)}/proxies`);
}

/** REST: `content/items/{id}/dependencies`. */
export async function getItemDependencies(
  session: Session,
  itemId: string,
): Promise<ItemDependenciesResponse> {
  return session.get<ItemDependenciesResponse>(`${itemUrl(itemId)}/dependencies`);
}

/** What `content/items/{id}/dependencies` answers. */
export interface ItemDependenciesResponse {
  list?: ItemDependency[];
  [key: string]: unknown;
}

/** REST: `content/items/{id}/dependencies/listDependentsTo`. */
export async function listDependentsTo(
  session: Session,
  itemId: string,
): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${itemUrl(itemId)}/dependencies/listDependentsTo`);
}

/** REST: `content/items/{id}/data` as text (JSON items, CSV ...). */
export async function getItemDataText(session: Session, itemId: string): Promise<string> {
  return session.request(`${itemUrl(itemId)}/data`, {}, { method: "GET", responseKind: "text" });
}

/** REST: `content/items/{id}/data` as a stream (files). */
export async function getItemDataStream(session: Session, itemId: string): Promise<Readable> {
  return session.request(`${itemUrl(itemId)}/data`, {}, { method: "GET", responseKind: "stream" });
}

/** REST: `content/items/{id}/info/{path}` (thumbnail, metadata) as bytes. */
export async function getItemInfoBuffer(
  session: Session,
  itemId: string,
  relative: string,
): Promise<Buffer> {
  return session.request(
    `${itemUrl(itemId)}/info/${encodeURI(relative)}`,
    {},
    { method: "GET", responseKind: "buffer" },
  );
}

/** REST: `content/items/{id}/info/{path}` as a stream. */
export async function getItemInfoStream(
  session: Session,
  itemId: string,
  relative: string,
): Promise<Readable> {
  return session.request(
    `${itemUrl(itemId)}/info/${encodeURI(relative)}`,
    {},
    { method: "GET", responseKind: "stream" },
  );
}

/** What Analyze answers: publish parameters proposed for the data, and more. */
export interface AnalyzeResponse {
  publishParameters?: Record<string, unknown>;
  [key: string]: unknown;
}

/** REST: `content/features/analyze` (Analyze) of an item, text, a URL or an uploaded file. */
export async function analyze(
  session: Session,
  params: RequestParams,
  file?: FilePart,
): Promise<AnalyzeResponse> {
  return session.request<AnalyzeResponse>("content/features/analyze", params, {
    method: "POST",
    ...(file ? { files: { file } } : {}),
  });
}

/** REST: `search` (Search), one page of items (with aggregations when counts are asked). */
export async function searchItems(
  session: Session,
  params: RequestParams,
): Promise<ItemSearchPage<ItemJSON>> {
  return session.get<ItemSearchPage<ItemJSON>>("search", params);
}
