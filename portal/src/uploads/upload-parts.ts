import fs from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ItemFiles } from "../store/item-files";
import type { PartLanding, Slot } from "./slot-writer";

/** One uploaded part: where it is and how many bytes it holds. */
export interface PartRecord {
  readonly partNum: number;
  readonly size: number;
  /** In its slot of the staging file, or in `parts/<partNum>`. */
  readonly where: "slot" | "file";
}

const STAGING = "data";
const STRIDE = "stride";
const SLOT_SUFFIX = ".slot";

/**
 * The parts of the multipart uploads in progress, under `items/<id>/parts/`: a staging file
 * (`data`) where each part is written at `(partNum - 1) × stride`, the stride (part 1's size,
 * in `stride`), a marker `<n>.slot` holding the size of each part that is in its slot, and
 * `<n>` for a part kept in a file of its own (a repeat, a part sent before the stride was known,
 * one that did not fit its slot). The slots being written are remembered in memory: a slot is
 * written by one request at a time and never while its part is recorded, so a part that fails
 * half-way never damages one already stored.
 */
export class UploadParts {
  private readonly writing = new Map<string, Set<number>>();

  constructor(
    private readonly files: ItemFiles,
    /** Where a finished upload's leftovers are moved before they are deleted. */
    private readonly scratchDir: string,
  ) {}

  stagingFile(itemId: string): string {
    return path.join(this.files.partsDir(itemId), STAGING);
  }

  /** Part 1's size once it is stored in its slot: the distance between slots. */
  stride(itemId: string): number | undefined {
    try {
      const stride = Number(fs.readFileSync(this.entry(itemId, STRIDE), "utf8"));
      return Number.isInteger(stride) && stride > 0 ? stride : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Reserves the part's slot for one writer, or answers undefined when the part must go to a
   * file of its own: it is already stored or being written (a repeat), or the slots' places are
   * not known yet (part 1 has not arrived).
   */
  claimSlot(itemId: string, partNum: number, maxBytes: number): Slot | undefined {
    const writing = this.writing.get(itemId) ?? new Set<number>();
    if (writing.has(partNum) || this.isStored(itemId, partNum)) return undefined;
    const stride = this.stride(itemId);
    let slot: Slot;
    if (partNum === 1 && stride === undefined) slot = { offset: 0, limit: maxBytes };
    else if (stride === undefined) return undefined;
    else slot = { offset: (partNum - 1) * stride, limit: stride };
    writing.add(partNum);
    this.writing.set(itemId, writing);
    return slot;
  }

  release(itemId: string, partNum: number): void {
    const writing = this.writing.get(itemId);
    writing?.delete(partNum);
    if (writing?.size === 0) this.writing.delete(itemId);
  }

  /** Whether a slot is being written: commit must wait for it. */
  isWriting(itemId: string): boolean {
    return (this.writing.get(itemId)?.size ?? 0) > 0;
  }

  /** Opens the staging file for positioned writes, creating it empty the first time. */
  openStaging(itemId: string): number {
    fs.mkdirSync(this.files.partsDir(itemId), { recursive: true });
    return fs.openSync(this.stagingFile(itemId), fs.constants.O_RDWR | fs.constants.O_CREAT);
  }

  /** Stores a finished part; the newest upload of a part number replaces the older one. */
  record(itemId: string, partNum: number, landing: PartLanding): void {
    fs.mkdirSync(this.files.partsDir(itemId), { recursive: true });
    const file = this.entry(itemId, String(partNum));
    const marker = this.entry(itemId, `${partNum}${SLOT_SUFFIX}`);
    if (landing.kind === "slot") {
      fs.writeFileSync(marker, String(landing.size));
      fs.rmSync(file, { force: true });
      if (partNum === 1 && landing.size > 0 && this.stride(itemId) === undefined)
        fs.writeFileSync(this.entry(itemId, STRIDE), String(landing.size));
    } else {
      fs.renameSync(landing.path, file);
      fs.rmSync(marker, { force: true });
    }
  }

  /** The stored parts in part-number order. */
  list(itemId: string): PartRecord[] {
    const dir = this.files.partsDir(itemId);
    if (!fs.existsSync(dir)) return [];
    const parts = new Map<number, PartRecord>();
    for (const name of fs.readdirSync(dir)) {
      const slot = /^(\d+)\.slot$/.exec(name);
      if (slot) {
        const partNum = Number(slot[1]);
        const size = Number(fs.readFileSync(path.join(dir, name), "utf8"));
        // A part in a file of its own is the newer one if a crash left both behind.
        if (!parts.has(partNum)) parts.set(partNum, { partNum, size, where: "slot" });
      } else if (/^\d+$/.test(name)) {
        const partNum = Number(name);
        const size = fs.statSync(path.join(dir, name)).size;
        parts.set(partNum, { partNum, size, where: "file" });
      }
    }
    return [...parts.values()].sort((a, b) => a.partNum - b.partNum);
  }

  /** The file holding a part stored in a file of its own. */
  partFile(itemId: string, partNum: number): string {
    return this.entry(itemId, String(partNum));
  }

  /**
   * Forgets an upload once its file is in place. The markers are moved aside at once and
   * deleted in the background: a hundred small deletions need not delay the commit's answer.
   */
  remove(itemId: string): void {
    const dir = this.files.partsDir(itemId);
    const aside = path.join(this.scratchDir, `${itemId}-${randomBytes(6).toString("hex")}.done`);
    try {
      fs.mkdirSync(this.scratchDir, { recursive: true });
      fs.renameSync(dir, aside);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    void fs.promises.rm(aside, { recursive: true, force: true }).catch(() => undefined);
  }

  private isStored(itemId: string, partNum: number): boolean {
    return (
      fs.existsSync(this.entry(itemId, String(partNum))) ||
      fs.existsSync(this.entry(itemId, `${partNum}${SLOT_SUFFIX}`))
    );
  }

  private entry(itemId: string, name: string): string {
    return path.join(this.files.partsDir(itemId), name);
  }
}
