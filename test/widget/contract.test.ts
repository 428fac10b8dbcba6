// The map's contract is one module (kernel/src/map/contract.ts) that the kernel and the
// browser both import: what the kernel opens the widget with must be exactly that contract.
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { MapView } from "tsgis";
import { defaultMapState, MAP_WIDGET_MODULE, NAVIGATION_KEYS } from "../../kernel/src/map/contract";
import { LoopbackKernel } from "./comm-loopback";

const root = join(__dirname, "..", "..");

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the map widget's contract", () => {
  let kernel: LoopbackKernel;

  beforeEach(() => {
    kernel = new LoopbackKernel();
    kernel.install();
  });

  afterEach(() => kernel.uninstall());

  it("is what the kernel opens the widget with: every key at its default, the module and version named", () => {
    const map = new MapView(null, defaultMapState());
    const state = kernel.comms[0].openData.state as Record<string, unknown>;
    expect(state).toMatchObject({
      ...defaultMapState(),
      _model_name: MAP_WIDGET_MODULE.modelName,
      _model_module: MAP_WIDGET_MODULE.name,
      _model_module_version: `^${MAP_WIDGET_MODULE.version}`,
      _view_name: MAP_WIDGET_MODULE.viewName,
      _view_module: MAP_WIDGET_MODULE.name,
    });
    map.close();
  });

  it("names the version the browser package registers", () => {
    const widgetPackage = JSON.parse(
      readFileSync(join(root, "widget", "package.json"), "utf8"),
    ) as { name: string; version: string };
    expect(widgetPackage.name).toBe(MAP_WIDGET_MODULE.name);
    expect(widgetPackage.version).toBe(MAP_WIDGET_MODULE.version);
  });

  it("has navigation keys that are state keys", () => {
    const keys = Object.keys(defaultMapState());
    for (const key of NAVIGATION_KEYS) expect(keys).toContain(key);
  });

  it("is the only declaration of the state on either side (no hand-kept mirror)", () => {
    const declarations = [
      ...sourcesUnder(join(root, "kernel", "src")),
      ...sourcesUnder(join(root, "widget", "src")),
    ].filter((path) =>
      /\binterface (MapState|LayerSpec|GraphicSpec)\b|\btype (MapState|LayerSpec|GraphicSpec)\s*=/.test(
        readFileSync(path, "utf8"),
      ),
    );
    expect(declarations.map((path) => path.slice(root.length + 1))).toEqual([
      "kernel/src/map/contract.ts",
    ]);
  });
});
