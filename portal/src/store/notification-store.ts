import type { PortalDatabase } from "../db/open-database";
import { newId } from "../security/ids";

export interface NotificationRecord {
  readonly id: string;
  readonly username: string;
  readonly type: string;
  readonly target: string | null;
  readonly targetType: string | null;
  readonly data: Record<string, unknown>;
  readonly created: number;
}

/** User notifications: group applications answered, invitations, messages from administrators. */
export class NotificationStore {
  constructor(private readonly db: PortalDatabase) {}

  add(
    username: string,
    type: string,
    data: Record<string, unknown>,
    target: { id: string; type: string } | null = null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO notifications (id, username, type, target, target_type, data_json, created)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newId(),
        username,
        type,
        target?.id ?? null,
        target?.type ?? null,
        JSON.stringify(data),
        Date.now(),
      );
  }

  listFor(username: string): NotificationRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM notifications WHERE username = ? ORDER BY created DESC, rowid DESC")
      .all(username) as {
      id: string;
      username: string;
      type: string;
      target: string | null;
      target_type: string | null;
      data_json: string;
      created: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      type: row.type,
      target: row.target,
      targetType: row.target_type,
      data: JSON.parse(row.data_json) as Record<string, unknown>,
      created: row.created,
    }));
  }

  delete(username: string, id: string): boolean {
    return (
      this.db.prepare("DELETE FROM notifications WHERE id = ? AND username = ?").run(id, username)
        .changes > 0
    );
  }
}

export function notificationJson(notification: NotificationRecord): Record<string, unknown> {
  return {
    id: notification.id,
    type: notification.type,
    target: notification.target,
    targetType: notification.targetType,
    received: notification.created,
    data: notification.data,
  };
}
