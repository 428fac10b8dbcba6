import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { MetricsCase } from "../lib/case-types";
import { runInChild } from "../lib/child-runner";
import { median } from "../lib/statistics";

export const PUBLISH_CASE_ID = "publish-100k-rows";
const ROWS = 100_000;
const PAGE_SIZE = 2000;
const ADMIN = { username: "bench-publisher", password: "bench-publisher-password-1" };
const MiB = 1024 * 1024;
const FLOOR_RUNS = 3;

/** A CSV of `rows` points with an id, a name and a value whose sum the check knows. */
function writeCsv(filePath: string, rows: number): number {
  const lines = ["id,name,latitude,longitude,value"];
  let sum = 0;
  for (let row = 0; row < rows; row++) {
    const value = (row * 7919) % 10007;
    sum += value;
    lines.push(
      `${row},place ${row},${(((row * 37) % 17000) / 100 - 85).toFixed(5)},${(((row * 53) % 36000) / 100 - 180).toFixed(5)},${value}`,
    );
  }
  fs.writeFileSync(filePath, `${lines.join("\n")}\n`);
  return sum;
}

/** Starts the portal in its own process and resolves with its URL and a way to stop it. */
function startPortalProcess(): Promise<{ url: string; stop(): Promise<number> }> {
  const child = fork(path.join(__dirname, "portal-process.js"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: { url?: string }) => {
      if (!message.url) return reject(new Error("the portal process sent no URL"));
      resolve({
        url: message.url,
        stop: () =>
          new Promise((done) => {
            child.once("message", (reply: { peakRssBytes: number }) => done(reply.peakRssBytes));
            child.send({ peak: true });
          }),
      });
    });
    child.send({ admin: ADMIN });
  });
}

/**
 * Publishing a 100,000-row CSV as a hosted feature layer and reading it back 2,000 rows a page,
 * with the client and the portal each in a process of its own.
 */
export function publishCase(): MetricsCase {
  return {
    kind: "metrics",
    id: PUBLISH_CASE_ID,
    title: `Publishing a ${ROWS.toLocaleString("en")}-row CSV and paging it back`,
    async measure() {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-bench-publish-"));
      const filePath = path.join(directory, "rows.csv");
      const expectedSum = writeCsv(filePath, ROWS);
      const portal = await startPortalProcess();
      try {
        const sample = await runInChild({
          caseId: PUBLISH_CASE_ID,
          side: "tsgis",
          input: { url: portal.url, ...ADMIN, filePath, pageSize: PAGE_SIZE },
        });
        if (sample.detail.rows !== ROWS || sample.detail.valueSum !== expectedSum) {
          throw new Error(
            `read back ${String(sample.detail.rows)} rows (sum ${String(sample.detail.valueSum)}), expected ${ROWS} (sum ${expectedSum})`,
          );
        }
        const floorMs: number[] = [];
        for (let run = 0; run < FLOOR_RUNS; run++) {
          const floor = await runInChild({
            caseId: PUBLISH_CASE_ID,
            side: "floor",
            input: {
              url: portal.url,
              ...ADMIN,
              layerUrl: sample.detail.layerUrl,
              rows: ROWS,
              pageSize: PAGE_SIZE,
            },
          });
          if (floor.detail.rows !== ROWS || floor.detail.valueSum !== expectedSum) {
            throw new Error(`the floor read ${String(floor.detail.rows)} rows, expected ${ROWS}`);
          }
          floorMs.push(floor.ms);
        }
        const portalPeak = await portal.stop();
        const publishMs = Number(sample.detail.publishMs);
        const pagingMs = sample.ms - publishMs;
        const pagingFloorMs = median(floorMs);
        return {
          metrics: {
            totalMs: sample.ms,
            publishMs,
            pagingMs,
            pagingFloorMs,
            pagingOverFloorRatio: pagingMs / pagingFloorMs,
            pages: Number(sample.detail.pages),
            clientPeakRssMiB: sample.peakRssBytes / MiB,
            portalPeakRssMiB: portalPeak / MiB,
            csvMiB: fs.statSync(filePath).size / MiB,
          },
          notes: [
            `${ROWS} rows of points in WGS 84 (id, name, latitude, longitude, value), uploaded as a CSV item.`,
            "publishMs: add the item, publish it and wait for the job (polling with backoff); pagingMs: read every row back with " +
              `one layer.query(), which pages concurrently within the layer's maxRecordCount (${PAGE_SIZE}), with geometries.`,
            `pagingFloorMs: the floor, the median of ${FLOOR_RUNS} reads of the same pages with bare fetch, 8 in flight (what the client allows itself), ` +
              "no library; pagingOverFloorRatio = pagingMs / pagingFloorMs. Publishing has no floor: it is the portal's own job.",
            "Peak memory is each process's VmHWM: the client in a forked worker, the portal in a process of its own.",
          ],
        };
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
