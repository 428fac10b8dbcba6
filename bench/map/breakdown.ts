// Where the time of one `gis.map()` to a drawn 2D view goes, beside a bare @arcgis/core MapView:
// the kernel messages the page sees (JupyterLab's kernel connection), the page's requests
// (resource timing) and the view's milestones (polled every animation frame), each in
// milliseconds from the moment the cell (or the bare view) was started.
// `node bench/dist/map/breakdown.js [runs]` prints them as text.
import { startPortal } from "@tsgis/portal";
import { buildLab, startLab } from "./lab-server";
import { bareViewStatements } from "./bare-view";
import { benchNotebook } from "./bench-notebook";
import { NotebookPage } from "./notebook-page";

/** Installed once in the page: records kernel messages, requests and view milestones. */
const RECORDER = `
window.tsgisTrace = {
  events: [],
  origin: 0,
  start() {
    this.events = [];
    this.origin = performance.now();
    performance.clearResourceTimings();
  },
  note(what) { this.events.push([performance.now() - this.origin, what]); },
  watchView(find) {
    const seen = new Set();
    const once = (what, yes) => { if (yes && !seen.has(what)) { seen.add(what); this.note(what); } };
    return new Promise((resolve) => {
      const tick = () => {
        const v = find();
        once("view object exists", !!v);
        if (v) {
          once("view ready", v.ready);
          once("basemap layer view", v.allLayerViews.some((lv) => v.map.basemap && v.map.basemap.baseLayers.includes(lv.layer)));
          once("feature layer in map", v.map.allLayers.some((l) => l.type === "feature"));
          const flv = v.allLayerViews.find((lv) => lv.layer.type === "feature");
          once("feature layer view", !!flv);
          once("feature layer view drawn", flv && !flv.updating);
          if (v.ready && !v.updating && v.stationary && flv) { once("settled", true); resolve(); return; }
        }
        requestAnimationFrame(tick);
      };
      tick();
    });
  },
  requests() {
    return performance.getEntriesByType("resource").map((e) => [
      e.startTime - this.origin, e.responseEnd - this.origin, e.name.replace(location.origin, "").replace(/\\?.*/, ""),
    ]);
  },
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration >= 50) window.tsgisTrace.events.push([entry.startTime - window.tsgisTrace.origin, "long task " + entry.duration.toFixed(0) + " ms"]);
  }
}).observe({ type: "longtask" });
const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
kernel.anyMessage.connect((_, args) => {
  const m = args.msg;
  let what = args.direction + " " + m.header.msg_type;
  if (m.content && m.content.data && m.content.data.method) what += " " + m.content.data.method;
  if (m.content && m.content.data && m.content.data.content && m.content.data.content.command) what += " " + m.content.data.content.command;
  if (m.content && m.content.data && m.content.data.content && m.content.data.content.event) what += " " + m.content.data.content.event;
  if (m.content && m.content.execution_state) what += " " + m.content.execution_state;
  if (m.content && m.content.data && m.content.data.state) what += " [" + Object.keys(m.content.data.state).slice(0, 6).join(",") + "]";
  window.tsgisTrace.note(what + " (kernel clock " + (Date.parse(m.header.date) - performance.timeOrigin - window.tsgisTrace.origin).toFixed(0) + ")");
});
`;

/** How long the page is watched after a view is drawn. */
const AFTERMATH_MS = 3000;

type Trace = { events: [number, string][]; requests: [number, number, string][] };

async function traceWidget(page: NotebookPage, index: number): Promise<Trace> {
  await page.page.evaluate(`window.tsgisTrace.start()`);
  const drawn = page.page.evaluate(`(async () => {
    const before = document.querySelectorAll(".tsgis-map").length;
    await window.tsgisTrace.watchView(() => {
      const maps = document.querySelectorAll(".tsgis-map");
      if (maps.length <= before) return null;
      return maps[maps.length - 1].tsgisMap.currentView;
    });
  })()`);
  const output = await page.evaluate(
    [
      // Its stream message carries the kernel's clock when the cell's code starts running.
      'console.log("cell code starts");',
      `const trace${index} = await gis.map([${(48.85 + index * 0.05).toFixed(2)}, 2.35], { zoomlevel: 11 });`,
      `await trace${index}.addLayer(benchLayerItem);`,
      `trace${index}`,
    ].join("\n"),
  );
  if (output.startsWith("ERROR")) throw new Error(output);
  await drawn;
  // What the page still does after the view is drawn delays whatever runs next.
  await page.page.waitForTimeout(AFTERMATH_MS);
  return page.page.evaluate(
    `({ events: window.tsgisTrace.events, requests: window.tsgisTrace.requests() })`,
  ) as Promise<Trace>;
}

async function traceBare(page: NotebookPage, layerUrl: string, index: number): Promise<Trace> {
  return page.page.evaluate(`(async () => {
    ${bareViewStatements(layerUrl, index)}
    window.tsgisTrace.start();
    const view = makeView();
    await window.tsgisTrace.watchView(() => view);
    await new Promise((resolve) => setTimeout(resolve, ${AFTERMATH_MS}));
    const trace = { events: window.tsgisTrace.events, requests: window.tsgisTrace.requests() };
    view.destroy();
    box.remove();
    return trace;
  })()`) as Promise<Trace>;
}

function print(title: string, trace: Trace): void {
  console.log(`\n== ${title}`);
  const lines: [number, string][] = [
    ...trace.events,
    ...trace.requests
      .filter(([, , name]) => !/\/tile\/|\/tiles\//.test(name))
      .map(([start, end, name]): [number, string] => [
        start,
        `  request ${name} (${(end - start).toFixed(0)} ms, ends ${end.toFixed(0)})`,
      ]),
  ];
  const tiles = trace.requests.filter(([, , name]) => /\/tile\/|\/tiles\//.test(name));
  if (tiles.length > 0) {
    lines.push([
      Math.min(...tiles.map(([start]) => start)),
      `  ${tiles.length} tile requests, the last ending at ${Math.max(...tiles.map(([, end]) => end)).toFixed(0)}`,
    ]);
  }
  for (const [at, what] of lines.sort((a, b) => a[0] - b[0]))
    console.log(`${at.toFixed(0).padStart(6)}  ${what}`);
}

async function main(runs: number): Promise<void> {
  buildLab();
  const portal = await startPortal({ port: 0, demo: true });
  const lab = await startLab(portal.url, [benchNotebook()]);
  const page = await NotebookPage.open(lab.url, lab.token, "map-bench.ipynb");
  try {
    const layerUrl = (await page.run(0)).trim().replace(/^['"]|['"]$/g, "");
    if (!layerUrl.startsWith("http")) throw new Error(`the set-up cell answered ${layerUrl}`);
    await page.page.evaluate(RECORDER);
    for (let i = 0; i < runs; i += 1) {
      print(`widget ${i}`, await traceWidget(page, i));
      print(`bare ${i}`, await traceBare(page, layerUrl, runs + i));
    }
  } finally {
    await page.close();
    await lab.stop();
    await portal.close();
  }
}

const runs = Number(process.argv[2] ?? 3);
main(Number.isInteger(runs) && runs > 0 ? runs : 3).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
