/**
 * The one place that builds Sharing REST content paths, so an item's or folder's URL is
 * spelled the same way by every operation (owners and ids are always percent-encoded).
 */

/** `content/items/{id}`: the public face of an item. */
export function itemUrl(itemId: string): string {
  return `content/items/${encodeURIComponent(itemId)}`;
}

/** `content/users/{owner}` or, with a folder id, `content/users/{owner}/{folderId}`. */
export function userContentUrl(owner: string, folderId?: string | null): string {
  const base = `content/users/${encodeURIComponent(owner)}`;
  return folderId ? `${base}/${encodeURIComponent(folderId)}` : base;
}

/** `content/users/{owner}/items/{id}`: the owner's (or an admin's) door to an item. */
export function ownerItemUrl(owner: string, itemId: string): string {
  return `${userContentUrl(owner)}/items/${encodeURIComponent(itemId)}`;
}
