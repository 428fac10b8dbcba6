// The REPL executor's pure parts, without a kernel: what a cell declares and whether it awaits
// at its top level, and which declarations carry over after a cell stopped part way. The
// behaviour in a running kernel is checked by cell_semantics_check.py (kernel.test.ts).
import { analyzeCell } from "../../kernel/src/jupyter/cell-analysis";
import { declarationsAfterPartialRun } from "../../kernel/src/jupyter/declaration-merge";

describe("analyzeCell", () => {
  test("lists top-level value and type names, destructuring and imports included", () => {
    const cell = analyzeCell(
      [
        'import fs, { join as joinPath, type Stats } from "fs";',
        'import * as os from "os";',
        "const a = 1, { b, c: [d] } = { b: 2, c: [3] };",
        "let e; var f;",
        "function g() { const inner = 1; return inner; }",
        "class H {}",
        "enum I { X }",
        "interface J { x: number }",
        "type K = string;",
        "{ const blockScoped = 1; }",
      ].join("\n"),
    );
    expect([...cell.valueNames].sort()).toEqual(
      ["H", "I", "a", "b", "d", "e", "f", "fs", "g", "joinPath", "os"].sort(),
    );
    expect([...cell.typeOnlyNames].sort()).toEqual(["J", "K", "Stats"]);
  });

  test.each([
    ["const x = [await p];", true],
    ["`${await p}`", true],
    ["f(await p)", true],
    ["for await (const x of xs) {}", true],
    ["if (await p) {}", true],
    ["const f = async () => await p;", false],
    ["async function f() { await p; }", false],
    ["class C { async m() { await p; } }", false],
    ["const x = 1;", false],
  ])("%s awaits at the top level: %s", (source, expected) => {
    expect(analyzeCell(source).awaitsAtTopLevel).toBe(expected);
  });
});

describe("declarationsAfterPartialRun", () => {
  const previous = [
    "declare const kept: number;",
    "declare let replaced: number;",
    "declare function notReached(): number;",
  ].join("\n");
  const source = [
    'import { join } from "path";',
    'const replaced = "now a string";',
    "let fresh = 1, unreached = 2;",
    "interface Shape { size: number }",
    "function notReached() { return 'text'; }",
  ].join("\n");
  // What the compiler wrote for the whole cell: its declarations, then the remaining old ones.
  const afterCell = [
    'import { join } from "path";',
    'declare const replaced = "now a string";',
    "declare let fresh: number, unreached: number;",
    "interface Shape {\n    size: number;\n}",
    "declare function notReached(): string;",
    "declare const kept: number;",
  ].join("\n");

  test("keeps new declarations of assigned names, old ones of the rest, and all types", () => {
    const merged = declarationsAfterPartialRun({
      previous,
      afterCell,
      cell: analyzeCell(source),
      assigned: new Set(["join", "replaced", "fresh"]),
    });
    const lines = merged.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        'import { join } from "path";',
        'declare const replaced = "now a string";',
        "declare let fresh: number;",
        "declare const kept: number;",
        "declare function notReached(): number;",
      ]),
    );
    expect(merged).toContain("interface Shape");
    expect(merged).not.toContain("unreached");
    expect(merged).not.toContain("declare let replaced: number");
    expect(merged).not.toContain("notReached(): string");
  });

  test("a cell that assigned nothing leaves the earlier declarations as they were", () => {
    const merged = declarationsAfterPartialRun({
      previous,
      afterCell,
      cell: analyzeCell(source),
      assigned: new Set(),
    });
    expect(merged).toContain("declare let replaced: number;");
    expect(merged).toContain("declare function notReached(): number;");
    expect(merged).not.toContain("join");
    expect(merged).not.toContain("fresh");
  });
});
