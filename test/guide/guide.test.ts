// Esri's guide notebooks for arcgis.gis, translated cell by cell to TypeScript (see README.md),
// executed top to bottom with nbclient on the real tsgis kernel against the bundled portal.
// Every translated cell must run; a failure names the notebook, the cell and its error.
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { DEMO_USERS } from "@tsgis/portal";
import { cellSource, parseNotebook, secretsIn } from "../notebooks/notebook-files";
import {
  describeFailure,
  startNotebookKernel,
  type NotebookKernel,
} from "../notebooks/notebook-kernel";

const guideDir = __dirname;
const generous = 15 * 60 * 1000;
const guides = readdirSync(guideDir)
  .filter((name) => name.endsWith(".ipynb"))
  .sort()
  .map((name) => path.join(guideDir, name));

let kernel: NotebookKernel;

beforeAll(async () => {
  kernel = await startNotebookKernel("tsgis-guide-test-");
}, generous);

afterAll(async () => {
  await kernel?.close();
});

describe("the translated guide notebooks", () => {
  test("are the three guides of the issue", () => {
    expect(guides.map((file) => path.basename(file))).toEqual([
      "accessing-and-managing-groups.ipynb",
      "accessing-and-managing-users.ipynb",
      "working-with-feature-layers-and-features.ipynb",
    ]);
  });

  test.each(guides.map((file) => [path.basename(file), file]))(
    "%s is committed clean, on the tsgis kernel, without secrets",
    (_name, file) => {
      const notebook = parseNotebook(readFileSync(file, "utf8"));
      expect(notebook.metadata.kernelspec).toMatchObject({ name: "tsgis", language: "typescript" });
      const code = notebook.cells.filter((cell) => cell.cell_type === "code");
      expect(code.length).toBeGreaterThan(10);
      expect(code.filter((cell) => (cell.outputs ?? []).length > 0)).toEqual([]);
      expect(code.map(cellSource).filter((source) => source.trim() === "")).toEqual([]);
      const demoPasswords = DEMO_USERS.map((user) => user.password);
      expect(secretsIn(notebook, demoPasswords)).toEqual([]);
    },
  );

  test(
    "every translated cell runs on the tsgis kernel against the bundled portal",
    async () => {
      // TSGIS_GUIDE_OUTPUT_DIR keeps the executed notebooks, to read what each cell showed.
      const { report, status, stderr } = await kernel.run(
        guides,
        1,
        process.env.TSGIS_GUIDE_OUTPUT_DIR,
      );
      const failures = report.runs.filter((run) => run.error !== null);
      if (failures.length > 0) {
        const text = failures.map((run) => describeFailure(run.notebook, run.run, run.error!));
        throw new Error(`${text.join("\n\n")}\n\nkernel and runner output:\n${stderr}`);
      }
      expect(status).toBe(0);
      expect(report.runs.map((run) => path.basename(run.notebook))).toEqual(
        guides.map((file) => path.basename(file)),
      );
    },
    generous,
  );
});
