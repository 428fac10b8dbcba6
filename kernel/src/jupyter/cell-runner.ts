// Runs execute_requests on tslab's executor and reports like ipykernel: execute_input, the
// last expression as execute_result with a rich mime bundle, failures as an `error` message
// and an error reply. tslab's executor reports results and failures only through the console
// object it is created with, so the runner supplies that console and listens to it.
import { format } from "util";
import type { KernelChannels } from "./channels";
import { type ErrorReport, reportDiagnostics, reportThrown } from "./error-report";
import { ExecutionQueue } from "./execution-queue";
import type { History } from "./history";
import { kernelLog } from "./kernel-log";
import { toMimeBundle } from "./mime-bundle";
import type { JsonObject, JupyterMessage } from "./protocol";
import type { ConsoleInterface, Executor } from "./tslab-modules";

interface RunningCell {
  silent: boolean;
  executionCount: number;
  /** Compiler diagnostics, formatted; printed even when the cell is a module that still loads. */
  diagnostics: string[];
  thrown?: { value: unknown };
  historyEntry?: { output: string | null };
}

export class CellRunner {
  private executor: Executor | undefined;
  private readonly queue = new ExecutionQueue();
  private executionCount = 0;
  private running: RunningCell | undefined;

  /** Pass this to tslab's createExecutor: it is how the executor reports back. */
  readonly tslabConsole: ConsoleInterface = {
    log: (value: unknown) => this.showResult(value),
    error: (...args: unknown[]) => this.recordFailure(args),
  };

  constructor(
    private readonly channels: KernelChannels,
    private readonly history: History,
  ) {}

  attach(executor: Executor): void {
    this.executor = executor;
  }

  interrupt(): void {
    this.executor?.interrupt();
  }

  /**
   * Returns the execute_reply content. `onStart` runs when the cell leaves the queue (or is
   * aborted), so the kernel reports busy while it runs, not while it waits behind others.
   */
  async execute(request: JupyterMessage, onStart: () => void = () => {}): Promise<JsonObject> {
    const { content } = request;
    const code = typeof content.code === "string" ? content.code : "";
    const silent = content.silent === true;
    const storeHistory = !silent && content.store_history !== false;
    const stopOnError = content.stop_on_error !== false;
    if (!silent) this.channels.rememberExecuteRequest(request.header);
    const outcome = await this.queue.run(() => {
      onStart();
      return this.run(code, silent, storeHistory, stopOnError);
    });
    if (outcome.aborted) {
      onStart();
      return { status: "aborted", execution_count: this.executionCount };
    }
    return outcome.value;
  }

  private async run(
    code: string,
    silent: boolean,
    storeHistory: boolean,
    stopOnError: boolean,
  ): Promise<JsonObject> {
    if (!this.executor) throw new Error("the kernel has no executor yet");
    const cell: RunningCell = {
      silent,
      executionCount: storeHistory ? ++this.executionCount : this.executionCount,
      diagnostics: [],
    };
    if (!silent) {
      void this.channels.publish("execute_input", { code, execution_count: cell.executionCount });
    }
    if (storeHistory) cell.historyEntry = this.history.record(cell.executionCount, code);
    this.running = cell;
    let succeeded: boolean;
    try {
      succeeded = await this.executor.execute(code);
    } catch (error) {
      // The executor lets through what is thrown while showing the result.
      succeeded = false;
      cell.thrown = { value: error };
    } finally {
      this.running = undefined;
    }
    if (succeeded) {
      if (cell.diagnostics.length > 0) process.stderr.write(cell.diagnostics.join("\n") + "\n");
      return {
        status: "ok",
        execution_count: cell.executionCount,
        payload: [],
        user_expressions: {},
      };
    }
    if (stopOnError) this.queue.abortWaiting();
    const report: ErrorReport = cell.thrown
      ? reportThrown(cell.thrown.value)
      : reportDiagnostics(cell.diagnostics);
    // The `error` message has no execution_count: the protocol does not allow one there, and a
    // front end that saves it into the notebook writes a file nbformat rejects.
    void this.channels.publish("error", { ...report });
    return { status: "error", execution_count: cell.executionCount, ...report };
  }

  private showResult(value: unknown): void {
    const cell = this.running;
    if (!cell || cell.silent) return;
    const data = toMimeBundle(value);
    if (cell.historyEntry) cell.historyEntry.output = String(data["text/plain"]);
    void this.channels.publish("execute_result", {
      execution_count: cell.executionCount,
      data,
      metadata: {},
    });
  }

  /** tslab calls error(thrownValue) for a failure, error(format, …) for each diagnostic. */
  private recordFailure(args: unknown[]): void {
    const cell = this.running;
    if (!cell) {
      kernelLog(...args);
      return;
    }
    if (args.length === 1) cell.thrown = { value: args[0] };
    else cell.diagnostics.push(format(...args));
  }
}
