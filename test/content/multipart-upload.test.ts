import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";

const run = promisify(execFile);
const ADMIN = { username: "boss", password: "boss-password-1" };
const MB = 1024 * 1024;

/**
 * The client side of a large upload runs in a child process on the built package, so its peak
 * memory (the kernel's high-water mark, VmHWM) is the upload's alone.
 */
const UPLOAD_SCRIPT = `
const fs = require("node:fs");
const { GIS } = require(process.argv[1]);
(async () => {
  const gis = await GIS.connect({ url: process.argv[2], username: process.argv[3], password: process.argv[4], setActive: false });
  const item = await gis.content.add({ title: "Big", type: "CSV" }, { data: process.argv[5] });
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const peakKb = Number(/VmHWM:\\s+(\\d+)/.exec(status)[1]);
  process.stdout.write(JSON.stringify({ id: item.id, size: item.size, peakMb: peakKb / 1024 }));
  gis.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe("multipart upload of large files", () => {
  let portal: RunningPortal;
  let folder: string;
  beforeAll(async () => {
    portal = await startPortal({ port: 0, admin: ADMIN });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-multipart-"));
  });
  afterAll(async () => {
    await portal.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("sends a 25 MB file in parts and the portal reassembles it byte for byte", async () => {
    const file = path.join(folder, "medium.bin");
    const bytes = Buffer.alloc(25 * MB);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i, i);
    fs.writeFileSync(file, bytes);
    const gis = await GIS.connect({ url: portal.url, ...ADMIN, setActive: false });
    try {
      const item = await gis.content.add(
        { title: "Medium", type: "Image" },
        { data: file, thumbnail: Buffer.from("png") },
      );
      expect(item.size).toBe(bytes.length);
      expect(item.thumbnail).toBe("thumbnail/thumbnail.png");
      const copy = await item.download({ savePath: folder, fileName: "back.bin" });
      expect(fs.readFileSync(copy as string).equals(bytes)).toBe(true);
    } finally {
      gis.close();
    }
  });

  it("uploads 1 GB with the client's peak memory under 200 MB", async () => {
    const file = path.join(folder, "huge.csv");
    const size = 1024 * MB;
    fs.writeFileSync(file, "");
    fs.truncateSync(file, size);
    const kernel = path.resolve(__dirname, "../../kernel/dist/index.js");
    const { stdout } = await run(
      process.execPath,
      ["-e", UPLOAD_SCRIPT, kernel, portal.url, ADMIN.username, ADMIN.password, file],
      { maxBuffer: MB },
    );
    const result = JSON.parse(stdout) as { id: string; size: number; peakMb: number };
    expect(result.size).toBe(size);
    expect(result.peakMb).toBeLessThan(200);
    const stored = path.join(portal.dataDir, "items", result.id, "data", "huge.csv");
    expect(fs.statSync(stored).size).toBe(size);
  }, 300_000);
});
