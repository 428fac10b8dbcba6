// The kernel side of a Jupyter widget (ipywidgets message protocol 2.1.0, comm target
// "jupyter.widget"): the model's state lives here and in the browser, kept in step with
// `update` messages; `custom` messages carry everything else. The map widget extends this.
// Outside the kernel a widget still keeps its state, so code using it can run in scripts and tests.
import { randomUUID } from "crypto";
import { inspect } from "util";
import { getKernelBridge, type CommHandle, type CommMessage } from "./kernel-bridge";
import { displaySymbol, type Displayable } from "./mime-bundle";
import { type BinaryData, isJsonObject, type JsonObject, type MimeBundle } from "./protocol";
import { extractBuffers, insertBuffers } from "./widget-buffers";

/**
 * The ipywidgets message protocol the widgets speak. Python: `ipywidgets._version.__protocol_version__`.
 * @example
 * console.log(WIDGET_PROTOCOL_VERSION); // "2.1.0"
 */
export const WIDGET_PROTOCOL_VERSION = "2.1.0";
export const WIDGET_COMM_TARGET = "jupyter.widget";
export const WIDGET_VIEW_MIME_TYPE = "application/vnd.jupyter.widget-view+json";

/** Which browser-side model and view classes render this widget. */
export interface WidgetModelSpec {
  modelName: string;
  modelModule: string;
  modelModuleVersion: string;
  viewName?: string | null;
  viewModule?: string | null;
  viewModuleVersion?: string;
}

export type StateChangeListener<State> = (changes: Partial<State>) => void;
export type CustomMessageListener = (content: JsonObject, buffers: Buffer[]) => void;

function specState(spec: WidgetModelSpec): JsonObject {
  return {
    _model_name: spec.modelName,
    _model_module: spec.modelModule,
    _model_module_version: spec.modelModuleVersion,
    _view_name: spec.viewName ?? null,
    _view_module: spec.viewModule ?? null,
    _view_module_version: spec.viewModuleVersion ?? "",
    _view_count: null,
  };
}

/**
 * The kernel side of a Jupyter widget model on the `jupyter.widget` comm; the map is one.
 * Python: `ipywidgets.DOMWidget`, which `arcgis.widgets.MapView` builds on.
 * @example
 * const widget = new Widget({ modelName: "MyModel", modelModule: "my-widgets" }, { value: 1 });
 * widget.set({ value: 2 });
 */
export class Widget<State extends JsonObject = JsonObject> implements Displayable {
  /**
   * The comm id, which front ends use as the model id. Python: `Widget.model_id`.
   * @example
   * console.log(widget.modelId);
   */
  readonly modelId: string;
  private currentState: State;
  private readonly spec: JsonObject;
  private readonly comm: CommHandle | undefined;
  private readonly changeListeners = new Set<StateChangeListener<State>>();
  private readonly customListeners = new Set<CustomMessageListener>();
  private untrack: (() => void) | undefined;

  /**
   * Opens the comm with the full state; outside the kernel the widget only keeps its state.
   * Python: `ipywidgets.Widget(**kwargs)`.
   * @example
   * const widget = new Widget({ modelName: "MyModel", modelModule: "my-widgets" }, { value: 1 });
   */
  constructor(spec: WidgetModelSpec, initialState: State) {
    this.spec = specState(spec);
    this.currentState = { ...initialState };
    const kernel = getKernelBridge();
    if (!kernel) {
      this.modelId = randomUUID().replace(/-/g, "");
      return;
    }
    const { state, bufferPaths, buffers } = extractBuffers(this.fullState());
    this.comm = kernel.openComm(
      WIDGET_COMM_TARGET,
      { state, buffer_paths: bufferPaths },
      { metadata: { version: WIDGET_PROTOCOL_VERSION }, buffers },
    );
    this.modelId = this.comm.commId;
    this.comm.onMessage((message) => this.receive(message));
    const untrack = kernel.trackWidget?.(this.modelId, () => this.fullState());
    if (untrack) {
      this.comm.onClose(untrack);
      this.untrack = untrack;
    }
  }

  /**
   * The current synced state. Python: the widget's traits (`Widget.get_state()`).
   * @example
   * console.log(widget.state);
   */
  get state(): Readonly<State> {
    return this.currentState;
  }

  /**
   * True once the comm is closed. Python: `Widget.comm is None`.
   * @example
   * if (!widget.isClosed) widget.set({ value: 3 });
   */
  get isClosed(): boolean {
    return this.comm?.isClosed ?? false;
  }

  /**
   * Changes state here and in the browser; binary values (typed arrays) go as buffers.
   * Python: assigning traits (`widget.value = 2`).
   * @example
   * widget.set({ value: 2 });
   */
  set(changes: Partial<State>): void {
    this.currentState = { ...this.currentState, ...changes };
    this.sendState(changes as JsonObject);
  }

  /**
   * Called with the keys the browser changed (e.g. the extent after the user panned).
   * Returns a function that removes the listener. Python: `Widget.observe(handler)`.
   * @example
   * const stop = widget.onChange((changes) => console.log(changes));
   */
  onChange(listener: StateChangeListener<State>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Sends a `custom` message: anything that is not state (commands, one-off data).
   * Python: `Widget.send(content, buffers)`.
   * @example
   * widget.sendCustom({ command: "refresh" });
   */
  sendCustom(content: JsonObject, buffers: BinaryData[] = []): void {
    this.comm?.send({ method: "custom", content }, { buffers });
  }

  /**
   * Hears the browser's `custom` messages; returns a function that removes the listener.
   * Python: `Widget.on_msg(callback)`.
   * @example
   * widget.onCustomMessage((content) => console.log(content));
   */
  onCustomMessage(listener: CustomMessageListener): () => void {
    this.customListeners.add(listener);
    return () => this.customListeners.delete(listener);
  }

  /**
   * Closes the comm; the browser drops the view. Python: `Widget.close()`.
   * @example
   * widget.close();
   */
  close(): void {
    this.comm?.close();
    this.untrack?.();
  }

  /**
   * The widget-view mime bundle that makes the front end draw it. Python: `Widget._repr_mimebundle_()`.
   * @example
   * display(widget);
   */
  [displaySymbol](): MimeBundle {
    return {
      [WIDGET_VIEW_MIME_TYPE]: { version_major: 2, version_minor: 0, model_id: this.modelId },
      "text/plain": this.describe(),
    };
  }

  /** The text form, shown where widgets cannot render; subclasses say what they are. */
  protected describe(): string {
    return `${this.constructor.name}(${this.modelId})`;
  }

  /**
   * The text form where widgets cannot render. Python: `Widget.__repr__()`.
   * @example
   * console.log(util.inspect(widget));
   */
  [inspect.custom](): string {
    return this.describe();
  }

  private fullState(): JsonObject {
    return { ...this.spec, ...this.currentState };
  }

  private sendState(state: JsonObject): void {
    if (!this.comm || this.comm.isClosed) return;
    const split = extractBuffers(state);
    this.comm.send(
      { method: "update", state: split.state, buffer_paths: split.bufferPaths },
      { buffers: split.buffers },
    );
  }

  private receive({ data, buffers }: CommMessage): void {
    switch (data.method) {
      case "update": {
        if (!isJsonObject(data.state)) return;
        const changes = insertBuffers(data.state, data.buffer_paths, buffers) as Partial<State>;
        this.currentState = { ...this.currentState, ...changes };
        for (const listener of [...this.changeListeners]) listener(changes);
        return;
      }
      case "request_state":
        this.sendState(this.fullState());
        return;
      case "custom": {
        const content = isJsonObject(data.content) ? data.content : {};
        for (const listener of [...this.customListeners]) listener(content, buffers);
        return;
      }
    }
  }
}
