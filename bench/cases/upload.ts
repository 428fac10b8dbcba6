import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { performance } from "node:perf_hooks";
import type { ComparedCase } from "../lib/case-types";
import { adminToken, BENCH_ADMIN, restCall, startSeededPortal } from "../lib/bench-portal";
import type { BenchSettings } from "../lib/settings";
import { PART_BYTES, PART_CONCURRENCY } from "../sides/upload";

const MiB = 1024 * 1024;

/** Writes a CSV file of about `mib` MiB, one MiB at a time. */
async function writeCsv(filePath: string, mib: number): Promise<number> {
  let text = "id,name,value\n";
  for (let row = 0; text.length < MiB; row++)
    text += `${row},name ${row},${(row * 7919) % 10007}\n`;
  // Cut at a line end so that every MiB block is whole rows.
  const block = Buffer.from(
    text.slice(0, text.lastIndexOf("\n", MiB - 1) + 1).padEnd(MiB - 1, " ") + "\n",
  );
  const handle = await fs.promises.open(filePath, "w");
  try {
    for (let index = 0; index < mib; index++) await handle.write(block);
  } finally {
    await handle.close();
  }
  return fs.statSync(filePath).size;
}

/** The least any upload has to do here: read the file once and write it once on the same disk. */
async function timeDiskCopy(source: string, directory: string): Promise<number> {
  const target = path.join(directory, "disk-copy.tmp");
  const started = performance.now();
  await pipeline(fs.createReadStream(source), fs.createWriteStream(target));
  const ms = performance.now() - started;
  fs.rmSync(target, { force: true });
  return ms;
}

/** Uploading a 1 GiB file (size set by --upload-mib) as a new item, multipart on both sides. */
export function uploadCase(settings: BenchSettings): ComparedCase {
  const mib = settings.uploadMiB;
  return {
    kind: "compared",
    id: "upload-1gb",
    title: `Uploading ${mib >= 1024 ? `${mib / 1024} GiB` : `${mib} MiB`} as a new item (no added latency)`,
    runs: Math.min(settings.runs, 3),
    warmUp: false,
    async setUp() {
      const seeded = await startSeededPortal({ items: 0, recipe: () => ({ title: "", type: "" }) });
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-bench-upload-"));
      const filePath = path.join(directory, "bench.csv");
      const size = await writeCsv(filePath, mib);
      const token = await adminToken(seeded.portal);
      return {
        sides: ["tsgis", "rest-js"],
        inputFor: async () => ({ url: seeded.portal.url, ...BENCH_ADMIN, filePath }),
        check: async (side, sample) => {
          const item = await restCall(seeded.portal, `content/items/${String(sample.detail.id)}`, {
            token,
          });
          if (item.size !== size)
            throw new Error(`${side}'s item holds ${String(item.size)} bytes, not ${size}`);
        },
        afterRun: async (_side, sample) => {
          // Deleted outside the timing so that disk use stays at one copy per run.
          await restCall(
            seeded.portal,
            `content/users/${BENCH_ADMIN.username}/items/${String(sample.detail.id)}/delete`,
            { token },
          );
        },
        limit: async () => {
          const ms = await timeDiskCopy(filePath, directory);
          return {
            ms,
            formula:
              "streaming the file to a new file on the same disk once (measured in this run)",
          };
        },
        notes: [
          `A ${size.toLocaleString("en")}-byte CSV file; the portal writes each part into its place in the item's file, so commit only truncates and renames it; each run's item is deleted afterwards.`,
          'tsgis: gis.content.add({ title, type: "CSV" }, { data: path }) — multipart above 10 MB.',
          `rest-js: createItem({ multipart: true }), addItemPart for every ${PART_BYTES / MiB} MiB slice of fs.openAsBlob(path), ${PART_CONCURRENCY} at a time (the same parts and parallelism as tsgis), commitItemUpload, getItemStatus until completed.`,
        ],
        tearDown: async () => {
          await seeded.close();
          fs.rmSync(directory, { recursive: true, force: true });
        },
      };
    },
  };
}
