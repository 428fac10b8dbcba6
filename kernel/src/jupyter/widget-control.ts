// The ipywidgets control channel (comm target "jupyter.widget.control", protocol 1.0.0): a front
// end that (re)connects to a running kernel asks it for every live widget's state in one
// `request_states` message and gets one `update_states` answer, as ipywidgets 8 kernels do.
// Without the target the widget manager's first comm of every notebook is refused.
import type { CommHandle, CommMessage } from "./kernel-bridge";
import type { JsonObject } from "./protocol";
import { extractBuffers } from "./widget-buffers";

export const WIDGET_CONTROL_COMM_TARGET = "jupyter.widget.control";

/** A widget's full state, `_model_name` and friends included; binary values stay binary. */
export type WidgetStateReader = () => JsonObject;

export class WidgetControl {
  private readonly widgets = new Map<string, WidgetStateReader>();

  /** Lists a live widget; returns a function that removes it (when its comm closes). */
  track(modelId: string, readState: WidgetStateReader): () => void {
    this.widgets.set(modelId, readState);
    return () => {
      if (this.widgets.get(modelId) === readState) this.widgets.delete(modelId);
    };
  }

  /** The comm target handler: answers each `request_states` on the comm. */
  serve(comm: CommHandle, _openMessage: CommMessage): void {
    comm.onMessage(({ data }) => {
      if (data.method === "request_states") this.sendStates(comm);
    });
  }

  private sendStates(comm: CommHandle): void {
    const states: JsonObject = {};
    for (const [modelId, readState] of this.widgets) {
      const state = readState();
      states[modelId] = {
        model_name: state._model_name ?? null,
        model_module: state._model_module ?? null,
        model_module_version: state._model_module_version ?? null,
        state,
      };
    }
    // Buffer paths start at the widget id ([id, "state", ...]), as the front end reads them.
    const split = extractBuffers(states);
    comm.send(
      { method: "update_states", states: split.state, buffer_paths: split.bufferPaths },
      { buffers: split.buffers },
    );
  }
}
