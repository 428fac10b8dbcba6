// A subclass of tslab's ZmqServer. tslab keeps its sockets, heartbeat and language services;
// the subclass decodes every shell and control message itself (buffers included), runs its
// handling inside a request context, publishes busy/idle around it, and answers the message
// types tslab gets wrong or ignores: execute, comm_*, history, interrupt, shutdown.
import type { JsonObject, JupyterMessage } from "./protocol";
import { kernelLog } from "./kernel-log";
import type { KernelRuntime } from "./kernel-runtime";
import { type ChannelName, runInRequestContext } from "./request-context";
import { SerialSender } from "./serial-sender";
import type { ZmqServer } from "./tslab-modules";
import { decodeMessage } from "./wire";
import type * as zmq from "zeromq";

type Handler = ZmqServer["handler"];
type RequestOf<M extends "handleIsComplete" | "handleInspect" | "handleComplete"> = Parameters<
  Handler[M]
>[0];

/** Message types answered with `<name>_reply`; failures become an error reply, not silence. */
const REPLY_TYPES = new Set([
  "kernel_info_request",
  "execute_request",
  "is_complete_request",
  "inspect_request",
  "complete_request",
  "comm_info_request",
  "history_request",
  "interrupt_request",
  "shutdown_request",
]);

export function createTsgisServerClass(
  Base: typeof ZmqServer,
  runtime: KernelRuntime,
): typeof ZmqServer {
  const { channels } = runtime;

  return class TsgisZmqServer extends Base {
    constructor(handler: Handler, configPath: string) {
      super(handler, configPath);
      const reportFailure = (error: unknown) => kernelLog("a send failed:", error);
      channels.connect({
        shell: new SerialSender(() => this.shell, reportFailure),
        control: new SerialSender(() => this.control, reportFailure),
        stdin: new SerialSender(() => this.stdin, reportFailure),
        iopub: new SerialSender(() => this.iopub, reportFailure),
      });
    }

    override async init(): Promise<void> {
      await super.init();
      void this.readStdin();
    }

    override async handleShellMessage(socket: zmq.Router, ...frames: Buffer[]): Promise<void> {
      const channel: ChannelName = socket === this.control ? "control" : "shell";
      let request: JupyterMessage;
      try {
        request = decodeMessage(frames, this.connInfo.key);
      } catch (error) {
        kernelLog(`ignored an unreadable message on ${channel}:`, (error as Error).message);
        return;
      }
      await runInRequestContext({ request, channel }, () => this.handleRequest(request, channel));
    }

    private async handleRequest(request: JupyterMessage, channel: ChannelName): Promise<void> {
      const msgType = request.header.msg_type;
      let announcedBusy = false;
      const announceBusy = () => {
        if (announcedBusy) return;
        announcedBusy = true;
        void channels.publish("status", { execution_state: "busy" });
      };
      // A cell is busy from when it starts running: cells queued by "Run All" must not make the
      // kernel look idle when the first of them finishes.
      if (msgType !== "execute_request") announceBusy();
      let shuttingDown = false;
      try {
        shuttingDown = await this.answer(request, channel, announceBusy);
      } catch (error) {
        kernelLog(`failed to handle ${msgType}:`, error);
        if (REPLY_TYPES.has(msgType)) {
          const evalue = error instanceof Error ? error.message : String(error);
          void channels.reply(request, channel, msgType.replace(/_request$/, "_reply"), {
            status: "error",
            ename: error instanceof Error ? error.name : "Error",
            evalue,
            traceback: [evalue],
          });
        }
      } finally {
        announceBusy();
        void channels.publish("status", { execution_state: "idle" });
      }
      if (shuttingDown) await this.shutDown();
    }

    /** Answers one request; returns true when the kernel should shut down afterwards. */
    private async answer(
      request: JupyterMessage,
      channel: ChannelName,
      announceBusy: () => void,
    ): Promise<boolean> {
      const { content } = request;
      const reply = (msgType: string, replyContent: JsonObject) =>
        void channels.reply(request, channel, msgType, replyContent);
      switch (request.header.msg_type) {
        case "kernel_info_request":
          reply("kernel_info_reply", this.handler.handleKernel() as unknown as JsonObject);
          break;
        case "execute_request":
          reply("execute_reply", await runtime.cells.execute(request, announceBusy));
          break;
        case "is_complete_request":
          reply("is_complete_reply", {
            ...this.handler.handleIsComplete(content as unknown as RequestOf<"handleIsComplete">),
          });
          break;
        case "inspect_request":
          reply("inspect_reply", {
            ...this.handler.handleInspect(content as unknown as RequestOf<"handleInspect">),
          });
          break;
        case "complete_request":
          reply("complete_reply", {
            ...this.handler.handleComplete(content as unknown as RequestOf<"handleComplete">),
          });
          break;
        case "comm_info_request":
          reply("comm_info_reply", runtime.comms.info(content.target_name));
          break;
        case "comm_open":
        case "comm_msg":
        case "comm_close":
          runtime.comms.handle(request);
          break;
        case "history_request":
          reply("history_reply", runtime.history.reply(content));
          break;
        case "interrupt_request":
          runtime.interrupt();
          reply("interrupt_reply", { status: "ok" });
          break;
        case "shutdown_request":
          reply("shutdown_reply", { status: "ok", restart: content.restart === true });
          return true;
        default:
          kernelLog(`ignored unknown message type ${request.header.msg_type} on ${channel}`);
      }
      return false;
    }

    private async readStdin(): Promise<void> {
      for await (const frames of this.stdin) {
        try {
          runtime.stdin.handle(decodeMessage(frames, this.connInfo.key));
        } catch (error) {
          kernelLog("ignored an unreadable message on stdin:", (error as Error).message);
        }
      }
    }

    private async shutDown(): Promise<void> {
      await channels.drained();
      this.close();
      process.exit(0);
    }
  };
}
