// The data store of an ArcGIS Server (`<server>/admin/data/...` of its Administrator API), one
// typed function per operation; DatastoreManager and Datastore call these with the hosting
// server's admin URL.
import type { DataItemJSON } from "../datastore/datastore";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";
import type { StatusResponse, SuccessResponse } from "./success";

/** `{adminUrl}/data/items{path}`: one registered data item (`path` starts with "/"). */
function dataItemUrl(adminUrl: string, path: string): string {
  return `${adminUrl}/data/items${path}`;
}

/** REST: `{adminUrl}/{operation}`, any operation of the server's Administrator API. */
export async function serverAdminRequest<T>(
  session: Session,
  adminUrl: string,
  operation: string,
  params: RequestParams,
  method: "GET" | "POST",
): Promise<T> {
  return session.request<T>(`${adminUrl}/${operation}`, params, { method });
}

/** REST: `{adminUrl}/data/registerItem` (Register Item). */
export async function registerDataItem(
  session: Session,
  adminUrl: string,
  item: Record<string, unknown>,
): Promise<SuccessResponse> {
  return session.post(`${adminUrl}/data/registerItem`, { item });
}

/** REST: `{adminUrl}/data/items{path}` (Data Item). */
export async function getDataItem(
  session: Session,
  adminUrl: string,
  path: string,
): Promise<DataItemJSON> {
  return session.get<DataItemJSON>(dataItemUrl(adminUrl, path));
}

/** Parameters of Find Items: every one narrows the list. */
export interface FindDataItemsParams {
  parentPath?: string;
  ancestorPath?: string;
  /** Comma-separated types such as "folder,egdb". */
  types?: string;
  id?: string;
}

/** REST: `{adminUrl}/data/findItems` (Find Items). */
export async function findDataItems(
  session: Session,
  adminUrl: string,
  params: FindDataItemsParams,
): Promise<{ items?: DataItemJSON[] }> {
  return session.get(`${adminUrl}/data/findItems`, { ...params });
}

/** REST: `{adminUrl}/data/validateAllDataItems` (Validate All Data Items). */
export async function validateAllDataItems(
  session: Session,
  adminUrl: string,
): Promise<StatusResponse> {
  return session.post(`${adminUrl}/data/validateAllDataItems`);
}

/** REST: `{adminUrl}/data/config` (Datastore Configuration). */
export async function getDataStoreConfig(
  session: Session,
  adminUrl: string,
): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${adminUrl}/data/config`);
}

/** REST: `{adminUrl}/data/config/update` (Update Datastore Configuration). */
export async function updateDataStoreConfig(
  session: Session,
  adminUrl: string,
  datastoreConfig: Record<string, unknown>,
): Promise<SuccessResponse> {
  return session.post(`${adminUrl}/data/config/update`, { datastoreConfig });
}

/** REST: `{adminUrl}/data/items{path}/edit` (Edit Data Item). */
export async function editDataItem(
  session: Session,
  adminUrl: string,
  path: string,
  item: Record<string, unknown>,
): Promise<SuccessResponse> {
  return session.post(`${dataItemUrl(adminUrl, path)}/edit`, { item });
}

/** REST: `{adminUrl}/data/validateDataItem` (Validate Data Item). */
export async function validateDataItem(
  session: Session,
  adminUrl: string,
  item: DataItemJSON,
): Promise<StatusResponse> {
  return session.post(`${adminUrl}/data/validateDataItem`, { item });
}

/** REST: `{adminUrl}/data/unregisterItem` (Unregister Item), even when services use it. */
export async function unregisterDataItem(
  session: Session,
  adminUrl: string,
  itempath: string,
): Promise<SuccessResponse> {
  return session.post(`${adminUrl}/data/unregisterItem`, { itempath, force: true });
}

/** REST: `{adminUrl}/data/computeTotalRefCount` (Compute Ref Count). */
export async function computeTotalRefCount(
  session: Session,
  adminUrl: string,
  itempath: string,
): Promise<{ totalRefCount?: number }> {
  return session.get(`${adminUrl}/data/computeTotalRefCount`, { itempath });
}

/** REST: `{adminUrl}/data/items{path}/datasets` (Datasets of a big data file share). */
export async function getDataItemDatasets(
  session: Session,
  adminUrl: string,
  path: string,
): Promise<{ datasets?: Record<string, unknown>[] }> {
  return session.get(`${dataItemUrl(adminUrl, path)}/datasets`);
}

/** REST: `{adminUrl}/data/items{path}/manifest` (Manifest of a big data file share). */
export async function getDataItemManifest(
  session: Session,
  adminUrl: string,
  path: string,
): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${dataItemUrl(adminUrl, path)}/manifest`);
}

/** REST: `{adminUrl}/data/items{path}/manifest/update` (Update Manifest). */
export async function updateDataItemManifest(
  session: Session,
  adminUrl: string,
  path: string,
  manifest: Record<string, unknown>,
): Promise<SuccessResponse> {
  return session.post(`${dataItemUrl(adminUrl, path)}/manifest/update`, { manifest });
}

/** REST: `{adminUrl}/data/items{path}/manifest/regenerate` (Regenerate Manifest). */
export async function regenerateDataItemManifest(
  session: Session,
  adminUrl: string,
  path: string,
): Promise<SuccessResponse> {
  return session.post(`${dataItemUrl(adminUrl, path)}/manifest/regenerate`);
}
