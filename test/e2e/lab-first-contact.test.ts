// JupyterLab as a new user meets it (the tsgis front end, Debian's chromium): the map tutorial
// opens with its markdown rendered, unmodified, with no error in the console, the server log or
// a pop-up; File → New → Notebook starts the tsgis kernel without asking which kernel; and the
// run keeps its saved layout in its own workspaces folder.
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { buildLab, startLab, type LabServer } from "../../bench/map/lab-server";
import { NotebookPage } from "../../bench/map/notebook-page";

const root = path.join(__dirname, "..", "..");
const notebooksDir = path.join(root, "notebooks");
const TUTORIAL = path.join(notebooksDir, "map.ipynb");
const generous = 10 * 60 * 1000;

interface NotebookFile {
  cells: { cell_type: string; source: string[] | string }[];
  metadata: { kernelspec?: unknown; language_info?: unknown };
}

function readNotebook(file: string): NotebookFile {
  return JSON.parse(readFileSync(file, "utf8")) as NotebookFile;
}

/** The tutorials in notebooks/, by file name. */
function tutorials(): string[] {
  return readdirSync(notebooksDir).filter((name) => name.endsWith(".ipynb"));
}

jest.setTimeout(generous);

let portal: RunningPortal;
let lab: LabServer;
let notebook: NotebookPage;

beforeAll(async () => {
  buildLab();
  portal = await startPortal({ port: 0, demo: true });
  lab = await startLab(portal.url, [TUTORIAL]);
  notebook = await NotebookPage.open(lab.url, lab.token, "map.ipynb");
}, generous);

afterAll(async () => {
  await notebook?.close();
  await lab?.stop();
  await portal?.close();
});

/** The current notebook panel's model, read in the page. */
async function currentNotebook(): Promise<{
  path: string;
  dirty: boolean;
  kernel: string | null;
  kernelspec: unknown;
  languageInfo: unknown;
}> {
  return notebook.page.evaluate(`(async () => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    if (kernel) await kernel.info;
    return {
      path: panel.context.path,
      dirty: panel.context.model.dirty,
      kernel: kernel ? kernel.name : null,
      kernelspec: panel.context.model.getMetadata("kernelspec"),
      languageInfo: panel.context.model.getMetadata("language_info"),
    };
  })()`);
}

describe("JupyterLab on first contact", () => {
  it("renders the tutorial's markdown cells as HTML", async () => {
    const firstHeading = readNotebook(TUTORIAL)
      .cells.filter((cell) => cell.cell_type === "markdown")
      .map((cell) => [cell.source].flat().join(""))
      .find((source) => source.startsWith("# "))!
      .split("\n")[0]
      .slice(2);
    const heading = notebook.page.locator(".jp-MarkdownCell .jp-RenderedMarkdown h1").first();
    await heading.waitFor({ timeout: 60_000 });
    expect((await heading.textContent())?.replace(/¶$/, "").trim()).toBe(firstHeading);
    // Inline markdown is rendered too: the tutorial's `code` spans and **bold** text.
    expect(await notebook.page.locator(".jp-RenderedMarkdown code").count()).toBeGreaterThan(0);
    expect(await notebook.page.locator(".jp-RenderedMarkdown strong").count()).toBeGreaterThan(0);
  });

  it("opens the tutorial on the tsgis kernel without modifying it", async () => {
    const opened = await currentNotebook();
    expect(opened.path).toBe("map.ipynb");
    expect(opened.kernel).toBe("tsgis");
    expect(opened.dirty).toBe(false);
    // What the kernel reported is what the file holds, so autosave has nothing to rewrite.
    const saved = readNotebook(TUTORIAL).metadata;
    expect(opened.kernelspec).toEqual(saved.kernelspec);
    expect(opened.languageInfo).toEqual(saved.language_info);
  });

  it("ships every tutorial with the kernel metadata the kernel reports", async () => {
    const reported = await currentNotebook();
    for (const name of tutorials()) {
      const { metadata } = readNotebook(path.join(notebooksDir, name));
      expect({ name, ...metadata }).toEqual({
        name,
        kernelspec: reported.kernelspec,
        language_info: reported.languageInfo,
      });
    }
  });

  it("starts a new notebook on tsgis without a kernel dialog", async () => {
    // What File → New → Notebook runs.
    await notebook.page.evaluate(
      `window.jupyterapp.commands.execute("notebook:create-new", { cwd: "" })`,
    );
    await notebook.page.waitForFunction(
      `(() => {
        if (document.querySelector(".jp-Dialog")) return true;
        const panel = window.jupyterapp.shell.currentWidget;
        const session = panel && panel.sessionContext && panel.sessionContext.session;
        return Boolean(panel && panel.context.path.startsWith("Untitled") && session && session.kernel);
      })()`,
      null,
      { timeout: 120_000, polling: 250 },
    );
    expect(await notebook.page.locator(".jp-Dialog").count()).toBe(0);
    const created = await currentNotebook();
    expect(created.path).toMatch(/^Untitled\d*\.ipynb$/);
    expect(created.kernel).toBe("tsgis");
  });

  it("shows no error pop-up and logs no error in the page or the server", async () => {
    // Errors arrive asynchronously; by now both notebooks' kernels and widget managers are up.
    await notebook.page.waitForFunction(
      `[...window.jupyterapp.shell.widgets("main")].every((w) => !w.sessionContext || (w.sessionContext.session && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === "idle"))`,
      null,
      { timeout: 120_000, polling: 250 },
    );
    expect(notebook.errors).toEqual([]);
    expect(notebook.consoleErrors).toEqual([]);
    expect(await notebook.page.locator(".Toastify__toast").allTextContents()).toEqual([]);
    const serverErrors = lab
      .log()
      .split("\n")
      .filter((line) =>
        /Could not open static file|is missing|no comm target|Traceback|\[E /.test(line),
      );
    expect(serverErrors).toEqual([]);
  });

  it("saves the layout in this run's own workspaces folder", async () => {
    // JupyterLab saves the layout by itself after it changed (two notebooks opened here).
    const saved = () =>
      readdirSync(lab.workspacesDir).filter((name) => name.endsWith(".jupyterlab-workspace"));
    for (let attempt = 0; attempt < 240 && saved().length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(saved().length).toBeGreaterThan(0);
  });
});
