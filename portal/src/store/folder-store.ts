import type { PortalDatabase } from "../db/open-database";
import { newId } from "../security/ids";

export interface FolderRecord {
  readonly id: string;
  readonly owner: string;
  readonly title: string;
  readonly created: number;
}

/** The JSON of a folder in `content/users/{u}` and createFolder answers. */
export function folderJson(folder: FolderRecord): Record<string, unknown> {
  return {
    username: folder.owner,
    id: folder.id,
    title: folder.title,
    created: folder.created,
  };
}

export class FolderStore {
  constructor(private readonly db: PortalDatabase) {}

  list(owner: string): FolderRecord[] {
    return this.db
      .prepare("SELECT * FROM folders WHERE owner = ? ORDER BY created, title")
      .all(owner) as FolderRecord[];
  }

  /** A folder of `owner` by id or, as clients often pass, by title (case-insensitive). */
  find(owner: string, idOrTitle: string): FolderRecord | null {
    const row = this.db
      .prepare(
        `SELECT * FROM folders WHERE owner = ? AND (id = ? OR title = ? COLLATE NOCASE)
         ORDER BY id = ? DESC LIMIT 1`,
      )
      .get(owner, idOrTitle, idOrTitle, idOrTitle) as FolderRecord | undefined;
    return row ?? null;
  }

  create(owner: string, title: string): FolderRecord {
    const folder = { id: newId(), owner, title, created: Date.now() };
    this.db
      .prepare(
        "INSERT INTO folders (id, owner, title, created) VALUES (@id, @owner, @title, @created)",
      )
      .run(folder);
    return folder;
  }

  rename(id: string, title: string): void {
    this.db.prepare("UPDATE folders SET title = ? WHERE id = ?").run(title, id);
  }

  delete(id: string): void {
    this.db.prepare("DELETE FROM folders WHERE id = ?").run(id);
  }
}
