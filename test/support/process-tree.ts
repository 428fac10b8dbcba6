// The processes below a process, read from /proc (Linux): which processes a command started,
// and whether they are still there after it stopped. A process is identified by its pid and
// start time, so a pid reused later is not mistaken for the old process.
import { existsSync, readdirSync, readFileSync } from "fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Clock ticks after boot when it started: with the pid, who it is. */
  startTime: string;
  command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may hold spaces; the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const state = fields[0];
    if (state === "Z" || state === "X") return undefined; // dead, waiting to be reaped
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { pid, ppid: Number(fields[1]), startTime: fields[19], command };
  } catch {
    return undefined; // gone meanwhile
  }
}

function allProcesses(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
}

/** Every living descendant of `rootPid` (children, their children, …). */
export function descendantsOf(rootPid: number): ProcessInfo[] {
  const all = allProcesses();
  const found: ProcessInfo[] = [];
  let parents = new Set([rootPid]);
  while (parents.size > 0) {
    const children = all.filter((info) => parents.has(info.ppid));
    found.push(...children);
    parents = new Set(children.map((info) => info.pid));
  }
  return found;
}

/** Those of `processes` that still run (same pid and start time, not a zombie). */
export function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
  return processes.filter((info) => {
    if (!existsSync(`/proc/${info.pid}`)) return false;
    const now = readProcess(info.pid);
    return now !== undefined && now.startTime === info.startTime;
  });
}
