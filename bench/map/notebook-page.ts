// Drives JupyterLab in chromium: open a notebook, run its cells one by one, ask the kernel for
// values (in cells added at the end), and read the map views. Page code is passed as strings:
// the tests are type-checked without the DOM library.
import { chromium, type Browser, type Page } from "playwright-core";

/** design.md's flags for Debian's chromium; a fresh profile each launch. */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const HELPERS = `
window.tsgisE2E = {
  panel() { return window.jupyterapp.shell.currentWidget; },
  async run(index) {
    const notebook = this.panel().content;
    notebook.activeCellIndex = index;
    await window.jupyterapp.commands.execute("notebook:run-cell");
    const cell = notebook.model.cells.get(index);
    while (cell.executionCount === null || this.panel().sessionContext.session.kernel.status !== "idle") {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.text(index);
  },
  async runAll() {
    const panel = this.panel();
    const cells = panel.content.model.cells;
    await window.jupyterapp.commands.execute("notebook:run-all-cells");
    let last = null;
    for (let index = 0; index < cells.length; index += 1) {
      if (cells.get(index).type === "code") last = cells.get(index);
    }
    while (last.executionCount === null || panel.sessionContext.session.kernel.status !== "idle") {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const outputs = [];
    for (let index = 0; index < cells.length; index += 1) {
      outputs.push(cells.get(index).type === "code" ? this.text(index) : "");
    }
    return outputs;
  },
  text(index) {
    const outputs = this.panel().content.model.cells.get(index).outputs.toJSON();
    return outputs.map((output) => {
      if (output.output_type === "error") return "ERROR " + output.ename + ": " + output.evalue;
      if (output.output_type === "stream") return String(output.text);
      return String((output.data || {})["text/plain"] || Object.keys(output.data || {}).join(","));
    }).join("\\n");
  },
  async evaluate(code) {
    const model = this.panel().content.model;
    const index = model.cells.length;
    model.sharedModel.insertCell(index, { cell_type: "code", source: code });
    return this.run(index);
  },
  map(index) {
    const views = [...document.querySelectorAll(".tsgis-map")];
    return views[index === undefined ? views.length - 1 : index].tsgisMap;
  },
};
`;

export interface MapViewReading {
  ready: boolean;
  type: string;
  latitude: number;
  longitude: number;
  zoom: number;
  updating: boolean;
}

export class NotebookPage {
  readonly requests: string[] = [];
  readonly errors: string[] = [];
  /** What the page logged as console errors. */
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {
    page.on("request", (request) => this.requests.push(request.url()));
    page.on("pageerror", (error) => this.errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") {
        const { url } = message.location();
        this.consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
      }
    });
  }

  static async open(labUrl: string, token: string, notebook: string): Promise<NotebookPage> {
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    });
    try {
      return await NotebookPage.openIn(browser, labUrl, token, notebook);
    } catch (error) {
      // A browser left running keeps the test process alive after the failure.
      await browser.close();
      throw error;
    }
  }

  private static async openIn(
    browser: Browser,
    labUrl: string,
    token: string,
    notebook: string,
  ): Promise<NotebookPage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const session = new NotebookPage(browser, page);
    // The page's own scripts (not every late resource) decide when the lab is up.
    await page.goto(`${labUrl}/lab/tree/${notebook}?token=${token}`, {
      waitUntil: "domcontentloaded",
      timeout: 120_000,
    });
    await page.waitForFunction("document.body.dataset.tsgisLab", null, { timeout: 120_000 });
    await page.waitForFunction(
      "window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.sessionContext.session && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
      null,
      { timeout: 120_000 },
    );
    await page.evaluate(HELPERS);
    return session;
  }

  /** Runs cell `index` and resolves with its output as text. */
  async run(index: number): Promise<string> {
    return this.page.evaluate(`window.tsgisE2E.run(${index})`) as Promise<string>;
  }

  /** Runs every cell at once (Run All) and resolves with each cell's output when all ran. */
  async runAll(): Promise<string[]> {
    return this.page.evaluate(`window.tsgisE2E.runAll()`) as Promise<string[]>;
  }

  /** Runs `code` in a new cell at the end of the notebook and resolves with its output. */
  async evaluate(code: string): Promise<string> {
    return this.page.evaluate(
      `window.tsgisE2E.evaluate(${JSON.stringify(code)})`,
    ) as Promise<string>;
  }

  /** Waits until the last map view is ready and drawn, and reads where it is. */
  async settledView(timeoutMs = 120_000): Promise<MapViewReading> {
    await this.page.waitForFunction(
      `(() => { const c = window.tsgisE2E.map(); const v = c && c.currentView; return v && v.ready && !v.updating && v.stationary; })()`,
      null,
      { timeout: timeoutMs, polling: 250 },
    );
    return this.page.evaluate(`(() => {
      const v = window.tsgisE2E.map().currentView;
      return { ready: v.ready, type: v.type, latitude: v.center.latitude, longitude: v.center.longitude, zoom: v.zoom, updating: v.updating };
    })()`) as Promise<MapViewReading>;
  }

  /** The view's most common colour and how many distinct colours it drew. */
  async pixels(): Promise<{ colours: number; dominant: [number, number, number]; share: number }> {
    return this.page.evaluate(`(async () => {
      const shot = await window.tsgisE2E.map().currentView.takeScreenshot({ format: "png" });
      const data = shot.data.data;
      const counts = new Map();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      let dominant = 0, most = 0;
      for (const [key, count] of counts) if (count > most) { most = count; dominant = key; }
      return {
        colours: counts.size,
        dominant: [(dominant >> 16) & 255, (dominant >> 8) & 255, dominant & 255],
        share: most / (data.length / 4),
      };
    })()`) as Promise<{ colours: number; dominant: [number, number, number]; share: number }>;
  }

  /** Scrolls the last map into view and gives its centre on the page. */
  async mapCentre(): Promise<[number, number]> {
    const map = this.page.locator(".tsgis-map").last();
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box on the page");
    return [box.x + box.width / 2, box.y + box.height / 2];
  }

  /** Requests that left 127.0.0.1 (data: and blob: URLs stay in the page). */
  outsideRequests(): string[] {
    return this.requests.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === "data:" || parsed.protocol === "blob:") return false;
      return parsed.hostname !== "127.0.0.1";
    });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
