// input_request / input_reply on the stdin channel. The request goes to the client that sent
// the execute_request being run, which is why prompting needs the request context. The typed
// value is never logged: it may be a password.
import type { KernelChannels } from "./channels";
import { kernelLog } from "./kernel-log";
import type { JupyterMessage } from "./protocol";
import { currentRequestContext } from "./request-context";

export class InputUnavailableError extends Error {
  override name = "InputUnavailableError";
}

export class InputInterruptedError extends Error {
  override name = "KeyboardInterrupt";
}

interface PendingPrompt {
  resolve(value: string): void;
  reject(error: Error): void;
}

export class StdinChannel {
  /** The front end answers prompts in order, one at a time. */
  private readonly pending: PendingPrompt[] = [];

  constructor(private readonly channels: KernelChannels) {}

  /** The execute_request that allows prompting, if the current code runs inside one. */
  private promptableRequest(): JupyterMessage | undefined {
    const request = currentRequestContext()?.request;
    if (request?.header.msg_type !== "execute_request") return undefined;
    return request.content.allow_stdin === true ? request : undefined;
  }

  canPrompt(): boolean {
    return this.promptableRequest() !== undefined;
  }

  prompt(prompt: string, options: { password?: boolean } = {}): Promise<string> {
    const request = this.promptableRequest();
    if (!request) {
      return Promise.reject(
        new InputUnavailableError("this front end does not accept input (allow_stdin is false)"),
      );
    }
    return new Promise<string>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      void this.channels.requestOnStdin(request, "input_request", {
        prompt,
        password: options.password === true,
      });
    });
  }

  handle(message: JupyterMessage): void {
    if (message.header.msg_type !== "input_reply") {
      kernelLog(`ignored ${message.header.msg_type} on the stdin channel`);
      return;
    }
    const waiting = this.pending.shift();
    if (!waiting) {
      kernelLog("ignored an input_reply nobody asked for");
      return;
    }
    const value = message.content.value;
    waiting.resolve(typeof value === "string" ? value : "");
  }

  /** An interrupted cell stops waiting for its answer, like KeyboardInterrupt in input(). */
  interruptPending(): void {
    for (const waiting of this.pending.splice(0)) {
      waiting.reject(new InputInterruptedError("interrupted while waiting for input"));
    }
  }
}
