import fs from "node:fs";
import type { WorkerReply, WorkerRequest } from "./child-runner";
import { sidePreparers } from "../sides";

/**
 * The child process of one run: prepares the side (untimed), times the work, and reports the
 * time and the process's peak resident set size to the parent.
 */
process.once("message", (message: WorkerRequest) => {
  void runOnce(message).then((reply) => {
    process.send?.(reply, () => process.exit(0));
  });
});

async function runOnce(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const prepare = sidePreparers[request.caseId]?.[request.side];
    if (!prepare) return { ok: false, error: `no ${request.side} side for case ${request.caseId}` };
    const work = await prepare(request.input);
    const started = process.hrtime.bigint();
    const detail = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ok: true, ms, peakRssBytes: peakRssBytes(), detail };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The high-water mark of this process's resident memory. On Linux, VmHWM belongs to this
 * program's own address space; getrusage's maxRSS is not used there because it keeps the RSS of
 * the parent at the moment it forked (the portal and its seeded data), whatever the child does.
 */
function peakRssBytes(): number {
  try {
    const status = fs.readFileSync("/proc/self/status", "utf8");
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall through to getrusage.
  }
  return process.resourceUsage().maxRSS * 1024;
}
