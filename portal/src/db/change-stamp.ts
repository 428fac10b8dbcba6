import type { PortalDatabase } from "./open-database";
import { cachedStatement } from "./statement-cache";

/**
 * A value that changes whenever the database may have changed: this connection's count of
 * changed rows, and SQLite's data_version, which moves when another connection commits. What
 * is remembered under a stamp (a count, a page start) is valid while the stamp is the same.
 */
export function changeStamp(db: PortalDatabase): string {
  const { changes } = cachedStatement(db, "SELECT total_changes() AS changes").get() as {
    changes: number;
  };
  const { data_version: version } = cachedStatement(db, "PRAGMA data_version").get() as {
    data_version: number;
  };
  return `${changes}:${version}`;
}
