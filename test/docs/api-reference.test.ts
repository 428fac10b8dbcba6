import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkCommentsFile } from "../../scripts/docs/check-comments";

// `npm run docs` must fail on an undocumented public member, and on one whose comment does not
// name its Python member or show an example. This runs TypeDoc with the repository's rules
// (typedoc.json) on a small package, then the comment check over its JSON.
const root = path.join(__dirname, "..", "..");
const rules = JSON.parse(fs.readFileSync(path.join(root, "typedoc.json"), "utf8")) as Record<
  string,
  unknown
>;

function runTypeDoc(source: string): { status: number | null; output: string; json: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-typedoc-"));
  fs.writeFileSync(path.join(dir, "index.ts"), source);
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, target: "ES2022" }, files: ["index.ts"] }),
  );
  const json = path.join(dir, "api.json");
  fs.writeFileSync(
    path.join(dir, "typedoc.json"),
    JSON.stringify({
      name: "sample",
      entryPoints: [path.join(dir, "index.ts")],
      tsconfig: path.join(dir, "tsconfig.json"),
      outputs: [{ name: "json", path: json }],
      disableSources: true,
      validation: rules.validation,
      requiredToBeDocumented: rules.requiredToBeDocumented,
      treatWarningsAsErrors: rules.treatWarningsAsErrors,
    }),
  );
  const cli = path.join(root, "node_modules", "typedoc", "bin", "typedoc");
  const result = spawnSync(process.execPath, [cli, "--options", path.join(dir, "typedoc.json")], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr, json };
}

const documentedClass = `
/**
 * A sample. Python: \`Sample\`.
 * @example
 * new Sample();
 */
export class Sample {
  /**
   * Says hello. Python: \`Sample.hello()\`.
   * @example
   * new Sample().hello();
   */
  hello(): string {
    return "hello";
  }
`;

describe("the API reference build", () => {
  jest.setTimeout(120_000);

  it("fails on a public member without a comment, naming it", () => {
    const { status, output } = runTypeDoc(`${documentedClass}
  undocumented(): number {
    return 1;
  }
}
`);
    expect(status).not.toBe(0);
    expect(output).toMatch(/Sample\.undocumented/);
  });

  it("passes a documented package, and the comment check names what lacks Python or @example", () => {
    const { status, output, json } = runTypeDoc(`${documentedClass}
  /** Says goodbye. */
  bye(): string {
    return "bye";
  }
  /** Waves. Python: \`Sample.wave()\`. */
  wave(): void {}
}
`);
    expect({ status, output }).toMatchObject({ status: 0 });
    expect(checkCommentsFile(json)).toEqual([
      { name: "Sample.bye", problem: "does not name the Python member" },
      { name: "Sample.wave", problem: "has no @example" },
    ]);
  });

  it("builds tsgis's own reference with no warnings and every member named after Python", () => {
    // What `npm run docs` runs, so CI (npm test) fails on an undocumented public member too.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-reference-"));
    const json = path.join(dir, "tsgis.json");
    const cli = path.join(root, "node_modules", "typedoc", "bin", "typedoc");
    const result = spawnSync(
      process.execPath,
      [cli, "--options", path.join(root, "typedoc.json"), "--json", json],
      { cwd: root, encoding: "utf8" },
    );
    expect({ status: result.status, output: result.stdout + result.stderr }).toMatchObject({
      status: 0,
    });
    expect(result.stdout + result.stderr).not.toMatch(/warning/);
    expect(checkCommentsFile(json)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
