// The bound on tslab's recursive folder watches inside node_modules: the packages installed
// while the kernel runs are still noticed (plain and scoped), folders deep inside a package are
// no longer walked and watched. Real TypeScript `sys`, real files and inotify watches.
import fs from "fs";
import os from "os";
import path from "path";
import { boundNodeModulesWatches } from "../../kernel/src/jupyter/node-modules-watch";
import { tslabTypeScript } from "../../kernel/src/jupyter/tslab-typescript";

/** TypeScript reports a changed folder after a 1 s pause for settling its child watches. */
async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reported in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("recursive watches in node_modules", () => {
  let folder: string;
  let nodeModules: string;

  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-watch-")));
    nodeModules = path.join(folder, "node_modules");
    for (const dir of ["plain/dist/types/deep", "@scope/pkg/lib/deep", "@types/node"]) {
      fs.mkdirSync(path.join(nodeModules, dir), { recursive: true });
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("stop two levels below node_modules and still report packages coming and going", async () => {
    const watched: string[] = [];
    const realWatch = fs.watch;
    jest.spyOn(fs, "watch").mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      watched.push(String(file));
      return (realWatch as (...args: unknown[]) => fs.FSWatcher)(file, ...rest);
    }) as typeof fs.watch);
    const system = Object.create(tslabTypeScript.sys) as typeof tslabTypeScript.sys;
    boundNodeModulesWatches(system);
    const reported: string[] = [];
    const watcher = system.watchDirectory!(nodeModules, (file) => reported.push(file), true);
    try {
      const relative = watched.map((file) => path.relative(nodeModules, file)).sort();
      expect(relative).toEqual(
        ["", "@scope", "@scope/pkg", "@types", "@types/node", "plain", "plain/dist"].sort(),
      );

      // TypeScript reports a folder whose subfolders changed by the watched folder's own name.
      const changes: [string, () => void][] = [
        ["a new package", () => fs.mkdirSync(path.join(nodeModules, "added"))],
        ["a new scoped package", () => fs.mkdirSync(path.join(nodeModules, "@scope", "other"))],
        [
          "a removed package",
          () => fs.rmSync(path.join(nodeModules, "plain"), { recursive: true }),
        ],
      ];
      for (const [what, change] of changes) {
        const before = reported.length;
        change();
        await waitFor(() => reported.slice(before).includes(nodeModules), what);
      }
    } finally {
      watcher.close();
    }
  }, 30_000);

  test("leave watches that are not recursive as they were", () => {
    const calls: unknown[][] = [];
    const system = {
      watchDirectory: (...args: unknown[]) => {
        calls.push(args);
        return { close: () => undefined };
      },
    } as unknown as typeof tslabTypeScript.sys;
    boundNodeModulesWatches(system);
    const callback = () => undefined;
    system.watchDirectory!(nodeModules, callback, false, { excludeDirectories: ["x"] });
    system.watchDirectory!(nodeModules, callback, true, { excludeDirectories: ["x"] });
    expect(calls[0]).toEqual([nodeModules, callback, false, { excludeDirectories: ["x"] }]);
    expect(calls[1][3]).toEqual({ excludeDirectories: ["x", "/**/node_modules/*/*/?*"] });
  });
});
