// tslab's own copy of TypeScript (5.0), the compiler that checks cells. The kernel reads cell
// syntax with the same copy, so that what it sees agrees with what tslab compiles.
import path from "path";
import type * as TypeScript from "@tslab/typescript-for-tslab";

export function tslabTypeScriptPath(): string {
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  return require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });
}

/** Loaded before the type-check gate stands in for it, so this is the real module. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from tslab's folder, not ours
export const tslabTypeScript: typeof TypeScript = require(tslabTypeScriptPath());
