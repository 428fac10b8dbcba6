import { fork } from "node:child_process";
import path from "node:path";
import type { RunInput, RunSample, Side } from "./case-types";

/** What the parent sends the worker. */
export interface WorkerRequest {
  caseId: string;
  side: Side;
  input: RunInput;
}

/** What the worker answers. */
export type WorkerReply = ({ ok: true } & RunSample) | { ok: false; error: string };

const WORKER = path.join(__dirname, "worker.js");

/**
 * Runs one side of a case in a fresh Node process, so that its peak resident memory is its own
 * and neither client shares a warm heap or connection pool with the other.
 */
export function runInChild(request: WorkerRequest): Promise<RunSample> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let reply: WorkerReply | undefined;
    child.once("message", (message) => {
      reply = message as WorkerReply;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (reply?.ok)
        resolve({ ms: reply.ms, peakRssBytes: reply.peakRssBytes, detail: reply.detail });
      else if (reply) reject(new Error(`${request.caseId} (${request.side}): ${reply.error}`));
      else
        reject(new Error(`${request.caseId} (${request.side}): worker exited (${signal ?? code})`));
    });
    child.send(request);
  });
}
