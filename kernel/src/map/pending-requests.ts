// Requests the kernel sends to the browser views and whose answers come back as custom
// messages with the same requestId (screenshots). Each waits a bounded time: with no view
// on screen nobody answers, and the caller should hear that rather than hang.
import { randomUUID } from "crypto";

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class PendingRequests<T> {
  private readonly pending = new Map<string, Pending<T>>();

  /** Registers a request, calls `send` with its id, and resolves with the matching answer. */
  start(send: (requestId: string) => void, timeoutMs: number, timeoutMessage: string): Promise<T> {
    const requestId = randomUUID();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(timeoutMessage));
      }, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      send(requestId);
    });
  }

  /** The first answer wins: several views may answer the same request. */
  settle(requestId: unknown, outcome: { value: T } | { error: Error }): void {
    if (typeof requestId !== "string") return;
    const entry = this.pending.get(requestId);
    if (!entry) return;
    this.pending.delete(requestId);
    clearTimeout(entry.timer);
    if ("value" in outcome) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
  }

  rejectAll(error: Error): void {
    for (const [requestId, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.pending.delete(requestId);
      entry.reject(error);
    }
  }
}
