import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";

/** Bytes to store: in memory, in a file to move or copy, or a stream to drain. */
export type FileSource =
  { buffer: Buffer } | { path: string; move?: boolean } | { stream: Readable };

/**
 * The files of items on disk, under `<dataDir>/items/<id>/`: `data/<name>` (the item's data),
 * `info/<thumbnail path>`, `info/metadata/metadata.xml`, `resources/<path>` and `parts/<n>` for
 * multipart uploads in progress. SQLite holds the facts, the file system holds the bytes.
 */
const TEXT_DATA_NAME = ".item-text";

export class ItemFiles {
  constructor(private readonly root: string) {}

  itemDir(id: string): string {
    return path.join(this.root, id);
  }

  dataDir(id: string): string {
    return path.join(this.itemDir(id), "data");
  }

  dataFile(id: string, name: string): string {
    return path.join(this.dataDir(id), safeName(name));
  }

  infoFile(id: string, relative: string): string | null {
    return insideOf(path.join(this.itemDir(id), "info"), relative);
  }

  /** Metadata lives under `info` so that `info/metadata/metadata.xml` serves it. */
  metadataFile(id: string): string {
    return path.join(this.itemDir(id), "info", "metadata", "metadata.xml");
  }

  /** Text data (web maps, JSON items) is kept as a file of this name in the data folder. */
  textFile(id: string): string {
    return path.join(this.dataDir(id), TEXT_DATA_NAME);
  }

  resourcesDir(id: string): string {
    return path.join(this.itemDir(id), "resources");
  }

  resourceFile(id: string, relative: string): string | null {
    return insideOf(this.resourcesDir(id), relative);
  }

  partsDir(id: string): string {
    return path.join(this.itemDir(id), "parts");
  }

  /** Replaces the item's data with one file named `name`. Returns its size. */
  async writeData(id: string, name: string, source: FileSource): Promise<number> {
    fs.rmSync(this.dataDir(id), { recursive: true, force: true });
    return write(this.dataFile(id, name), source);
  }

  removeData(id: string): void {
    fs.rmSync(this.dataDir(id), { recursive: true, force: true });
  }

  async write(target: string, source: FileSource): Promise<number> {
    return write(target, source);
  }

  removeItem(id: string): void {
    fs.rmSync(this.itemDir(id), { recursive: true, force: true });
  }

  /** Copies every file of one item to another (item copy and clone keep resources and data). */
  copyItem(fromId: string, toId: string): void {
    const from = this.itemDir(fromId);
    if (!fs.existsSync(from)) return;
    fs.cpSync(from, this.itemDir(toId), {
      recursive: true,
      filter: (source) => !source.startsWith(this.partsDir(fromId)),
    });
  }

  /** Total bytes of every file under the item's resources. */
  resourcesSize(id: string): number {
    return listFiles(this.resourcesDir(id)).reduce((sum, file) => sum + file.size, 0);
  }

  listResources(id: string): { resource: string; size: number; created: number }[] {
    return listFiles(this.resourcesDir(id));
  }
}

async function write(target: string, source: FileSource): Promise<number> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if ("buffer" in source) {
    fs.writeFileSync(target, source.buffer);
  } else if ("path" in source) {
    if (source.move) fs.renameSync(source.path, target);
    else fs.copyFileSync(source.path, target);
  } else {
    await pipeline(source.stream, fs.createWriteStream(target));
  }
  return fs.statSync(target).size;
}

/** A path under `base`, or null when `relative` would leave it (`../`, absolute paths). */
function insideOf(base: string, relative: string): string | null {
  const resolved = path.resolve(base, relative.replace(/^\/+/, ""));
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

/** File names keep their characters but never a directory part. */
export function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/"));
  return base === "" || base === "." || base === ".." ? "file" : base;
}

function listFiles(dir: string): { resource: string; size: number; created: number }[] {
  if (!fs.existsSync(dir)) return [];
  const files: { resource: string; size: number; created: number }[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        files.push({
          resource: path.relative(dir, full).split(path.sep).join("/"),
          size: stat.size,
          created: Math.round(stat.birthtimeMs || stat.mtimeMs),
        });
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => a.resource.localeCompare(b.resource));
}
