// The order in which a view applies the model's changes (widget/src/sync/task-queue.ts).
import { TaskQueue } from "../../widget/src/sync/task-queue";

function later<T>(value: T, ms: number): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

describe("the view's step queue", () => {
  it("runs steps one at a time in the order they came, even when an early one is slow", async () => {
    const queue = new TaskQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      log.push("mode: start");
      await later(null, 40);
      log.push("mode: ready");
      return "3D";
    });
    const quick = queue.run(() => {
      log.push("tilt");
      return 45;
    });
    expect(await Promise.all([slow, quick])).toEqual(["3D", 45]);
    expect(log).toEqual(["mode: start", "mode: ready", "tilt"]);
  });

  it("is busy while a step runs or waits, and idle after the last", async () => {
    const queue = new TaskQueue();
    expect(queue.busy).toBe(false);
    const first = queue.run(() => later(1, 20));
    const second = queue.run(() => later(2, 20));
    expect(queue.busy).toBe(true);
    await first;
    expect(queue.busy).toBe(true);
    await second;
    await later(null, 0);
    expect(queue.busy).toBe(false);
  });

  it("goes on after a failed step and hands its error to whoever queued it", async () => {
    const queue = new TaskQueue();
    const failed = queue.run(() => Promise.reject(new Error("view destroyed")));
    const next = queue.run(() => "moved");
    await expect(failed).rejects.toThrow("view destroyed");
    await expect(next).resolves.toBe("moved");
  });
});
