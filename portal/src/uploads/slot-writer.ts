import fs from "node:fs";
import { promisify } from "node:util";
import { Writable } from "node:stream";

const write = promisify(fs.write);
const writev = promisify(fs.writev);
const read = promisify(fs.read);
const open = promisify(fs.open);
const close = promisify(fs.close);

/** Where a part's bytes ended up: its slot in the staging file, or a file of its own. */
export type PartLanding =
  { kind: "slot"; size: number } | { kind: "file"; path: string; size: number };

/** A run of bytes reserved for one part in the staging file. */
export interface Slot {
  readonly offset: number;
  /** The most bytes the slot holds; the next part's slot starts right after it. */
  readonly limit: number;
}

const SPILL_COPY_BYTES = 1024 * 1024;
/** Chunks gathered while a write is in flight go down in one writev: fewer calls into the pool. */
const GATHER_BYTES = 1024 * 1024;

/**
 * Writes a part straight into its slot of the staging file with positioned writes, so that commit
 * has nothing to copy. A part that outgrows its slot moves to a file of its own (`spillPath`),
 * taking the bytes already written with it, and never reaches into the next part's slot.
 */
export class SlotWriter extends Writable {
  private written = 0;
  private spill: number | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly fd: number,
    private readonly slot: Slot,
    /** Where the part goes if it outgrows its slot. */
    readonly spillPath: string,
  ) {
    super({ highWaterMark: GATHER_BYTES });
  }

  /** Where the bytes are, once the writer has finished. */
  landing(): PartLanding {
    return this.spill === undefined
      ? { kind: "slot", size: this.written }
      : { kind: "file", path: this.spillPath, size: this.written };
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error) => void) {
    this.placeAll([chunk], callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error) => void,
  ): void {
    this.placeAll(
      chunks.map(({ chunk }) => chunk),
      callback,
    );
  }

  override _final(callback: (error?: Error) => void): void {
    this.closeAll().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A write still in flight must land before the slot is given to anyone else.
    this.pending
      .catch(() => undefined)
      .then(() => this.closeAll())
      .then(
        () => callback(error),
        () => callback(error),
      );
  }

  private placeAll(chunks: Buffer[], callback: (error?: Error) => void): void {
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    this.pending = this.place(chunks, length).then(() => {
      this.written += length;
    });
    this.pending.then(() => callback(), callback);
  }

  private async place(chunks: Buffer[], length: number): Promise<void> {
    if (this.spill === undefined && this.written + length <= this.slot.limit) {
      await writeAll(this.fd, chunks, this.slot.offset + this.written);
      return;
    }
    if (this.spill === undefined) this.spill = await this.moveToSpill();
    await writeAll(this.spill, chunks, this.written);
  }

  /** Copies what the slot holds so far into the part's own file. */
  private async moveToSpill(): Promise<number> {
    const spill = await open(this.spillPath, "w");
    const buffer = Buffer.allocUnsafe(Math.min(SPILL_COPY_BYTES, Math.max(1, this.written)));
    for (let done = 0; done < this.written;) {
      const { bytesRead } = await read(
        this.fd,
        buffer,
        0,
        Math.min(buffer.length, this.written - done),
        this.slot.offset + done,
      );
      if (bytesRead === 0) throw new Error("the staging file is shorter than the part");
      await writeFully(spill, buffer.subarray(0, bytesRead), done);
      done += bytesRead;
    }
    return spill;
  }

  private released = false;

  private async closeAll(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await close(this.fd);
    if (this.spill !== undefined) await close(this.spill);
  }
}

async function writeAll(fd: number, chunks: Buffer[], position: number): Promise<void> {
  let rest = chunks;
  let at = position;
  while (rest.length > 0) {
    let done = (await writev(fd, rest, at)).bytesWritten;
    if (done === 0) throw new Error("the disk took none of the part's bytes");
    at += done;
    // A short write leaves the tail of the batch for the next call.
    const left: Buffer[] = [];
    for (const chunk of rest) {
      if (done >= chunk.length) done -= chunk.length;
      else {
        left.push(done > 0 ? chunk.subarray(done) : chunk);
        done = 0;
      }
    }
    rest = left;
  }
}

async function writeFully(fd: number, data: Buffer, position: number): Promise<void> {
  for (let done = 0; done < data.length;) {
    done += (await write(fd, data, done, data.length - done, position + done)).bytesWritten;
  }
}
