// Runs a view's asynchronous steps (creating a view, moving it) one after another, in the
// order the model's changes arrived. With Run All the kernel sets several values within
// milliseconds; a step started while another is under way would interrupt or undo it (a goTo
// cancels the goTo in progress; a view being replaced answers nothing), so each waits its turn.
export class TaskQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** True while a step runs or waits: what a view reads then is not where it will end. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Queues `task`; resolves or rejects with it. A failed step does not stop the next ones. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tail = settled.then(() => {
      this.pending -= 1;
    });
    return result;
  }
}
