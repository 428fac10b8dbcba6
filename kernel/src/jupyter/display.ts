// Showing values in the notebook from anywhere in a cell, as IPython.display does. Outside the
// kernel the text/plain form goes to stdout, so scripts and tests still see something.
import { randomUUID } from "crypto";
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

/** An output in the notebook that can be replaced in place. */
export class DisplayHandle {
  constructor(readonly displayId: string) {}

  /** Replaces what this output shows (update_display_data). */
  update(value: unknown): void {
    show(value, this.displayId, true);
  }
}

/** Shows `value` as a new output of the running cell and returns a handle to update it. */
export function display(value: unknown): DisplayHandle {
  const handle = new DisplayHandle(randomUUID());
  show(value, handle.displayId, false);
  return handle;
}

/** Markup that displays as HTML (IPython's HTML): make it a cell's last expression or display() it. */
export class HtmlContent implements Displayable {
  constructor(readonly html: string) {}

  [displaySymbol](): MimeBundle {
    return { "text/html": this.html, "text/plain": "<HTML content>" };
  }
}

export function html(markup: string): HtmlContent {
  return new HtmlContent(markup);
}

/** Clears the running cell's outputs; with `wait`, only once new output arrives (no flicker). */
export function clearOutput(options: { wait?: boolean } = {}): void {
  getKernelBridge()?.publish("clear_output", { wait: options.wait === true });
}

/** Escapes text for inclusion in HTML built by display methods. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
