import fs from "node:fs";
import { startPortal } from "@tsgis/portal";

/**
 * The portal of the publishing case, in a process of its own so that its peak resident memory
 * is measured apart from the client's and the harness's. It reports its URL, then its peak
 * memory when asked, and stops.
 */
process.once("message", (message: { admin: { username: string; password: string } }) => {
  void startPortal({ port: 0, admin: message.admin }).then((portal) => {
    process.on("message", (request: { peak?: boolean }) => {
      if (!request.peak) return;
      const peakRssBytes = vmHighWaterMark();
      void portal.close().then(() => process.send?.({ peakRssBytes }, () => process.exit(0)));
    });
    process.send?.({ url: portal.url });
  });
});

function vmHighWaterMark(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}
