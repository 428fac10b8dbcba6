// Versions of tsgis and of the tslab parts it runs on, for kernel_info_reply and the banner.
import { readFileSync } from "fs";
import path from "path";

function versionIn(packageJsonPath: string): string {
  return (JSON.parse(readFileSync(packageJsonPath, "utf8")) as { version: string }).version;
}

type Versions = { tsgis: string; tslab: string; typescript: string };

// Read once: jupyter_client asks for kernel_info repeatedly while it waits for the kernel.
let versions: Versions | undefined;

export function packageVersions(): Versions {
  versions ??= {
    // dist/jupyter (and src/jupyter) sit two levels below the package root.
    tsgis: versionIn(path.join(__dirname, "..", "..", "package.json")),
    tslab: versionIn(require.resolve("tslab/package.json")),
    typescript: versionIn(require.resolve("@tslab/typescript-for-tslab/package.json")),
  };
  return versions;
}
