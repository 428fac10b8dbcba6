// Ends the kernel when the Jupyter server that started it is gone. jupyter_client starts
// kernels in their own session, so a server that is killed or crashes, instead of shutting its
// kernels down, leaves them running with nobody to talk to. jupyter_client passes its pid in
// JPY_PARENT_PID (ipykernel watches it the same way).
import { kernelLog } from "./kernel-log";

const POLL_INTERVAL_MS = 1000;

/** Starts watching; does nothing when the kernel was not started by jupyter_client. */
export function exitWhenParentIsGone(environment: NodeJS.ProcessEnv = process.env): void {
  const parent = Number(environment.JPY_PARENT_PID);
  if (!Number.isInteger(parent) || parent <= 1 || process.ppid !== parent) return;
  const timer = setInterval(() => {
    // An orphan is adopted by init or a subreaper: its parent pid changes.
    if (process.ppid === parent) return;
    kernelLog(`the Jupyter server (pid ${parent}) is gone; exiting`);
    process.exit(0);
  }, POLL_INTERVAL_MS);
  timer.unref();
}
