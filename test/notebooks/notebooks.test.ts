// Executes every tutorial in notebooks/ top to bottom, twice, with nbclient on the real tsgis
// kernel against a demo portal started for the run, and fails on any cell error, naming the cell
// and its error. Also checks the committed notebooks are clean (no outputs, no secrets) and that
// the runner itself reports a failing cell.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { DEMO_USERS } from "@tsgis/portal";
import { GIS } from "tsgis";
import { describeFailure, startNotebookKernel, type NotebookKernel } from "./notebook-kernel";
import { parseNotebook, secretsIn, type NotebookJSON } from "./notebook-files";

const root = path.join(__dirname, "..", "..");
const notebooksDir = path.join(root, "notebooks");
const generous = 15 * 60 * 1000;

let kernel: NotebookKernel;
let sandbox: string;

const tutorials = readdirSync(notebooksDir)
  .filter((name) => name.endsWith(".ipynb"))
  .sort()
  .map((name) => path.join(notebooksDir, name));

function runNotebooks(paths: string[], runs: number): ReturnType<NotebookKernel["run"]> {
  return kernel.run(paths, runs);
}

beforeAll(async () => {
  // The tutorials are examples users copy: a type error in one must fail the run, although a
  // kernel lets such a cell run by default (docs/kernel.md, "How cells behave").
  kernel = await startNotebookKernel("tsgis-notebooks-test-", { strictTypes: true });
  sandbox = kernel.sandbox;
}, generous);

afterAll(async () => {
  await kernel?.close();
});

describe("the committed tutorials", () => {
  test("include the three tutorials", () => {
    expect(tutorials.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining([
        "01-getting-started.ipynb",
        "02-managing-content.ipynb",
        "03-managing-users-and-groups.ipynb",
      ]),
    );
  });

  test.each(tutorials.map((file) => [path.basename(file), file]))(
    "%s names the tsgis kernel and is committed without outputs",
    (_name, file) => {
      const notebook: NotebookJSON = parseNotebook(readFileSync(file, "utf8"));
      expect(notebook.metadata.kernelspec).toMatchObject({ name: "tsgis", language: "typescript" });
      const code = notebook.cells.filter((cell) => cell.cell_type === "code");
      expect(code.length).toBeGreaterThan(0);
      expect(code.filter((cell) => (cell.outputs ?? []).length > 0)).toEqual([]);
      expect(code.filter((cell) => cell.execution_count !== null)).toEqual([]);
    },
  );

  test.each(tutorials.map((file) => [path.basename(file), file]))(
    "%s holds no credentials but the demo portal's and no tokens",
    (_name, file) => {
      const notebook = parseNotebook(readFileSync(file, "utf8"));
      const demoPasswords = DEMO_USERS.map((user) => user.password);
      expect(secretsIn(notebook, demoPasswords)).toEqual([]);
    },
  );
});

test("the secret check finds other passwords, token options and token-like strings", () => {
  const notebook = (sources: string[]): NotebookJSON => ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: sources.map((source) => ({ cell_type: "code", metadata: {}, source })),
  });
  const demo = ["tsgis-admin-1"];
  expect(
    secretsIn(notebook(['GIS.connect({ username: "admin", password: "tsgis-admin-1" })']), demo),
  ).toEqual([]);
  expect(
    secretsIn(
      notebook([
        'GIS.connect({ username: "ana", password: "hunter2-real" })',
        "GIS.connect({ token: 'abc' })",
        `const t = "${"Ab9_".repeat(16)}";`,
      ]),
      demo,
    ),
  ).toEqual([
    "cell 0: a password literal",
    "cell 1: a token option",
    "cell 2: a token-like string",
  ]);
});

describe("executing the tutorials", () => {
  test(
    "every notebook runs clean twice in a row against the same demo portal",
    async () => {
      const { report, status, stderr } = await runNotebooks(tutorials, 2);
      const failures = report.runs.filter((run) => run.error !== null);
      if (failures.length > 0) {
        const text = failures.map((run) => describeFailure(run.notebook, run.run, run.error!));
        throw new Error(`${text.join("\n\n")}\n\nkernel and runner output:\n${stderr}`);
      }
      expect(status).toBe(0);
      expect(report.runs.map((run) => `${path.basename(run.notebook)}#${run.run}`)).toEqual(
        tutorials.flatMap((file) => [1, 2].map((run) => `${path.basename(file)}#${run}`)),
      );

      // The tutorials clean up after themselves: nothing they made is left on the portal.
      const admin = DEMO_USERS.find((user) => user.role === "org_admin")!;
      const gis = await GIS.connect({
        url: kernel.portal.url,
        username: admin.username,
        password: admin.password,
        setActive: false,
      });
      const leftovers = await gis.content.search(
        "tags:tsgis-tutorial-01 OR tags:tsgis-tutorial-02 OR tags:tsgis-tutorial-03",
        { maxItems: -1 },
      );
      expect(leftovers.map((item) => item.title)).toEqual([]);
      expect(await gis.users.get("tutorial_ana")).toBeNull();
      expect(
        (await gis.users.search("", { maxUsers: -1 })).map((user) => user.username).sort(),
      ).toEqual(DEMO_USERS.map((user) => user.username).sort());
    },
    generous,
  );

  test(
    "a failing cell fails the run and is reported with its source and error",
    async () => {
      const broken = path.join(sandbox, "broken");
      mkdirSync(broken, { recursive: true });
      const notebookPath = path.join(broken, "broken.ipynb");
      writeNotebook(notebookPath, [
        'const before = "ran";',
        'throw new RangeError("deliberately broken tutorial cell");',
        'console.log("never reached");',
      ]);
      const compileErrorPath = path.join(broken, "does-not-compile.ipynb");
      writeNotebook(compileErrorPath, ['const count: number = "not a number";']);

      const { report, status } = await runNotebooks([notebookPath, compileErrorPath], 2);
      expect(status).toBe(1);
      // A broken notebook is not run a second time.
      expect(report.runs).toHaveLength(2);
      const [runtime, compile] = report.runs.map((run) => run.error);
      expect(runtime).toMatchObject({
        cell: 1,
        source: 'throw new RangeError("deliberately broken tutorial cell");',
        ename: "RangeError",
        evalue: "deliberately broken tutorial cell",
      });
      expect(compile).toMatchObject({ cell: 0, ename: "TypeScriptError" });
      expect(compile!.traceback.join("\n")).toMatch(/not assignable to type 'number'/);
    },
    generous,
  );
});

function writeNotebook(file: string, sources: string[]): void {
  const notebook: NotebookJSON = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "tsgis", display_name: "TypeScript (tsgis)", language: "typescript" },
    },
    cells: sources.map((source, index) => ({
      id: `cell-${index}`,
      cell_type: "code",
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
  };
  writeFileSync(file, JSON.stringify(notebook));
}
