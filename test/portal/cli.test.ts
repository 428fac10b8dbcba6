import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "portal/dist/cli.js");

interface RunningCli {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: string;
}

/** Starts the built CLI and resolves once it has printed everything up to its last line. */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, "--port", "0", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      const url = /listening at (\S+)/.exec(output)?.[1];
      if (url && /data directory: .*\n/.test(output)) resolve({ child, url, output });
    });
    child.stderr.on("data", (chunk: Buffer) => reject(new Error(chunk.toString())));
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function stopCli(cli: RunningCli): Promise<void> {
  return new Promise((resolve) => {
    cli.child.once("exit", () => resolve());
    cli.child.kill("SIGTERM");
  });
}

function runCliExpectingFailure(args: string[]): { status: number | null; stderr: string } {
  try {
    execFileSync(process.execPath, [CLI, ...args], { stdio: "pipe" });
    return { status: 0, stderr: "" };
  } catch (error) {
    const failure = error as { status: number | null; stderr: Buffer };
    return { status: failure.status, stderr: failure.stderr.toString() };
  }
}

async function generateToken(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/sharing/rest/generateToken`, {
    method: "POST",
    body: new URLSearchParams({ f: "json", username, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.token;
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(url)).json()) as Record<string, unknown>;
}

describe("tsgis-portal command line", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-portal-cli-test-"));

  beforeAll(() => {
    execFileSync("npx", ["tsc", "-b", "portal"], { cwd: ROOT, stdio: "pipe" });
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("rejects bad flags with exit code 2, naming the flag", () => {
    const unknown = runCliExpectingFailure(["--frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--frobnicate");
    const badRate = runCliExpectingFailure(["--fault-rate", "7"]);
    expect(badRate.status).toBe(2);
    expect(badRate.stderr).toContain("--fault-rate");
    const badAdmin = runCliExpectingFailure(["--admin", "nopassword"]);
    expect(badAdmin.status).toBe(2);
    expect(badAdmin.stderr).toContain("--admin");
  });

  it("prints the demo credentials, which work", async () => {
    const cli = await startCli(["--demo"]);
    try {
      expect(cli.output).toContain("admin / tsgis-admin-1");
      expect(cli.output).toContain("user / tsgis-user-1");
      await expect(generateToken(cli.url, "publisher", "tsgis-publisher-1")).resolves.toEqual(
        expect.any(String),
      );
    } finally {
      await stopCli(cli);
    }
  });

  it("keeps users, tokens and settings in --data across restarts", async () => {
    const first = await startCli(["--data", dataDir], { TSGIS_PORTAL_ADMIN: "chief:chief-pass-1" });
    let token: string;
    try {
      token = await generateToken(first.url, "chief", "chief-pass-1");
      const update = await fetch(`${first.url}/sharing/rest/portals/self/update`, {
        method: "POST",
        body: new URLSearchParams({ f: "json", token, name: "Persistent Org" }),
      });
      expect(await update.json()).toMatchObject({ success: true });
    } finally {
      await stopCli(first);
    }

    const second = await startCli(["--data", dataDir]);
    try {
      const self = await getJson(`${second.url}/sharing/rest/community/self?f=json&token=${token}`);
      expect(self.username).toBe("chief");
      const portal = await getJson(`${second.url}/sharing/rest/portals/self?f=json`);
      expect(portal.name).toBe("Persistent Org");
    } finally {
      await stopCli(second);
    }
    expect(fs.existsSync(path.join(dataDir, "portal.sqlite"))).toBe(true);
  });
});
