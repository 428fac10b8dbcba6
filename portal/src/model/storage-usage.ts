import fs from "node:fs";
import path from "node:path";

export interface StorageFigures {
  /** Bytes the portal's data directory holds: database, item files, uploads. */
  readonly storageUsage: number;
  /** What the data directory could hold: its usage plus the space left on its disk. */
  readonly storageQuota: number;
  /** Bytes of the SQLite database (with its write-ahead log). */
  readonly databaseUsage: number;
}

/** Storage figures of portals/self, measured on the data directory itself. */
export function storageFigures(databaseFile: string): StorageFigures {
  const dataDir = path.dirname(databaseFile);
  const storageUsage = directorySize(dataDir);
  const disk = fs.statfsSync(dataDir);
  const databaseUsage = [databaseFile, `${databaseFile}-wal`].reduce(
    (sum, file) => sum + fileSize(file),
    0,
  );
  return { storageUsage, storageQuota: storageUsage + disk.bavail * disk.bsize, databaseUsage };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function directorySize(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    // A folder removed while it is measured (an upload finishing) holds nothing any more.
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directorySize(full);
    else if (entry.isFile()) total += fileSize(full);
  }
  return total;
}
