import type { PortalDatabase } from "../db/open-database";
import { newId } from "../security/ids";

export interface CommentRecord {
  readonly id: string;
  readonly itemId: string;
  readonly owner: string;
  readonly comment: string;
  readonly created: number;
}

/**
 * Comments and ratings of items. The item row keeps the counters (numComments, numRatings,
 * avgRating) in step, so search can sort by them without joins.
 */
export class ItemFeedbackStore {
  constructor(private readonly db: PortalDatabase) {}

  addComment(itemId: string, owner: string, comment: string): CommentRecord {
    const record = { id: newId(), itemId, owner, comment, created: Date.now() };
    this.db.transaction(() => {
      this.db
        .prepare(
          "INSERT INTO item_comments (id, item_id, owner, comment, created) VALUES (@id, @itemId, @owner, @comment, @created)",
        )
        .run(record);
      this.recountComments(itemId);
    })();
    return record;
  }

  comments(itemId: string): CommentRecord[] {
    return this.db
      .prepare(
        "SELECT id, item_id AS itemId, owner, comment, created FROM item_comments WHERE item_id = ? ORDER BY created, rowid",
      )
      .all(itemId) as CommentRecord[];
  }

  comment(itemId: string, commentId: string): CommentRecord | null {
    const row = this.db
      .prepare(
        "SELECT id, item_id AS itemId, owner, comment, created FROM item_comments WHERE item_id = ? AND id = ?",
      )
      .get(itemId, commentId) as CommentRecord | undefined;
    return row ?? null;
  }

  updateComment(commentId: string, comment: string): void {
    this.db.prepare("UPDATE item_comments SET comment = ? WHERE id = ?").run(comment, commentId);
  }

  deleteComment(itemId: string, commentId: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM item_comments WHERE id = ?").run(commentId);
      this.recountComments(itemId);
    })();
  }

  rating(itemId: string, username: string): { rating: number; created: number } | null {
    const row = this.db
      .prepare("SELECT rating, created FROM item_ratings WHERE item_id = ? AND username = ?")
      .get(itemId, username) as { rating: number; created: number } | undefined;
    return row ?? null;
  }

  setRating(itemId: string, username: string, rating: number | null): void {
    this.db.transaction(() => {
      if (rating === null) {
        this.db
          .prepare("DELETE FROM item_ratings WHERE item_id = ? AND username = ?")
          .run(itemId, username);
      } else {
        this.db
          .prepare(
            `INSERT INTO item_ratings (item_id, username, rating, created) VALUES (?, ?, ?, ?)
             ON CONFLICT (item_id, username) DO UPDATE SET rating = excluded.rating, created = excluded.created`,
          )
          .run(itemId, username, rating, Date.now());
      }
      this.db
        .prepare(
          `UPDATE items SET
             num_ratings = (SELECT COUNT(*) FROM item_ratings WHERE item_id = @id),
             avg_rating = COALESCE((SELECT AVG(rating) FROM item_ratings WHERE item_id = @id), 0)
           WHERE id = @id`,
        )
        .run({ id: itemId });
    })();
  }

  private recountComments(itemId: string): void {
    this.db
      .prepare(
        "UPDATE items SET num_comments = (SELECT COUNT(*) FROM item_comments WHERE item_id = @id) WHERE id = @id",
      )
      .run({ id: itemId });
  }
}
