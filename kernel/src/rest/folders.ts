import type { Session } from "../session/session";
import type { ItemJSON } from "../content/item-json";
import { userContentUrl } from "./content-urls";
import type { SuccessResponse } from "./success";

/** A folder of a user's content, as `content/users/{owner}` lists it. */
export interface FolderJSON {
  id: string;
  title: string;
  username?: string;
  created?: number;
  [field: string]: unknown;
}

/** Parameters of a user-content listing. */
export interface UserContentParams {
  start?: number;
  num?: number;
}

/** What `content/users/{owner}[/{folderId}]` answers. */
export interface UserContentResponse {
  username?: string;
  folders?: FolderJSON[];
  items?: ItemJSON[];
  nextStart?: number;
  total?: number;
}

/** REST: `content/users/{owner}[/{folderId}]` (User Content). */
export async function getUserContent(
  session: Session,
  owner: string,
  folderId?: string | null,
  params: UserContentParams = {},
): Promise<UserContentResponse> {
  return session.get<UserContentResponse>(userContentUrl(owner, folderId), { ...params });
}

/** The user's folders: one listing of size 1, which carries them all. */
export async function getFolders(session: Session, owner: string): Promise<FolderJSON[]> {
  return (await getUserContent(session, owner, null, { num: 1 })).folders ?? [];
}

/** REST: `content/users/{owner}/createFolder`. */
export async function createFolder(
  session: Session,
  owner: string,
  title: string,
): Promise<{ success?: boolean; folder: FolderJSON }> {
  return session.post(`${userContentUrl(owner)}/createFolder`, { title });
}

/** REST: `content/users/{owner}/{folderId}/updateFolder`. */
export async function updateFolder(
  session: Session,
  owner: string,
  folderId: string,
  title: string,
): Promise<SuccessResponse> {
  return session.post(`${userContentUrl(owner, folderId)}/updateFolder`, { title });
}

/** REST: `content/users/{owner}/{folderId}/delete` (Delete Folder). */
export async function deleteFolder(
  session: Session,
  owner: string,
  folderId: string,
): Promise<SuccessResponse> {
  return session.post(`${userContentUrl(owner, folderId)}/delete`);
}
