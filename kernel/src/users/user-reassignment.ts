import { ArcGISError } from "../errors";
import { createFolder, getFolders, getUserContent } from "../rest/folders";
import { GROUP_SEARCH_URL, reassignGroup } from "../rest/groups";
import { getItem, reassignItem } from "../rest/items";
import type { GIS } from "../gis";
import type { GroupJSON } from "../groups/group";
import { pagedSearch } from "../rest/paged-search";

/**
 * Moves a user's items and groups to another user, as the Python `User.reassign_to` does: items
 * of each folder go into the target's folder `<user>_<folder>` (root items: `<user>_root`), then
 * every group the user owns is reassigned.
 */
export async function reassignUserContent(gis: GIS, from: string, to: string): Promise<boolean> {
  const session = gis.session;
  const root = await getUserContent(session, from, null, { num: 1 });
  const sources: { folderId: string | null; title: string }[] = [
    { folderId: null, title: "root" },
    ...(root.folders ?? []).map((folder) => ({ folderId: folder.id, title: folder.title })),
  ];
  for (const source of sources) {
    const ids = await itemIdsIn(gis, from, source.folderId);
    if (ids.length === 0) continue;
    const targetFolder = `${from}_${source.title}`;
    await ensureFolder(gis, to, targetFolder);
    for (const id of ids) {
      try {
        await reassignItem(session, from, id, {
          targetUsername: to,
          targetFoldername: targetFolder,
        });
      } catch (error) {
        // A hosted layer's reassignment takes its source file and views along: an item listed
        // before may already be the target's.
        if (!(error instanceof ArcGISError) || !(await ownedBy(gis, id, to))) throw error;
      }
    }
  }
  const groups = await pagedSearch<GroupJSON>(
    session,
    GROUP_SEARCH_URL,
    { q: `owner:${from}` },
    -1,
  );
  for (const group of groups.filter((g) => g.owner?.toLowerCase() === from.toLowerCase())) {
    await reassignGroup(session, group.id, to);
  }
  return true;
}

async function ownedBy(gis: GIS, itemId: string, username: string): Promise<boolean> {
  const item = await getItem(gis.session, itemId);
  return item.owner?.toLowerCase() === username.toLowerCase();
}

async function itemIdsIn(gis: GIS, owner: string, folderId: string | null): Promise<string[]> {
  const ids: string[] = [];
  let start = 1;
  for (;;) {
    const page = await getUserContent(gis.session, owner, folderId, { start, num: 100 });
    ids.push(...(page.items ?? []).map((item) => item.id));
    if (!page.nextStart || page.nextStart < 0) return ids;
    start = page.nextStart;
  }
}

async function ensureFolder(gis: GIS, owner: string, title: string): Promise<void> {
  const existing = await getFolders(gis.session, owner);
  if (existing.some((folder) => folder.title === title)) return;
  await createFolder(gis.session, owner, title);
}
