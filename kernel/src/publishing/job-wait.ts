import { getItemStatus } from "../rest/user-items";
import type { GIS } from "../gis";

/** A job's status as `items/{id}/status` reports it. */
export interface JobStatus {
  status: string;
  statusMessage?: string;
  jobId?: string;
  jobType?: string;
  itemId?: string;
  [field: string]: unknown;
}

/** How long-running operations wait: progress callback, cancellation, limits. */
export interface WaitOptions {
  /** Called with each status while the job runs. */
  onProgress?: (status: JobStatus) => void;
  /** Aborting stops the waiting (the job itself runs on in the portal). */
  signal?: AbortSignal;
  /** Give up after this many milliseconds (default 30 minutes). */
  timeoutMs?: number;
  /** First pause between polls in milliseconds (default 250), growing 1.5× to at most 5 s. */
  initialDelayMs?: number;
}

const MAX_DELAY_MS = 5000;

/**
 * Polls a job's status with growing pauses until it completes, and throws when it fails, is
 * cancelled or runs out of time.
 */
export async function waitForJob(
  gis: GIS,
  job: { owner: string; itemId: string; jobId?: string; jobType?: string },
  options: WaitOptions = {},
): Promise<JobStatus> {
  const params = { jobId: job.jobId, jobType: job.jobType };
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60 * 1000);
  let delay = options.initialDelayMs ?? 250;
  for (;;) {
    throwIfAborted(options.signal);
    const status = await getItemStatus<JobStatus>(gis.session, job.owner, job.itemId, params);
    options.onProgress?.(status);
    const state = String(status.status ?? status.jobStatus ?? "").toLowerCase();
    if (state === "completed" || state === "succeeded") return status;
    if (state === "failed" || state === "cancelled") {
      throw new Error(
        `The ${params.jobType ?? ""} job failed: ${status.statusMessage ?? state}`.replace(
          "  ",
          " ",
        ),
      );
    }
    if (Date.now() + delay > deadline)
      throw new Error(`The job ${params.jobId ?? ""} did not finish in time`);
    await pause(delay, options.signal);
    delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.5));
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error("Waiting for the job was cancelled");
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error("Waiting for the job was cancelled"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
