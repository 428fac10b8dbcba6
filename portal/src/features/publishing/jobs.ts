import { newId } from "../../security/ids";

const MAX_JOBS = 10_000;

export type JobType = "publish" | "export";

export interface Job {
  readonly id: string;
  readonly type: JobType;
  readonly itemId: string;
  readonly owner: string;
  status: "processing" | "completed" | "failed";
  statusMessage: string;
}

/**
 * Publishing and export jobs of this portal run. The work starts after the request that asked
 * for it has been answered, as on ArcGIS Online, and clients poll the item's `status`.
 * Jobs live in memory: a restarted portal has forgotten finished ones.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(type: JobType, itemId: string, owner: string, work: () => void): Job {
    const job: Job = {
      id: newId(),
      type,
      itemId,
      owner,
      status: "processing",
      statusMessage: "processing",
    };
    this.jobs.set(job.id, job);
    // Only recent jobs are kept; clients poll a job while it runs and shortly after.
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
    setImmediate(() => {
      try {
        work();
        job.status = "completed";
        job.statusMessage = "completed";
      } catch (error) {
        job.status = "failed";
        job.statusMessage =
          error instanceof Error
            ? ((error as { details?: string[] }).details?.[0] ?? error.message)
            : "failed";
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** The latest job of an item, for status requests without a jobId. */
  latestFor(itemId: string, type?: string): Job | undefined {
    return [...this.jobs.values()]
      .reverse()
      .find((job) => job.itemId === itemId && (!type || job.type === type));
  }
}
