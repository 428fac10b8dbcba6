// The `require` cells run with: modules resolve from the kernel's working directory, local
// .ts/.js files that the compiler translated along with a cell (tslab's "side outputs") load
// from that translation, and `require("tslab")` gives tslab's display API.
import Module from "module";
import path from "path";
import { createTslabRequire } from "./tslab-modules";

export interface TranslatedFile {
  path: string;
  data: string;
}

type LoadableModule = Module & { _compile(code: string, filename: string): void };

export class CellRequire {
  private readonly translated = new Map<string, string>();
  private readonly loaded = new Map<string, Module>();
  readonly require: NodeJS.Require;

  constructor(rootDir: string) {
    this.require = this.wrap(createTslabRequire(rootDir), rootDir);
  }

  /** A changed local file is loaded again from its new translation on its next import. */
  update(files: readonly TranslatedFile[]): void {
    for (const file of files) {
      this.loaded.delete(file.path);
      this.translated.set(file.path, file.data);
    }
  }

  private wrap(base: NodeJS.Require, fromDir: string): NodeJS.Require {
    const load = (id: string): unknown => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (id === "tslab") return require("tslab");
      return this.loadTranslated(id, fromDir) ?? base(id);
    };
    return Object.assign(load, base) as NodeJS.Require;
  }

  private loadTranslated(id: string, fromDir: string): unknown {
    if (!id.startsWith(".")) return undefined;
    let filename = path.join(fromDir, id).replace(/\\/g, "/");
    if (path.extname(filename) === "") filename += ".js";
    const cached = this.loaded.get(filename);
    if (cached) return cached.exports;
    const code = this.translated.get(filename);
    if (code === undefined) return undefined;
    const mod = new Module(filename, module) as LoadableModule;
    mod.filename = filename;
    mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
      path.dirname(filename),
    );
    mod.require = this.wrap(mod.require.bind(mod) as NodeJS.Require, path.dirname(filename));
    // Registered before compiling so that import cycles between local files terminate.
    this.loaded.set(filename, mod);
    mod._compile(code, filename);
    return mod.exports;
  }
}
