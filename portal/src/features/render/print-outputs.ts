import { newId } from "../../security/ids";

const KEEP = 200;

/** Printed images, kept in memory for a while so the client can fetch them by URL. */
export class PrintOutputs {
  private readonly files = new Map<string, Buffer>();

  put(data: Buffer): string {
    const id = newId();
    this.files.set(id, data);
    // The oldest outputs go first; a client fetches its image right after the print.
    while (this.files.size > KEEP) this.files.delete(this.files.keys().next().value as string);
    return id;
  }

  get(id: string): Buffer | undefined {
    return this.files.get(id);
  }
}
