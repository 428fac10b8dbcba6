// tsgis's declarations are read into tslab's compiler when it is made (issue 20): a later
// `import ... from "tsgis"` cell reads none of them again, still type-checks against them, and a
// cell that imports nothing sees no tsgis name. Real tslab compiler over this workspace's folder.
import path from "path";
import { preloadingConverterFactory } from "../../kernel/src/jupyter/preloaded-declarations";
import { loadTslab, type Converter } from "../../kernel/src/jupyter/tslab-modules";
import { tslabTypeScript } from "../../kernel/src/jupyter/tslab-typescript";

const KERNEL_DIST = path.resolve(__dirname, "../../kernel/dist");

describe("tsgis's declarations read ahead", () => {
  let converter: Converter;

  beforeAll(() => {
    converter = preloadingConverterFactory(loadTslab().converter.createConverter)();
  }, 120_000);

  afterAll(() => converter.close());

  /** The declaration files of the kernel's package that TypeScript reads while `run` runs. */
  function tsgisFilesRead(run: () => void): string[] {
    const system = tslabTypeScript.sys;
    const readFile = system.readFile;
    const read: string[] = [];
    system.readFile = (file, encoding) => {
      if (file.startsWith(KERNEL_DIST)) read.push(file);
      return readFile.call(system, file, encoding);
    };
    try {
      run();
    } finally {
      system.readFile = readFile;
    }
    return read;
  }

  it("lets an import cell type-check against tsgis without reading its declarations again", () => {
    let result: ReturnType<Converter["convert"]> | undefined;
    const read = tsgisFilesRead(() => {
      result = converter.convert("", 'import { GIS } from "tsgis";\ntypeof GIS.connect');
    });
    expect(read).toEqual([]);
    expect(result?.diagnostics).toEqual([]);
    expect(result?.output).toContain('require("tsgis")');

    const wrong = converter.convert("", 'import { GIS } from "tsgis";\nGIS.connectTo');
    expect(wrong.diagnostics.map((d) => d.messageText)).toEqual([
      expect.stringContaining("'connectTo' does not exist"),
    ]);
  }, 60_000);

  it("shows a cell that imports nothing no tsgis name", () => {
    const result = converter.convert("", "typeof GIS");
    expect(result.diagnostics.map((d) => d.messageText)).toEqual(["Cannot find name 'GIS'."]);
  }, 60_000);
});
