// Jupyter comms for library code: open one to the front end, or offer a target the front end
// can open comms to. Both need the tsgis kernel.
import {
  type CommHandle,
  type CommSendOptions,
  type CommTargetHandler,
  getKernelBridge,
  type KernelBridge,
} from "./kernel-bridge";
import type { JsonObject } from "./protocol";

export type { CommHandle, CommMessage, CommSendOptions, CommTargetHandler } from "./kernel-bridge";

/**
 * True when this code runs inside the tsgis kernel.
 * Python: none (an IPython kernel always runs one).
 * @example
 * if (isInKernel()) display(map);
 */
export function isInKernel(): boolean {
  return getKernelBridge() !== undefined;
}

function requireKernel(what: string): KernelBridge {
  const kernel = getKernelBridge();
  if (!kernel) throw new Error(`${what} needs the tsgis Jupyter kernel`);
  return kernel;
}

/**
 * Opens a comm from the kernel to the front end's target. Python: `comm.create_comm(target_name, data)`.
 * @example
 * const comm = openComm("my.target", { hello: "browser" });
 */
export function openComm(
  targetName: string,
  data: JsonObject = {},
  options: CommSendOptions & { commId?: string } = {},
): CommHandle {
  return requireKernel("openComm").openComm(targetName, data, options);
}

/**
 * Returns a function that unregisters the target.
 * Python: `comm_manager.register_target(target_name, handler)`.
 * @example
 * registerCommTarget("my.target", (comm) => comm.onMessage((m) => console.log(m.data)));
 */
export function registerCommTarget(targetName: string, handler: CommTargetHandler): () => void {
  return requireKernel("registerCommTarget").registerCommTarget(targetName, handler);
}
