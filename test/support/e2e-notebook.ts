// What the map's browser tests share: a notebook file made of code cells, values read back from
// the kernel, and waiting for a condition by polling (never a fixed sleep).
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type { NotebookPage } from "../../bench/map/notebook-page";

/** Writes a tsgis notebook of `cells` (code) to a new temporary folder and returns its path. */
export function notebookWith(fileName: string, cells: string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "tsgis-e2e-notebook-"));
  const file = path.join(folder, fileName);
  writeFileSync(
    file,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: "tsgis", display_name: "TypeScript (tsgis)", language: "typescript" },
      },
      cells: cells.map((source, index) => ({
        id: `cell-${index}`,
        cell_type: "code",
        metadata: {},
        execution_count: null,
        outputs: [],
        source,
      })),
    }),
  );
  return file;
}

/** The value of `expression` in the kernel, through JSON (run in a new cell). */
export async function kernelValue<T>(notebook: NotebookPage, expression: string): Promise<T> {
  const text = await notebook.evaluate(`JSON.stringify(${expression})`);
  if (text.startsWith("ERROR")) throw new Error(text);
  // text/plain of a string result is the string in single quotes, inner ones escaped.
  return JSON.parse(text.replace(/^'|'$/g, "").replace(/\\'/g, "'")) as T;
}

/** Reads until `done` holds (every half second, two minutes at most); the last reading. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return read();
}
