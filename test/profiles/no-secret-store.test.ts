import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

interface Results {
  create: string;
  createWithoutPassword: string;
  connect: string;
  list: string;
  roundTrip: string;
}

/** Runs the profile operations in a new process whose environment is given. */
async function runScenario(home: string, env: NodeJS.ProcessEnv): Promise<Results> {
  const { stdout } = await run(
    process.execPath,
    [
      path.join(__dirname, "ts-child.cjs"),
      path.join(__dirname, "no-store-scenario.ts"),
      "http://127.0.0.1:9",
    ],
    { env: { PATH: process.env.PATH, HOME: home, ...env } },
  );
  return JSON.parse(stdout) as Results;
}

describe("profiles without a secret store", () => {
  let home: string;
  const savedProfile = "[saved]\nurl = http://127.0.0.1:9\nusername = user\n\n";

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-nostore-"));
    fs.writeFileSync(path.join(home, ".arcgisprofile"), savedProfile, { mode: 0o600 });
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it.each([
    ["no D-Bus session at all", {}, /no D-Bus session/],
    [
      "a D-Bus address nobody listens on",
      { DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/tsgis-bus" },
      /No secret store is available/,
    ],
  ])("with %s, says what to install or run", async (_case, env, reason) => {
    const results = await runScenario(home, env);
    for (const result of [results.create, results.connect]) {
      expect(result).toMatch(/^rejected: No secret store is available/);
      expect(result).toMatch(reason);
      expect(result).toContain("apt-get install gnome-keyring dbus");
      expect(result).toContain("gnome-keyring-daemon --unlock");
      expect(result).toContain("TSGIS_PASSWORD");
      expect(result).toContain("TSGIS_SECRET_STORE=file");
    }
    // The refused create wrote nothing; a profile without a password needs no store at all.
    expect(results.createWithoutPassword).toBe("resolved: true");
    expect(results.list).toBe('resolved: ["saved","pem"]');
    const file = fs.readFileSync(path.join(home, ".arcgisprofile"), "utf8");
    expect(file).not.toContain("nostore");
    expect(file).not.toContain("tsgis-user-1");
  });

  it("keeps the password in the encrypted file store when opted in", async () => {
    const results = await runScenario(home, {
      TSGIS_SECRET_STORE: "file",
      TSGIS_SECRET_STORE_PASSPHRASE: "correct horse battery staple",
    });
    expect(results.create).toBe("resolved: true");
    expect(results.roundTrip).toBe("resolved: true");
    const store = path.join(home, ".arcgisprofile-secrets");
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    const sealed = fs.readFileSync(store, "utf8");
    expect(sealed).not.toContain("tsgis-user-1");
    expect(sealed).not.toContain("nostore");
    expect(fs.readFileSync(path.join(home, ".arcgisprofile"), "utf8")).not.toContain("tsgis-user");
  });

  it("asks for the passphrase of the opted-in file store", async () => {
    const results = await runScenario(home, { TSGIS_SECRET_STORE: "file" });
    expect(results.create).toMatch(/^rejected: TSGIS_SECRET_STORE_PASSPHRASE: /);
  });
});
