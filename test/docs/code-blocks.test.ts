import fs from "node:fs";
import path from "node:path";
import {
  checkCodeBlocks,
  documentationFiles,
  extractCodeBlocks,
  type CodeBlock,
} from "../../scripts/docs/code-blocks";

// Every TypeScript block in README.md and docs/*.md must compile against the built packages,
// so that what users copy into a notebook works.
const root = path.join(__dirname, "..", "..");

function blocksOf(file: string): CodeBlock[] {
  return extractCodeBlocks(file, fs.readFileSync(path.join(root, file), "utf8"));
}

describe("TypeScript blocks in the documentation", () => {
  jest.setTimeout(120_000);

  it("type-check against the built tsgis and @tsgis/portal", () => {
    const blocks = documentationFiles(root).flatMap(blocksOf);
    expect(blocks.length).toBeGreaterThan(5);
    const errors = checkCodeBlocks(root, blocks);
    const report = errors.map((e) => `${e.file}:${e.line} (block ${e.block}): ${e.message}`);
    expect(report).toEqual([]);
  });

  it("reports a block that does not compile with its file, block and line", () => {
    const markdown = [
      "# Example",
      "```ts",
      'import { GIS } from "tsgis";',
      "const gis = await GIS.connect();",
      "```",
      "",
      "```typescript",
      'import { GIS } from "tsgis";',
      "const gis = await GIS.connect();",
      "const n: number = gis.url;",
      "```",
      "```sh",
      "not typescript",
      "```",
    ].join("\n");
    const blocks = extractCodeBlocks("docs/example.md", markdown);
    expect(blocks.map((b) => [b.block, b.line])).toEqual([
      [1, 3],
      [2, 8],
    ]);
    const errors = checkCodeBlocks(root, blocks);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "docs/example.md", block: 2, line: 10 });
    expect(errors[0].message).toMatch(/not assignable to type 'number'/);
  });
});
