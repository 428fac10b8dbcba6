// An item's resource files (`content/items/{id}/resources`, and the owner's add, update and
// remove operations), one typed function each; ResourceManager calls these.
import type { Readable } from "node:stream";
import type { ResourceChange, ResourceInfo } from "../content/resource-manager";
import type { FilePart } from "../session/files";
import type { Session } from "../session/session";
import { itemUrl, ownerItemUrl } from "./content-urls";
import type { SuccessResponse } from "./success";

/** `content/items/{id}/resources/{path}`, each segment of the path encoded. */
function resourceUrl(itemId: string, file: string): string {
  return `${itemUrl(itemId)}/resources/${file.split("/").map(encodeURIComponent).join("/")}`;
}

/** REST: `content/items/{id}/resources` (Item Resources), up to 1,000. */
export async function listItemResources(
  session: Session,
  itemId: string,
): Promise<{ resources?: ResourceInfo[] }> {
  return session.get(`${itemUrl(itemId)}/resources`, { num: 1000 });
}

/** One resource file as text. */
export async function getItemResourceText(
  session: Session,
  itemId: string,
  file: string,
): Promise<string> {
  return session.request(resourceUrl(itemId, file), {}, { method: "GET", responseKind: "text" });
}

/** One resource file as a stream. */
export async function getItemResourceStream(
  session: Session,
  itemId: string,
  file: string,
): Promise<Readable> {
  return session.request(resourceUrl(itemId, file), {}, { method: "GET", responseKind: "stream" });
}

/** Parameters of Add Resources / Update Resources. */
export interface ResourceChangeParams {
  resourcesPrefix?: string;
  fileName?: string;
  text?: string;
  archive?: boolean;
}

/** REST: `content/users/{owner}/items/{id}/addResources` or `updateResources`. */
export async function changeItemResources(
  session: Session,
  owner: string,
  itemId: string,
  operation: "addResources" | "updateResources",
  params: ResourceChangeParams,
  files: Record<string, FilePart> | undefined,
): Promise<ResourceChange> {
  // Safe to repeat: the same file lands under the same name.
  return session.request<ResourceChange>(
    `${ownerItemUrl(owner, itemId)}/${operation}`,
    { ...params },
    { files, idempotent: true },
  );
}

/** REST: `content/users/{owner}/items/{id}/removeResources` (one file, or all). */
export async function removeItemResources(
  session: Session,
  owner: string,
  itemId: string,
  file: string | undefined,
): Promise<SuccessResponse> {
  return session.post(
    `${ownerItemUrl(owner, itemId)}/removeResources`,
    file === undefined ? { deleteAll: true } : { resource: file },
  );
}
