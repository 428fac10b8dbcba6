// Makes `import ... from "tsgis"` work in a notebook anywhere, not only under a folder whose
// node_modules holds tsgis: the kernel offers the tsgis package it ships with, at its own
// version. A notebook folder that has its own tsgis (in node_modules there or above) keeps
// using that one: the kernel's copy is only the fallback, at run time and for type checking.
import Module from "module";
import path from "path";

const PACKAGE_NAME = "tsgis";

/** The root of the tsgis package this kernel runs from (dist/jupyter sits two levels below). */
export function ownPackageDir(): string {
  return path.join(__dirname, "..", "..");
}

/** Whether a notebook in `dir` finds a tsgis package of its own through node_modules. */
export function hasLocalPackage(dir: string): boolean {
  try {
    require.resolve(`${PACKAGE_NAME}/package.json`, { paths: [dir] });
    return true;
  } catch {
    return false;
  }
}

/** The part of `request` after "tsgis", when `request` names the tsgis package or a file in it. */
function subpathOf(request: string): string | null {
  if (request === PACKAGE_NAME) return "";
  return request.startsWith(`${PACKAGE_NAME}/`) ? request.slice(PACKAGE_NAME.length) : null;
}

type ResolveFilename = (request: string, parent: unknown, ...rest: unknown[]) => string;

/** Node's `require`: a request for tsgis that finds nothing near the cell resolves to ours. */
function installRuntimeFallback(packageDir: string): void {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    try {
      return resolveFilename.call(this, request, parent, ...rest);
    } catch (error) {
      const subpath = subpathOf(request);
      if (subpath === null || (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") {
        throw error;
      }
      return resolveFilename.call(this, packageDir + subpath, parent, ...rest);
    }
  };
}

/** The file-system calls TypeScript's module resolution makes through `ts.sys`. */
interface ResolutionSystem {
  fileExists(file: string): boolean;
  directoryExists(dir: string): boolean;
  readFile(file: string, encoding?: string): string | undefined;
  realpath?(file: string): string;
  getDirectories(dir: string): string[];
  readDirectory(dir: string, ...rest: unknown[]): string[];
}

/**
 * tslab's compiler resolves modules from the notebook's folder, as Node does; without a
 * node_modules/tsgis there it reports "Cannot find module 'tsgis'". Its file system is shown
 * `<notebook>/node_modules/tsgis` as the kernel's own package (tslab does the same for its
 * own `tslab` module), and `realpath` names the real place, so that the declarations' own
 * imports resolve from where the package really is.
 */
function installTypeFallback(system: ResolutionSystem, notebookDir: string, packageDir: string) {
  const shown = path.join(notebookDir, "node_modules", PACKAGE_NAME);
  const forward = (file: string): string => {
    const relative = path.relative(shown, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
    return path.join(packageDir, relative);
  };
  const original = { ...system };
  system.fileExists = (file) => original.fileExists(forward(file));
  system.directoryExists = (dir) => original.directoryExists(forward(dir));
  system.readFile = (file, encoding) => original.readFile(forward(file), encoding);
  system.getDirectories = (dir) => original.getDirectories(forward(dir));
  system.readDirectory = (dir, ...rest) => original.readDirectory(forward(dir), ...rest);
  const realpath = original.realpath;
  if (realpath) system.realpath = (file) => realpath(forward(file));
}

/** Called once when the kernel starts, in the notebook's folder (the kernel's working directory). */
export function offerOwnPackage(notebookDir: string = process.cwd()): void {
  if (hasLocalPackage(notebookDir)) return;
  const packageDir = ownPackageDir();
  installRuntimeFallback(packageDir);
  // The compiler tslab type-checks cells with: resolved from tslab, as tslab itself loads it.
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  const compilerPath = require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });
  const compiler = Module.createRequire(__filename)(compilerPath) as { sys: ResolutionSystem };
  installTypeFallback(compiler.sys, notebookDir, packageDir);
}
