// `npm start` stops cleanly: Ctrl+C in the terminal (SIGINT to the whole process group of
// `npm start`), SIGINT to npm alone (which forwards it to its script) and SIGTERM to the script
// each stop JupyterLab, the kernel it runs and the portal, and leave no process behind.
import { spawn, type ChildProcess } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { freePort } from "../../bench/map/lab-server";
import { descendantsOf, stillRunning, type ProcessInfo } from "../support/process-tree";

const root = path.join(__dirname, "..", "..");
const generous = 10 * 60 * 1000;

jest.setTimeout(generous);

interface Started {
  child: ChildProcess;
  labUrl: string;
  token: string;
  output(): string;
  exited: Promise<number | null>;
}

async function start(command: string, args: string[]): Promise<Started & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tsgis-start-"));
  const env = {
    ...process.env,
    TSGIS_PORTAL_PORT: String(await freePort()),
    TSGIS_LAB_PORT: String(await freePort()),
    TSGIS_PORTAL_DATA: dataDir,
    DISPLAY: "",
  };
  // Its own process group, as a terminal gives a foreground job: Ctrl+C signals the group.
  const child = spawn(command, args, { cwd: root, env, detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let ready: RegExpMatchArray | null = null;
  for (let attempt = 0; !ready; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} ended:\n${output}`);
    if (attempt > 3000) throw new Error(`no JupyterLab URL was printed:\n${output}`);
    ready = output.match(/(http:\/\/127\.0\.0\.1:\d+)\/lab\/tree\/map\.ipynb\?token=(\w+)/);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const [, labUrl, token] = ready;
  for (let attempt = 0; ; attempt += 1) {
    const up = await fetch(`${labUrl}/api/status?token=${token}`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 600) throw new Error(`JupyterLab did not answer at ${labUrl}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, labUrl, token, output: () => output, exited, dataDir };
}

/** Starts a tsgis kernel in the running JupyterLab, as opening a notebook does. */
async function startKernel(labUrl: string, token: string): Promise<string> {
  const response = await fetch(`${labUrl}/api/kernels?token=${token}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "tsgis" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function describeProcesses(processes: ProcessInfo[]): string[] {
  return processes.map((info) => `${info.pid} ${info.command}`);
}

const cases: [string, string, string[], (started: Started) => void][] = [
  [
    "Ctrl+C in the terminal (SIGINT to npm start's process group)",
    "npm",
    ["start"],
    ({ child }) => process.kill(-child.pid!, "SIGINT"),
  ],
  ["SIGINT to npm alone", "npm", ["start"], ({ child }) => child.kill("SIGINT")],
  [
    "SIGTERM to the script",
    process.execPath,
    [path.join(root, "scripts", "start.js")],
    ({ child }) => child.kill("SIGTERM"),
  ],
];

describe("npm start stops cleanly", () => {
  it.each(cases)("on %s, leaving no process behind", async (_name, command, args, signal) => {
    const started = await start(command, args);
    let running: ProcessInfo[] = [];
    try {
      const kernelId = await startKernel(started.labUrl, started.token);
      running = descendantsOf(started.child.pid!);
      const commands = running.map((info) => info.command);
      // What there is to stop: the portal, the Jupyter server and the kernel it started.
      expect(commands.some((line) => line.includes(path.join("portal", "dist", "cli.js")))).toBe(
        true,
      );
      expect(commands.some((line) => line.includes("serve.py"))).toBe(true);
      expect(commands.some((line) => line.includes(path.join("jupyter", "cli.js")))).toBe(true);

      signal(started);
      expect(await started.exited).toBe(0);
      expect(describeProcesses(stillRunning(running))).toEqual([]);
      // The server shut the kernel down itself (rather than the kernel noticing it was orphaned).
      expect(started.output()).toMatch(/Shutting down 1 kernel/);
      expect(started.output()).toContain(`Kernel shutdown: ${kernelId}`);
    } finally {
      // After a failure, nothing of this run may outlive the test.
      for (const left of stillRunning(running)) process.kill(left.pid, "SIGKILL");
      if (started.child.exitCode === null) process.kill(-started.child.pid!, "SIGKILL");
      rmSync(started.dataDir, { recursive: true, force: true });
    }
  });
});
