// Progress of a long operation (a search over thousands of items, an upload): a bar updated in
// place in the notebook, or a single redrawn line on a terminal. It redraws only when what it
// shows changes, so callers can report every step without flooding the notebook.
import { isInKernel } from "./comm";
import { inspect } from "node:util";
import { display, type DisplayHandle } from "./display";
import { escapeHtml } from "./escape-html";
import { displaySymbol, type Displayable } from "./mime-bundle";
import type { MimeBundle } from "./protocol";

const BAR_WIDTH = 24;

/** Options of `progress()`. */
export interface ProgressOptions {
  /** How many steps make 100 %; without it the bar shows only the count. */
  total?: number;
}

/** One frame of a progress bar, as the notebook and the terminal show it. */
class ProgressFrame implements Displayable {
  constructor(
    private readonly label: string,
    private readonly completed: number,
    private readonly total: number | undefined,
    private readonly detail: string,
    private readonly finished: boolean,
  ) {}

  private percent(): number | undefined {
    if (this.total === undefined || this.total <= 0) return this.finished ? 100 : undefined;
    return Math.min(100, Math.floor((this.completed / this.total) * 100));
  }

  private counts(): string {
    return this.total === undefined ? `${this.completed}` : `${this.completed}/${this.total}`;
  }

  text(): string {
    const percent = this.percent();
    const filled = percent === undefined ? 0 : Math.round((percent / 100) * BAR_WIDTH);
    const bar =
      percent === undefined
        ? ""
        : ` [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent}%`;
    const detail = this.detail ? ` ${this.detail}` : "";
    return `${this.label}${bar} (${this.counts()})${detail}${this.finished ? " done" : ""}`;
  }

  [displaySymbol](): MimeBundle {
    const percent = this.percent();
    // A <progress> without value is the browser's "busy, amount unknown" bar.
    const value = percent === undefined ? "" : ` value="${percent}" max="100"`;
    const status = `${percent === undefined ? "" : `${percent}% `}(${this.counts()})${this.detail ? ` ${this.detail}` : ""}`;
    return {
      "text/html":
        `<div class="tsgis-progress"><span>${escapeHtml(this.label)}</span> ` +
        `<progress${value} style="width: 16em; vertical-align: middle"></progress> ` +
        `<span>${escapeHtml(status)}</span></div>`,
      "text/plain": this.text(),
    };
  }
}

/**
 * A progress bar updated in place: in the notebook, or a redrawn line on a terminal.
 * Python: what `tqdm` gives Python notebooks.
 * @example
 * const bar = progress("Uploading", { total: 3 });
 * bar.advance();
 */
export class Progress {
  private completed = 0;
  private detail = "";
  private finished = false;
  private lastShown: string | undefined;
  private handle: DisplayHandle | undefined;

  /**
   * Made by `progress()`. Python: `tqdm(desc=label, total=total)`.
   * @example
   * const bar = new Progress("Uploading", { total: 3 });
   */
  constructor(
    /**
     * The text before the bar. Python: `tqdm.desc`.
     * @example
     * console.log(bar.label);
     */
    readonly label: string,
    private readonly options: ProgressOptions = {},
  ) {
    this.render();
  }

  /**
   * Sets how many steps are complete.
   * Python: `tqdm.n = completed; tqdm.refresh()`.
   * @example
   * bar.update(2, "two files");
   */
  update(completed: number, detail?: string): void {
    this.completed = completed;
    if (detail !== undefined) this.detail = detail;
    this.render();
  }

  /**
   * Adds steps to the count. Python: `tqdm.update(steps)`.
   * @example
   * bar.advance();
   */
  advance(steps = 1, detail?: string): void {
    this.update(this.completed + steps, detail);
  }

  /**
   * Marks the bar complete. Python: `tqdm.close()`.
   * @example
   * bar.finish("all uploaded");
   */
  finish(detail?: string): void {
    if (this.finished) return;
    this.finished = true;
    if (this.options.total !== undefined)
      this.completed = Math.max(this.completed, this.options.total);
    if (detail !== undefined) this.detail = detail;
    this.render();
  }

  /**
   * The bar as it stands, in the notebook or as text. Python: `tqdm.__repr__()`.
   * @example
   * display(bar);
   */
  [displaySymbol](): MimeBundle {
    return this.frame()[displaySymbol]();
  }

  /**
   * What `util.inspect` and `console.log` print: the bar as text. Python: `tqdm.__repr__()`.
   * @example
   * console.log(util.inspect(bar));
   */
  [inspect.custom](): string {
    return this.frame().text();
  }

  private frame(): ProgressFrame {
    return new ProgressFrame(
      this.label,
      this.completed,
      this.options.total,
      this.detail,
      this.finished,
    );
  }

  private render(): void {
    const frame = this.frame();
    const text = frame.text();
    if (text === this.lastShown) return;
    this.lastShown = text;
    if (isInKernel()) {
      if (this.handle) this.handle.update(frame);
      else this.handle = display(frame);
    } else if (process.stdout.isTTY) {
      // \r and erase-to-end-of-line redraw the same terminal line.
      process.stdout.write(`\r${text}\x1b[K${this.finished ? "\n" : ""}`);
    } else if (this.finished) {
      // Logs and pipes get the outcome once instead of a line per step.
      process.stdout.write(`${text}\n`);
    }
  }
}

/**
 * Starts a progress display: `const p = progress("Uploading", { total: files.length })`.
 * Python: `tqdm(desc=label, total=total)`.
 * @example
 * const bar = progress("Uploading", { total: files.length });
 */
export function progress(label: string, options: ProgressOptions = {}): Progress {
  return new Progress(label, options);
}
