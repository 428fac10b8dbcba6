// tslab's JupyterHandlerImpl keeps the language services (completion, inspection, is-complete);
// the subclass only completes kernel_info_reply, which tslab sends without status or help.
import { kernelInfoReply } from "./kernel-info";
import type { JsonObject } from "./protocol";
import type { JupyterHandlerImpl } from "./tslab-modules";

export type TsgisHandlerClass = typeof JupyterHandlerImpl;

export function createTsgisHandlerClass(Base: typeof JupyterHandlerImpl): TsgisHandlerClass {
  return class TsgisJupyterHandler extends Base {
    override handleKernel(): ReturnType<JupyterHandlerImpl["handleKernel"]> {
      const tslabInfo = super.handleKernel();
      const reply = kernelInfoReply(tslabInfo.language_info as unknown as JsonObject);
      return reply as unknown as ReturnType<JupyterHandlerImpl["handleKernel"]>;
    }
  };
}
