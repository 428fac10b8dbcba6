// The kernel side of the Jupyter comm protocol: comms opened from either end, targets the
// kernel offers, and the comm_open / comm_msg / comm_close / comm_info_request handlers.
import { randomUUID } from "crypto";
import type { KernelChannels } from "./channels";
import type { CommHandle, CommMessage, CommSendOptions, CommTargetHandler } from "./kernel-bridge";
import { kernelLog } from "./kernel-log";
import { isJsonObject, type JsonObject, type JupyterMessage, toBuffer } from "./protocol";

class MalformedCommMessage extends Error {}

function commMessageOf(message: JupyterMessage): CommMessage {
  const data = message.content.data ?? {};
  if (!isJsonObject(data)) throw new MalformedCommMessage("content.data is not an object");
  return { data, metadata: message.metadata, buffers: message.buffers };
}

function requiredString(content: JsonObject, field: string): string {
  const value = content[field];
  if (typeof value !== "string" || value === "") {
    throw new MalformedCommMessage(`content.${field} is missing or not a string`);
  }
  return value;
}

function notifyAll(
  listeners: Set<(message: CommMessage) => void>,
  message: CommMessage,
  what: string,
): void {
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch (error) {
      kernelLog(`a ${what} listener threw:`, error);
    }
  }
}

class Comm implements CommHandle {
  private closed = false;
  private readonly messageListeners = new Set<(message: CommMessage) => void>();
  private readonly closeListeners = new Set<(message: CommMessage) => void>();

  constructor(
    readonly commId: string,
    readonly targetName: string,
    private readonly channels: KernelChannels,
    private readonly forget: (comm: Comm) => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  send(data: JsonObject, options: CommSendOptions = {}): void {
    if (this.closed) throw new Error(`comm ${this.commId} (${this.targetName}) is closed`);
    void this.channels.publish("comm_msg", { comm_id: this.commId, data }, outgoing(options));
  }

  close(data: JsonObject = {}, options: CommSendOptions = {}): void {
    if (this.closed) return;
    this.closed = true;
    this.forget(this);
    void this.channels.publish("comm_close", { comm_id: this.commId, data }, outgoing(options));
  }

  onMessage(listener: (message: CommMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onClose(listener: (message: CommMessage) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  receive(message: CommMessage): void {
    notifyAll(this.messageListeners, message, "comm message");
  }

  closedByFrontEnd(message: CommMessage): void {
    this.closed = true;
    this.forget(this);
    notifyAll(this.closeListeners, message, "comm close");
  }
}

function outgoing(options: CommSendOptions): { metadata?: JsonObject; buffers?: Buffer[] } {
  return { metadata: options.metadata, buffers: options.buffers?.map(toBuffer) };
}

export class CommManager {
  private readonly comms = new Map<string, Comm>();
  private readonly targets = new Map<string, CommTargetHandler>();

  constructor(private readonly channels: KernelChannels) {}

  registerTarget(targetName: string, handler: CommTargetHandler): () => void {
    this.targets.set(targetName, handler);
    return () => {
      if (this.targets.get(targetName) === handler) this.targets.delete(targetName);
    };
  }

  open(
    targetName: string,
    data: JsonObject = {},
    options: CommSendOptions & { commId?: string } = {},
  ): CommHandle {
    const comm = this.track(options.commId ?? randomUUID().replace(/-/g, ""), targetName);
    void this.channels.publish(
      "comm_open",
      { comm_id: comm.commId, target_name: targetName, data },
      outgoing(options),
    );
    return comm;
  }

  /** Handles comm_open, comm_msg and comm_close; a malformed one is logged and dropped. */
  handle(message: JupyterMessage): void {
    try {
      switch (message.header.msg_type) {
        case "comm_open":
          return this.openedByFrontEnd(message);
        case "comm_msg":
          return this.messageFromFrontEnd(message);
        case "comm_close":
          return this.closedByFrontEnd(message);
      }
    } catch (error) {
      if (!(error instanceof MalformedCommMessage)) throw error;
      kernelLog(`ignored a malformed ${message.header.msg_type}: ${error.message}`);
    }
  }

  /** comm_info_reply content; `targetName` limits it to the comms of that target. */
  info(targetName: unknown): JsonObject {
    const comms: JsonObject = {};
    for (const comm of this.comms.values()) {
      if (typeof targetName === "string" && targetName && comm.targetName !== targetName) continue;
      comms[comm.commId] = { target_name: comm.targetName };
    }
    return { status: "ok", comms };
  }

  private track(commId: string, targetName: string): Comm {
    const comm = new Comm(commId, targetName, this.channels, (gone) => {
      if (this.comms.get(gone.commId) === gone) this.comms.delete(gone.commId);
    });
    this.comms.set(commId, comm);
    return comm;
  }

  private openedByFrontEnd(message: JupyterMessage): void {
    const commId = requiredString(message.content, "comm_id");
    const targetName = requiredString(message.content, "target_name");
    const openMessage = commMessageOf(message);
    const handler = this.targets.get(targetName);
    if (!handler) {
      // The front end waits for an answer; closing tells it nobody listens (as ipykernel does).
      kernelLog(`no comm target named "${targetName}"; closing comm ${commId}`);
      void this.channels.publish("comm_close", { comm_id: commId, data: {} });
      return;
    }
    const comm = this.track(commId, targetName);
    try {
      handler(comm, openMessage);
    } catch (error) {
      kernelLog(`the handler of comm target "${targetName}" threw; closing comm ${commId}:`, error);
      comm.close();
    }
  }

  private messageFromFrontEnd(message: JupyterMessage): void {
    const commId = requiredString(message.content, "comm_id");
    const comm = this.comms.get(commId);
    if (!comm) throw new MalformedCommMessage(`no open comm ${commId}`);
    comm.receive(commMessageOf(message));
  }

  private closedByFrontEnd(message: JupyterMessage): void {
    const commId = requiredString(message.content, "comm_id");
    const comm = this.comms.get(commId);
    if (!comm) throw new MalformedCommMessage(`no open comm ${commId}`);
    comm.closedByFrontEnd(commMessageOf(message));
  }
}
