// Where TypeScript cannot watch a folder recursively (Linux), it walks the folder and watches
// every subfolder on its own. tslab's compiler watches the notebook folder's node_modules and
// node_modules/@types that way, so as to notice packages installed while the kernel runs; with
// a full node_modules the walk is thousands of readdir calls and inotify watches, and took about
// a quarter of the compiler's start (bench/kernel). Packages are installed, replaced and removed
// as whole folders, which shows in node_modules, in a scope folder (`@types`, `@esri`, ...) or
// in the package's own folder; so recursive watches stop two levels below any node_modules.
// Files the compiler has read keep their own watchers, and folders outside node_modules are
// watched as deep as before.
import type * as TypeScript from "@tslab/typescript-for-tslab";

/**
 * A TypeScript exclude pattern: any path at least three levels below a node_modules folder.
 * `?*` (rather than `*`) keeps the second level itself, which TypeScript tests with a trailing
 * slash; its subfolders and entries are left out.
 */
export const DEEP_IN_NODE_MODULES = "/**/node_modules/*/*/?*";

/** Makes the recursive folder watches of `system` (tslab's TypeScript's `sys`) skip deep package folders. */
export function boundNodeModulesWatches(system: TypeScript.System): void {
  const watchDirectory = system.watchDirectory;
  if (!watchDirectory) return;
  system.watchDirectory = (path, callback, recursive, options) =>
    watchDirectory.call(
      system,
      path,
      callback,
      recursive,
      recursive
        ? {
            ...options,
            excludeDirectories: [...(options?.excludeDirectories ?? []), DEEP_IN_NODE_MODULES],
          }
        : options,
    );
}
