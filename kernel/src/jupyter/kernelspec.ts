// Writes and removes the Jupyter kernelspec "tsgis" without Python: a kernel.json whose argv
// runs this package's launcher with the node binary doing the install.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { homedir } from "os";
import path from "path";

export const KERNEL_NAME = "tsgis";
export const DISPLAY_NAME = "TypeScript (tsgis)";

export interface KernelspecLocation {
  /** Install under `<prefix>/share/jupyter/kernels`. */
  prefix?: string;
  /** Install into the user's Jupyter data directory. */
  user?: boolean;
}

/** Jupyter's per-user data directory, as jupyter_core computes it. */
function userDataDir(): string {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") return path.join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32") {
    return path.join(process.env.APPDATA ?? path.join(homedir(), "AppData", "Roaming"), "jupyter");
  }
  const dataHome = process.env.XDG_DATA_HOME || path.join(homedir(), ".local", "share");
  return path.join(dataHome, "jupyter");
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Without --user or --prefix: system-wide when root (as `jupyter kernelspec install`), else per user. */
export function kernelspecDir(location: KernelspecLocation): string {
  if (location.prefix)
    return path.join(path.resolve(location.prefix), "share", "jupyter", "kernels", KERNEL_NAME);
  if (location.user || !isRoot()) return path.join(userDataDir(), "kernels", KERNEL_NAME);
  return path.join("/usr/local/share/jupyter/kernels", KERNEL_NAME);
}

export interface KernelspecOptions {
  /** The kernel refuses to run cells with type errors (they are warnings otherwise). */
  strictTypes?: boolean;
}

export function kernelJson(options: KernelspecOptions = {}): object {
  return {
    argv: [
      process.execPath,
      path.join(__dirname, "cli.js"),
      "--connection-file",
      "{connection_file}",
      ...(options.strictTypes ? ["--strict-types"] : []),
    ],
    display_name: DISPLAY_NAME,
    language: "typescript",
    // A signal also stops synchronous loops; an interrupt_request message cannot reach a
    // kernel whose only thread is busy.
    interrupt_mode: "signal",
    metadata: { debugger: false },
  };
}

export function installKernelspec(
  location: KernelspecLocation,
  options: KernelspecOptions = {},
): string {
  const dir = kernelspecDir(location);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(kernelJson(options), null, 2) + "\n");
  return dir;
}

/** Returns the removed directory, or undefined when nothing was installed there. */
export function uninstallKernelspec(location: KernelspecLocation): string | undefined {
  const dir = kernelspecDir(location);
  if (!existsSync(dir)) return undefined;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
