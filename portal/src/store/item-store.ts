import type { PortalDatabase } from "../db/open-database";
import { cachedStatement } from "../db/statement-cache";
import { itemFromRow, type ItemAccess, type ItemRecord, type ItemRow } from "../model/item-record";
import { newId } from "../security/ids";

/** The columns an add or update may set; everything else is managed by the portal. */
export interface ItemFields {
  title?: string;
  type?: string;
  typeKeywords?: string[];
  tags?: string[];
  snippet?: string | null;
  description?: string | null;
  url?: string | null;
  extent?: number[][] | null;
  access?: ItemAccess;
  protected?: boolean;
  contentStatus?: string | null;
  properties?: Record<string, unknown> | null;
  extra?: Record<string, unknown>;
  folderId?: string | null;
  owner?: string;
  name?: string | null;
  size?: number;
  thumbnail?: string | null;
  uploadStatus?: string | null;
}

const COLUMN_OF: Record<keyof ItemFields, string> = {
  title: "title",
  type: "type",
  typeKeywords: "type_keywords_json",
  tags: "tags_json",
  snippet: "snippet",
  description: "description",
  url: "url",
  extent: "extent_json",
  access: "access",
  protected: "protected",
  contentStatus: "content_status",
  properties: "properties_json",
  extra: "extra_json",
  folderId: "folder_id",
  owner: "owner",
  name: "name",
  size: "size",
  thumbnail: "thumbnail",
  uploadStatus: "upload_status",
};

const JSON_FIELDS = new Set<keyof ItemFields>([
  "typeKeywords",
  "tags",
  "extent",
  "properties",
  "extra",
]);

function columnValue(field: keyof ItemFields, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (JSON_FIELDS.has(field)) return JSON.stringify(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export class ItemStore {
  constructor(private readonly db: PortalDatabase) {}

  get(id: string): ItemRecord | null {
    const row = cachedStatement(this.db, "SELECT rowid, * FROM items WHERE id = ?").get(id) as
      ItemRow | undefined;
    return row ? itemFromRow(row) : null;
  }

  getMany(ids: readonly string[]): ItemRecord[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT rowid, * FROM items WHERE id IN (${ids.map(() => "?").join(",")})`)
      .all(...ids) as ItemRow[];
    const byId = new Map(rows.map((row) => [row.id, itemFromRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  insert(
    owner: string,
    orgId: string,
    fields: ItemFields & { title: string; type: string },
    id = newId(),
  ): ItemRecord {
    const now = Date.now();
    const values: Record<string, unknown> = {
      id,
      owner,
      org_id: orgId,
      created: now,
      modified: now,
      type_keywords_json: "[]",
      tags_json: "[]",
      extra_json: "{}",
      access: "private",
    };
    for (const [field, value] of Object.entries(fields)) {
      const key = field as keyof ItemFields;
      if (value !== undefined) values[COLUMN_OF[key]] = columnValue(key, value);
    }
    const columns = Object.keys(values);
    this.db
      .prepare(
        `INSERT INTO items (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
      )
      .run(values);
    return this.get(id) as ItemRecord;
  }

  /** Sets the given fields; `touch` (the default) moves `modified` to now. */
  update(id: string, fields: ItemFields, touch = true): ItemRecord {
    const values: Record<string, unknown> = { id };
    const sets: string[] = [];
    for (const [field, value] of Object.entries(fields)) {
      const key = field as keyof ItemFields;
      if (value === undefined) continue;
      const column = COLUMN_OF[key];
      values[column] = columnValue(key, value);
      sets.push(`${column} = @${column}`);
    }
    if (touch) {
      values.modified = Date.now();
      sets.push("modified = @modified");
    }
    if (sets.length > 0) {
      cachedStatement(this.db, `UPDATE items SET ${sets.join(", ")} WHERE id = @id`).run(values);
    }
    return this.get(id) as ItemRecord;
  }

  /** Sets who may see the item, leaving `modified` alone, as sharing does on ArcGIS Online. */
  setAccess(id: string, access: ItemAccess): void {
    cachedStatement(this.db, "UPDATE items SET access = ? WHERE id = ?").run(access, id);
  }

  delete(id: string): void {
    this.db.prepare("DELETE FROM items WHERE id = ?").run(id);
  }

  countViews(id: string, day: number): void {
    this.db.prepare("UPDATE items SET num_views = num_views + 1 WHERE id = ?").run(id);
    this.db
      .prepare(
        `INSERT INTO item_usage (item_id, day, count) VALUES (?, ?, 1)
         ON CONFLICT (item_id, day) DO UPDATE SET count = count + 1`,
      )
      .run(id, day);
  }

  usage(id: string, fromDay: number): { day: number; count: number }[] {
    return this.db
      .prepare("SELECT day, count FROM item_usage WHERE item_id = ? AND day >= ? ORDER BY day")
      .all(id, fromDay) as { day: number; count: number }[];
  }

  /** A user's items in one folder (null: the root), oldest first as the portal lists them. */
  listOwned(
    owner: string,
    folderId: string | null,
    start: number,
    num: number,
  ): { total: number; items: ItemRecord[] } {
    const where = folderId === null ? "folder_id IS NULL" : "folder_id = @folderId";
    const params = { owner, folderId, limit: num, offset: start - 1 };
    const total = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM items WHERE owner = @owner AND ${where}`)
        .get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT rowid, * FROM items WHERE owner = @owner AND ${where}
         ORDER BY created, rowid LIMIT @limit OFFSET @offset`,
      )
      .all(params) as ItemRow[];
    return { total, items: rows.map(itemFromRow) };
  }

  idsInFolder(folderId: string): string[] {
    return (
      this.db.prepare("SELECT id FROM items WHERE folder_id = ?").all(folderId) as { id: string }[]
    ).map((row) => row.id);
  }

  /** The categories of each of `ids` (absent: none), in one query for a whole page of items. */
  categoriesOfItems(ids: readonly string[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    if (ids.length === 0) return found;
    const rows = cachedStatement(
      this.db,
      `SELECT item_id AS id, category FROM item_categories
       WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, category`,
    ).all(JSON.stringify(ids)) as { id: string; category: string }[];
    for (const row of rows) {
      const list = found.get(row.id);
      if (list) list.push(row.category);
      else found.set(row.id, [row.category]);
    }
    return found;
  }

  categoriesOf(id: string): string[] {
    return this.categoriesOfItems([id]).get(id) ?? [];
  }

  setCategories(id: string, categories: readonly string[]): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM item_categories WHERE item_id = ?").run(id);
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO item_categories (item_id, category) VALUES (?, ?)",
      );
      for (const category of categories) insert.run(id, category);
    })();
  }

  /** Groups the item is shared with. */
  groupIdsOf(id: string): string[] {
    return (
      cachedStatement(this.db, "SELECT group_id FROM item_groups WHERE item_id = ?").all(id) as {
        group_id: string;
      }[]
    ).map((row) => row.group_id);
  }

  shareWithGroup(id: string, groupId: string): void {
    cachedStatement(
      this.db,
      "INSERT OR IGNORE INTO item_groups (item_id, group_id, shared) VALUES (?, ?, ?)",
    ).run(id, groupId, Date.now());
  }

  unshareFromGroup(id: string, groupId: string): void {
    cachedStatement(this.db, "DELETE FROM item_groups WHERE item_id = ? AND group_id = ?").run(
      id,
      groupId,
    );
  }

  /** Is `username` a member of a group the item is shared with? */
  sharedWithMemberOf(id: string, username: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM item_groups ig JOIN group_members gm ON gm.group_id = ig.group_id
           WHERE ig.item_id = ? AND gm.username = ? LIMIT 1`,
        )
        .get(id, username) !== undefined
    );
  }
}
