import path from "node:path";
import type * as TypeScript from "typescript";

/** tslab's own compiler (TypeScript 5.0): what notebook cells are checked with. */
export function loadTslabCompiler(root: string): typeof TypeScript {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("@tslab/typescript-for-tslab", { paths: [root] }));
}

/**
 * Options that resolve `tsgis` (and `@tsgis/portal`) to the built packages, through their
 * package.json "types", as a project that installed them would.
 */
export function builtPackageOptions(
  ts: typeof TypeScript,
  root: string,
  module: TypeScript.ModuleKind,
): TypeScript.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [path.join(root, "node_modules", "@types")],
    baseUrl: root,
    paths: { tsgis: [path.join(root, "kernel")], "@tsgis/portal": [path.join(root, "portal")] },
  };
}

/** A program over files that exist only in memory (path → source), beside the real ones. */
export function compileInMemory(
  ts: typeof TypeScript,
  options: TypeScript.CompilerOptions,
  sources: Map<string, string>,
  oldProgram?: TypeScript.Program,
): TypeScript.Program {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => sources.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => sources.has(path.resolve(name)) || fileExists(name);
  return ts.createProgram([...sources.keys()], options, host, oldProgram);
}
