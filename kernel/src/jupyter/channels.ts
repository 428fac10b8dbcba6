// Sending messages to the front end: replies on shell/control/stdin, broadcasts on IOPub.
// Every outgoing message gets a fresh header and the parent header of the request it answers.
import { randomUUID } from "crypto";
import type { JupyterMessage, JsonObject, MessageHeader } from "./protocol";
import { kernelLog } from "./kernel-log";
import { currentRequestContext } from "./request-context";
import type { SerialSender } from "./serial-sender";
import { encodeMessage, newHeader } from "./wire";

export interface OutgoingOptions {
  metadata?: JsonObject;
  buffers?: Buffer[];
  /** Overrides the parent taken from the request being handled. */
  parent?: MessageHeader;
}

export interface KernelSenders {
  shell: SerialSender;
  control: SerialSender;
  stdin: SerialSender;
  iopub: SerialSender;
}

export class KernelChannels {
  readonly session = randomUUID();
  private readonly username = "tsgis";
  /**
   * Output produced outside any request (e.g. by a callback registered at load time) goes to
   * the most recent cell, as ipykernel does.
   */
  private lastExecuteRequest: MessageHeader | undefined;

  private senders: KernelSenders | undefined;

  constructor(private readonly key: string) {}

  /** The sockets exist only once tslab's server is built, after the services that use them. */
  connect(senders: KernelSenders): void {
    this.senders = senders;
  }

  rememberExecuteRequest(header: MessageHeader): void {
    this.lastExecuteRequest = header;
  }

  currentParent(): MessageHeader | undefined {
    return currentRequestContext()?.request.header ?? this.lastExecuteRequest;
  }

  publish(msgType: string, content: JsonObject, options: OutgoingOptions = {}): Promise<void> {
    const parent = options.parent ?? this.currentParent();
    return this.send("iopub", {
      identities: [Buffer.from(`kernel.${this.session}.${msgType}`)],
      header: newHeader(msgType, this.session, this.username),
      parentHeader: parent ?? {},
      metadata: options.metadata ?? {},
      content,
      buffers: options.buffers ?? [],
    });
  }

  reply(
    request: JupyterMessage,
    channel: "shell" | "control" | "stdin",
    msgType: string,
    content: JsonObject,
  ): Promise<void> {
    return this.send(channel, {
      identities: request.identities,
      header: newHeader(msgType, request.header.session || this.session, this.username),
      parentHeader: request.header,
      metadata: {},
      content,
      buffers: [],
    });
  }

  /** Sends a request of our own (input_request) to the client that sent `request`. */
  requestOnStdin(request: JupyterMessage, msgType: string, content: JsonObject): Promise<void> {
    return this.reply(request, "stdin", msgType, content);
  }

  async drained(): Promise<void> {
    if (!this.senders) return;
    await Promise.all(Object.values(this.senders).map((sender) => sender.drained()));
  }

  private send(channel: keyof KernelSenders, message: JupyterMessage): Promise<void> {
    if (!this.senders) {
      kernelLog(`dropped a ${message.header.msg_type} sent before the kernel's sockets exist`);
      return Promise.resolve();
    }
    return this.senders[channel].send(encodeMessage(message, this.key));
  }
}
