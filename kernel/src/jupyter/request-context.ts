// Which request the code running right now belongs to. Output, comm messages and prompts made
// later from timers, promises or comm handlers still carry the right parent header, because
// AsyncLocalStorage follows the asynchronous work started while handling that request.
import { AsyncLocalStorage } from "async_hooks";
import type { JupyterMessage } from "./protocol";

export type ChannelName = "shell" | "control";

export interface RequestContext {
  readonly request: JupyterMessage;
  readonly channel: ChannelName;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
