import path from "node:path";
import type { PortalContext } from "../server/portal-context";
import { FolderStore } from "./folder-store";
import { ItemFiles } from "./item-files";
import { ItemStore } from "./item-store";
import { SharingGroups } from "./sharing-groups";

/** The stores the content routes share, made once per running portal. */
export interface ContentServices {
  readonly context: PortalContext;
  readonly items: ItemStore;
  readonly folders: FolderStore;
  readonly files: ItemFiles;
  readonly groups: SharingGroups;
  /** Where uploads wait before they are moved into place. */
  readonly uploadDir: string;
}

export function createContentServices(context: PortalContext): ContentServices {
  // The database file lives in the data directory; item files go beside it.
  const dataDir = path.dirname(context.db.name);
  return {
    context,
    items: new ItemStore(context.db),
    folders: new FolderStore(context.db),
    files: new ItemFiles(path.join(dataDir, "items")),
    groups: new SharingGroups(context.db),
    uploadDir: path.join(dataDir, "uploads"),
  };
}
