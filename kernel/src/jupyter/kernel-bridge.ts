// The contract between the running tsgis kernel and library code in cells. tslab may load a
// second copy of the tsgis package for the notebook, so the kernel publishes itself under a
// process-wide Symbol.for key instead of a module variable; both copies find the same object.
// Change this interface only in backward-compatible ways.
import type { BinaryData, JsonObject } from "./protocol";

const KERNEL_BRIDGE_KEY = Symbol.for("tsgis.kernel.bridge.v1");

/** One message on a comm: its JSON data, metadata and binary buffers. */
export interface CommMessage {
  data: JsonObject;
  metadata: JsonObject;
  buffers: Buffer[];
}

export interface CommSendOptions {
  metadata?: JsonObject;
  buffers?: BinaryData[];
}

/** One end of a Jupyter comm, living in the kernel. */
export interface CommHandle {
  readonly commId: string;
  readonly targetName: string;
  readonly isClosed: boolean;
  /** Sends a `comm_msg` to the front end. */
  send(data: JsonObject, options?: CommSendOptions): void;
  /** Tells the front end the comm is gone; the close listeners do not run for our own close. */
  close(data?: JsonObject, options?: CommSendOptions): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: CommMessage) => void): () => void;
  /** Hears the front end close the comm; returns a function that removes the listener. */
  onClose(listener: (message: CommMessage) => void): () => void;
}

/** Called when the front end opens a comm to a target the kernel registered. */
export type CommTargetHandler = (comm: CommHandle, openMessage: CommMessage) => void;

export interface KernelBridge {
  /** Sends an IOPub message whose parent is the request being handled (display_data, …). */
  publish(msgType: string, content: JsonObject, options?: CommSendOptions): void;
  openComm(
    targetName: string,
    data?: JsonObject,
    options?: CommSendOptions & { commId?: string },
  ): CommHandle;
  /** Returns a function that unregisters the target. */
  registerCommTarget(targetName: string, handler: CommTargetHandler): () => void;
  /**
   * Lists a live widget for front ends that reconnect and ask for every widget's state;
   * returns a function that removes it. Optional: kernels of older tsgis versions lack it.
   */
  trackWidget?(modelId: string, readState: () => JsonObject): () => void;
  canPromptForInput(): boolean;
  promptForInput(prompt: string, options?: { password?: boolean }): Promise<string>;
}

type GlobalWithBridge = typeof globalThis & { [KERNEL_BRIDGE_KEY]?: KernelBridge };

/** The running kernel, or undefined outside the tsgis kernel (plain node, jest, a script). */
export function getKernelBridge(): KernelBridge | undefined {
  return (globalThis as GlobalWithBridge)[KERNEL_BRIDGE_KEY];
}

export function setKernelBridge(bridge: KernelBridge | undefined): void {
  (globalThis as GlobalWithBridge)[KERNEL_BRIDGE_KEY] = bridge;
}
