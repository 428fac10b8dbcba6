import type { PortalDatabase } from "../db/open-database";

export interface StoredThumbnail {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** Profile and group thumbnails, kept in SQLite because they are small (at most 1 MB). */
export class ThumbnailStore {
  constructor(private readonly db: PortalDatabase) {}

  get(kind: "user" | "group", ownerId: string): StoredThumbnail | null {
    const row = this.db
      .prepare(
        "SELECT filename, content_type, data FROM thumbnails WHERE owner_kind = ? AND owner_id = ?",
      )
      .get(kind, ownerId) as { filename: string; content_type: string; data: Buffer } | undefined;
    return row ? { filename: row.filename, contentType: row.content_type, data: row.data } : null;
  }

  put(kind: "user" | "group", ownerId: string, thumbnail: StoredThumbnail): void {
    this.db
      .prepare(
        `INSERT INTO thumbnails (owner_kind, owner_id, filename, content_type, data)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (owner_kind, owner_id) DO UPDATE SET filename = excluded.filename,
           content_type = excluded.content_type, data = excluded.data`,
      )
      .run(kind, ownerId, thumbnail.filename, thumbnail.contentType, thumbnail.data);
  }

  delete(kind: "user" | "group", ownerId: string): void {
    this.db
      .prepare("DELETE FROM thumbnails WHERE owner_kind = ? AND owner_id = ?")
      .run(kind, ownerId);
  }
}
