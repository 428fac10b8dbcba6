// What `tsgis-lab install` copies and where, and which @arcgis/core assets the build ships.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const install = require("../../labextension/scripts/install.cjs") as {
  parseInstallArguments(args: string[]): string;
  installExtensions(dataDir: string, builtDir?: string): string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const assets = require("../../labextension/scripts/arcgis-assets.cjs") as {
  keep(relative: string): boolean;
  copyArcGisAssets(source: string, target: string): { files: number; bytes: number };
};

describe("tsgis-lab install", () => {
  it("chooses the data directory from --data-dir, --prefix, or the user's", () => {
    expect(install.parseInstallArguments(["--data-dir", "/tmp/d"])).toBe("/tmp/d");
    expect(install.parseInstallArguments(["--prefix", "/opt/p"])).toBe("/opt/p/share/jupyter");
    expect(() => install.parseInstallArguments(["--prefix"])).toThrow(/--prefix needs a directory/);
    expect(() => install.parseInstallArguments(["--global"])).toThrow(/unknown option --global/);
  });

  it("copies a prebuilt extension into labextensions and says when the widgets manager is missing", () => {
    const built = mkdtempSync(join(tmpdir(), "tsgis-built-"));
    mkdirSync(join(built, "static"));
    writeFileSync(join(built, "package.json"), JSON.stringify({ name: "@tsgis/labextension" }));
    writeFileSync(join(built, "static", "remoteEntry.abc.js"), "// entry");
    const dataDir = mkdtempSync(join(tmpdir(), "tsgis-data-"));
    const lines = install.installExtensions(dataDir, built);
    const target = join(dataDir, "labextensions", "@tsgis", "labextension");
    expect(readFileSync(join(target, "static", "remoteEntry.abc.js"), "utf8")).toBe("// entry");
    expect(lines[0]).toBe(`installed @tsgis/labextension in ${target}`);
    expect(lines.join("\n")).toMatch(/jupyterlab-manager/);
  });

  it("refuses with a clear message when nothing was built", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tsgis-data-"));
    expect(() => install.installExtensions(dataDir, join(dataDir, "nothing"))).toThrow(
      /run "npm run build:lab" first/,
    );
    expect(existsSync(join(dataDir, "labextensions"))).toBe(false);
  });
});

describe("the @arcgis/core assets the extension ships", () => {
  it("keeps English strings, workers and the light theme, and drops other locales and the dark theme", () => {
    expect(assets.keep(join("esri", "t9n", "common_en.json"))).toBe(true);
    expect(assets.keep(join("esri", "t9n", "common.json"))).toBe(true);
    expect(assets.keep(join("esri", "t9n", "common_de.json"))).toBe(false);
    expect(assets.keep(join("esri", "t9n", "basemaps_zh-CN.json"))).toBe(false);
    expect(assets.keep(join("esri", "themes", "dark", "main.css"))).toBe(false);
    expect(assets.keep(join("esri", "themes", "light", "main.css"))).toBe(true);
    expect(assets.keep(join("esri", "core", "workers", "RemoteClient.js"))).toBe(true);
  });
});
