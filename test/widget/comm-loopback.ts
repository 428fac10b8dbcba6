// An in-process stand-in for the tsgis kernel's comm layer, so the kernel side of the map can
// be driven without a running kernel: it records what the widget sends and lets a test play
// the browser's part. The e2e tests cover the same exchange with JupyterLab and chromium.
import {
  setKernelBridge,
  type CommHandle,
  type CommMessage,
  type KernelBridge,
} from "../../kernel/src/jupyter/kernel-bridge";

export interface SentMessage {
  data: Record<string, unknown>;
  buffers: Buffer[];
}

export class LoopbackComm implements CommHandle {
  readonly sent: SentMessage[] = [];
  isClosed = false;
  private readonly listeners = new Set<(message: CommMessage) => void>();

  constructor(
    readonly commId: string,
    readonly targetName: string,
    readonly openData: Record<string, unknown>,
  ) {}

  send(data: Record<string, unknown>, options: { buffers?: ArrayBufferView[] } = {}): void {
    const buffers = (options.buffers ?? []).map((b) =>
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    );
    this.sent.push({ data, buffers });
  }

  close(): void {
    this.isClosed = true;
  }

  onMessage(listener: (message: CommMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClose(): () => void {
    return () => undefined;
  }

  /** Plays a message from the browser. */
  receive(data: Record<string, unknown>, buffers: Buffer[] = []): void {
    for (const listener of [...this.listeners]) listener({ data, metadata: {}, buffers });
  }

  customSent(): Record<string, unknown>[] {
    return this.sent
      .filter((message) => message.data.method === "custom")
      .map((message) => message.data.content as Record<string, unknown>);
  }
}

export class LoopbackKernel implements KernelBridge {
  readonly comms: LoopbackComm[] = [];
  readonly published: { msgType: string; content: Record<string, unknown> }[] = [];
  private counter = 0;

  publish(msgType: string, content: Record<string, unknown>): void {
    this.published.push({ msgType, content });
  }

  openComm(targetName: string, data: Record<string, unknown> = {}): CommHandle {
    this.counter += 1;
    const comm = new LoopbackComm(`comm-${this.counter}`, targetName, data);
    this.comms.push(comm);
    return comm;
  }

  registerCommTarget(): () => void {
    return () => undefined;
  }

  canPromptForInput(): boolean {
    return false;
  }

  promptForInput(): Promise<string> {
    return Promise.reject(new Error("no input in tests"));
  }

  install(): void {
    setKernelBridge(this);
  }

  uninstall(): void {
    setKernelBridge(undefined);
  }
}

/** The comm the kernel opened last (a map's), or an error when it opened none. */
export function commOf(kernel: LoopbackKernel): LoopbackComm {
  const comm = kernel.comms.at(-1);
  if (!comm) throw new Error("no comm was opened");
  return comm;
}
