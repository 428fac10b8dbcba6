import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { GIS } from "tsgis";
import { LONG } from "./support";

const CLI = path.join(__dirname, "..", "..", "portal", "dist", "cli.js");
const ADMIN = { username: "storm", password: "storm-password-1" };
const WRITERS = 16;
const ACKNOWLEDGED_BEFORE_KILL = LONG ? 2000 : 300;

/** Starts the portal CLI on a data directory and resolves with its URL once it listens. */
function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, "--data", dataDir, "--admin", `${ADMIN.username}:${ADMIN.password}`],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      reject(new Error(`portal CLI exited (${String(code)}) before listening: ${output}`)),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * The portal process is killed with SIGKILL in the middle of a storm of concurrent addItem
 * writes; the database must be consistent afterwards and hold every write the portal
 * acknowledged before it died.
 */
describe("crash safety of the portal CLI", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-crash-"));
  let running: ChildProcess | undefined;

  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm test builds)`);
  });

  afterAll(async () => {
    if (running && running.exitCode === null) {
      running.kill("SIGTERM");
      await exited(running);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("restarts with a consistent database holding every acknowledged write", async () => {
    const first = await startCli(dataDir);
    running = first.child;
    const gis = await GIS.connect({ url: first.url, ...ADMIN, setActive: false });
    const acknowledged: string[] = [];
    let killed = false;
    let killedAt = 0;
    const writer = async (writerIndex: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        try {
          const answer = await gis.session.post<{ success: boolean; id: string }>(
            `content/users/${ADMIN.username}/addItem`,
            {
              title: `storm ${writerIndex}-${n}`,
              type: "Web Mapping Application",
              url: "https://example.com/storm",
              tags: ["storm"],
            },
          );
          if (answer.success) acknowledged.push(answer.id);
        } catch {
          // After the kill every write fails; before it none should, which the count shows.
          if (!killed) throw new Error("a write failed before the portal was killed");
        }
        if (!killed && acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) {
          killed = true;
          killedAt = acknowledged.length;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    await exited(first.child);
    gis.session.close();
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(killedAt).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    // The file as the killed process left it: SQLite recovers the WAL and must find no damage.
    const db = new Database(path.join(dataDir, "portal.sqlite"));
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const rows = db.prepare("SELECT id FROM items WHERE owner = ?").all(ADMIN.username) as {
        id: string;
      }[];
      const stored = new Set(rows.map((row) => row.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      // The full-text index is kept by triggers in the same transactions: it must match.
      const indexed = db.prepare("SELECT COUNT(*) AS n FROM items_fts").get() as { n: number };
      const items = db.prepare("SELECT COUNT(*) AS n FROM items").get() as { n: number };
      expect(indexed.n).toBe(items.n);
    } finally {
      db.close();
    }

    // And the restarted portal serves them all.
    const second = await startCli(dataDir);
    running = second.child;
    const again = await GIS.connect({ url: second.url, ...ADMIN, setActive: false });
    const found = new Set(
      (await again.content.search("tags:storm", { maxItems: -1 })).map((item) => item.id),
    );
    again.session.close();
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
    second.child.kill("SIGTERM");
    await exited(second.child);
  }, 120_000);
});
