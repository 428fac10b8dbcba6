// A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon on it,
// unlocked with a throwaway password, in a temporary HOME. The test process then talks to it
// through DBUS_SESSION_BUS_ADDRESS, exactly as a notebook on a desktop would.
import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where a running test keyring is: enough for another process to reach it. */
export interface SecretServiceAddress {
  /** The temporary HOME the keyring (and the test's profile file) live in. */
  home: string;
  busAddress: string;
  runtimeDir: string;
}

export interface RunningSecretService extends SecretServiceAddress {
  stop(): Promise<void>;
}

const BUS_WAIT_ATTEMPTS = 100;
const BUS_WAIT_STEP_MS = 100;

export async function startSecretService(): Promise<RunningSecretService> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-keyring-"));
  const runtimeDir = path.join(home, "run");
  fs.mkdirSync(runtimeDir, { mode: 0o700 });
  const bus = spawn(
    "dbus-daemon",
    ["--session", "--nofork", "--print-address=1", `--address=unix:path=${runtimeDir}/bus`],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  const busAddress = await firstLine(bus);
  const env = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    DBUS_SESSION_BUS_ADDRESS: busAddress,
  };
  const keyring = spawn(
    "gnome-keyring-daemon",
    ["--foreground", "--unlock", "--components=secrets"],
    { env, stdio: ["pipe", "ignore", "ignore"] },
  );
  // --unlock reads the login keyring's password from stdin and creates the keyring with it.
  keyring.stdin?.end("tsgis-test-keyring");
  const children = [keyring, bus];
  try {
    await waitForSecretsOnBus(env);
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  return {
    home,
    busAddress,
    runtimeDir,
    stop: async () => {
      for (const child of children) {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill();
          await exited;
        }
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

function envOf(address: SecretServiceAddress): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: address.home,
    XDG_RUNTIME_DIR: address.runtimeDir,
    DBUS_SESSION_BUS_ADDRESS: address.busAddress,
  };
}

/** An entry as `secret-tool` (libsecret) sees it: the check that other clients find what we stored. */
export async function lookupSecret(
  address: SecretServiceAddress,
  attributes: Record<string, string>,
): Promise<string | null> {
  try {
    const { stdout } = await run("secret-tool", ["lookup", ...flatten(attributes)], {
      env: envOf(address),
    });
    return stdout;
  } catch {
    return null;
  }
}

/** Stores an entry the way another client (Python's keyring) would. */
export function storeSecret(
  address: SecretServiceAddress,
  label: string,
  attributes: Record<string, string>,
  secret: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn("secret-tool", ["store", `--label=${label}`, ...flatten(attributes)], {
      env: envOf(address),
      stdio: ["pipe", "ignore", "ignore"],
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`secret-tool store exited ${code}`)),
    );
    child.stdin?.end(secret);
  });
}

function flatten(attributes: Record<string, string>): string[] {
  return Object.entries(attributes).flat();
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`dbus-daemon exited ${code} before listening`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const newline = text.indexOf("\n");
      if (newline >= 0) resolve(text.slice(0, newline).trim());
    });
  });
}

/** The daemon takes the name org.freedesktop.secrets a moment after it starts; wait for it. */
async function waitForSecretsOnBus(env: NodeJS.ProcessEnv): Promise<void> {
  for (let attempt = 0; attempt < BUS_WAIT_ATTEMPTS; attempt++) {
    try {
      const { stdout } = await run(
        "dbus-send",
        [
          "--session",
          "--print-reply",
          "--dest=org.freedesktop.DBus",
          "/org/freedesktop/DBus",
          "org.freedesktop.DBus.NameHasOwner",
          "string:org.freedesktop.secrets",
        ],
        { env },
      );
      if (/boolean true/.test(stdout)) return;
    } catch {
      // The bus may not accept connections yet.
    }
    await new Promise((resolve) => setTimeout(resolve, BUS_WAIT_STEP_MS));
  }
  throw new Error("gnome-keyring-daemon did not take org.freedesktop.secrets on the test bus");
}
