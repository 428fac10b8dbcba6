export { escapeHtml } from "./escape-html";
// Showing values in the notebook from anywhere in a cell, as IPython.display does. Outside the
// kernel the text/plain form goes to stdout, so scripts and tests still see something.
import { randomUUID } from "crypto";
import { inspect } from "node:util";
import { getKernelBridge } from "./kernel-bridge";
import { type Displayable, displaySymbol, toMimeBundle } from "./mime-bundle";
import type { MimeBundle } from "./protocol";

export { displaySymbol, type Displayable } from "./mime-bundle";

function show(value: unknown, displayId: string, update: boolean): void {
  const data = toMimeBundle(value);
  const kernel = getKernelBridge();
  if (!kernel) {
    process.stdout.write(`${String(data["text/plain"])}\n`);
    return;
  }
  kernel.publish(update ? "update_display_data" : "display_data", {
    data,
    metadata: {},
    transient: { display_id: displayId },
  });
}

/**
 * An output in the notebook that can be replaced in place.
 * Python: `IPython.display.DisplayHandle`.
 * @example
 * const handle = display("Starting…");
 * handle.update("Done");
 */
export class DisplayHandle {
  /**
   * Made by `display()`. Python: `DisplayHandle(display_id)`.
   * @example
   * const handle = display("Starting…");
   */
  constructor(
    /**
     * The Jupyter display id that `update` replaces. Python: `DisplayHandle.display_id`.
     * @example
     * console.log(handle.displayId);
     */
    readonly displayId: string,
  ) {}

  /**
   * Replaces what this output shows (update_display_data).
   * Python: `DisplayHandle.update(obj)`.
   * @example
   * handle.update("Done");
   */
  update(value: unknown): void {
    show(value, this.displayId, true);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `DisplayHandle.__repr__()`.
   * @example
   * console.log(util.inspect(handle));
   */
  [inspect.custom](): string {
    return `<DisplayHandle id:${this.displayId}>`;
  }
}

/**
 * Shows `value` as a new output of the running cell and returns a handle to update it.
 * Python: `IPython.display.display(obj, display_id=True)`.
 * @example
 * const handle = display(item);
 */
export function display(value: unknown): DisplayHandle {
  const handle = new DisplayHandle(randomUUID());
  show(value, handle.displayId, false);
  return handle;
}

/**
 * Markup that displays as HTML (IPython's HTML): make it a cell's last expression or display() it.
 * Python: `IPython.display.HTML`.
 * @example
 * display(new HtmlContent("<b>Done</b>"));
 */
export class HtmlContent implements Displayable {
  /**
   * Python: `HTML(data)`.
   * @example
   * const content = new HtmlContent("<b>Done</b>");
   */
  constructor(
    /**
     * The markup. Python: `HTML.data`.
     * @example
     * console.log(content.html);
     */
    readonly html: string,
  ) {}

  /**
   * The HTML mime bundle. Python: `HTML._repr_html_()`.
   * @example
   * display(content);
   */
  [displaySymbol](): MimeBundle {
    return { "text/html": this.html, "text/plain": "<HTML content>" };
  }
}

/**
 * Wraps markup so that it shows as HTML. Python: `IPython.display.HTML(markup)`.
 * @example
 * display(html("<h3>Results</h3>"));
 */
export function html(markup: string): HtmlContent {
  return new HtmlContent(markup);
}

/**
 * Clears the running cell's outputs; with `wait`, only once new output arrives (no flicker).
 * Python: `IPython.display.clear_output(wait=False)`.
 * @example
 * clearOutput({ wait: true });
 */
export function clearOutput(options: { wait?: boolean } = {}): void {
  getKernelBridge()?.publish("clear_output", { wait: options.wait === true });
}
