// Runs cells one after another. When a cell fails and asked to stop on error, the cells that
// were already waiting behind it are aborted (as ipykernel does for "Run All"); cells sent
// after the failure run normally.

export type QueuedOutcome<T> = { aborted: true } | { aborted: false; value: T };

export class ExecutionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private enqueued = 0;
  private abortThrough = 0;

  run<T>(task: () => Promise<T>): Promise<QueuedOutcome<T>> {
    const ticket = ++this.enqueued;
    const outcome = this.tail.then(async (): Promise<QueuedOutcome<T>> => {
      if (ticket <= this.abortThrough) return { aborted: true };
      return { aborted: false, value: await task() };
    });
    this.tail = outcome.catch(() => undefined);
    return outcome;
  }

  abortWaiting(): void {
    this.abortThrough = this.enqueued;
  }
}
