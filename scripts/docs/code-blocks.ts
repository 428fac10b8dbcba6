import fs from "node:fs";
import path from "node:path";
import { builtPackageOptions, compileInMemory, loadTslabCompiler } from "./compiler";

/** A ```ts or ```typescript block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** 1-based number of the block among the file's TypeScript blocks. */
  block: number;
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
  code: string;
}

/** A compiler error in a block, located in its Markdown file. */
export interface BlockError {
  file: string;
  block: number;
  line: number;
  message: string;
}

/** README.md and docs/*.md: the Markdown users read (docs/api/ is generated HTML). */
export function documentationFiles(root: string): string[] {
  const docs = fs
    .readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join("docs", name));
  return ["README.md", ...docs];
}

export function extractCodeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].trim().startsWith(fence)) end++;
    blocks.push({
      file,
      block: blocks.length + 1,
      line: start + 1,
      code: lines.slice(start, end).join("\n"),
    });
    i = end;
  }
  return blocks;
}

/**
 * Type-checks each block as its own ES module (top-level await allowed) against the built
 * packages: `tsgis` is kernel/, `@tsgis/portal` is portal/, through their package.json "types".
 * The compiler is tslab's TypeScript 5.0 with `strict` off, as notebook cells are checked.
 */
export function checkCodeBlocks(root: string, blocks: CodeBlock[]): BlockError[] {
  const ts = loadTslabCompiler(root);
  // The kernel's compiler settings, not the packages' own: blocks are what users type into
  // cells, and tslab compiles cells with `strict` off (docs/kernel.md, "Compiler settings").
  const options = { ...builtPackageOptions(ts, root, ts.ModuleKind.ESNext), strict: false };
  const virtualDir = path.join(root, ".doc-blocks");
  const sources = new Map<string, CodeBlock>();
  for (const block of blocks) {
    const name = `${block.file.replace(/[^\w]+/g, "_")}_${block.block}.ts`;
    sources.set(path.join(virtualDir, name), block);
  }
  // `export {}` makes every block a module of its own, so blocks never clash.
  const program = compileInMemory(
    ts,
    options,
    new Map([...sources].map(([name, block]) => [name, `${block.code}\nexport {};\n`])),
  );

  const errors: BlockError[] = [];
  for (const [fileName, block] of sources) {
    const sourceFile = program.getSourceFile(fileName)!;
    for (const d of ts.getPreEmitDiagnostics(program, sourceFile)) {
      const at =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      errors.push({
        file: block.file,
        block: block.block,
        line: block.line + (at && d.file === sourceFile ? at.line : 0),
        message: ts.flattenDiagnosticMessageText(d.messageText, " "),
      });
    }
  }
  return errors;
}
