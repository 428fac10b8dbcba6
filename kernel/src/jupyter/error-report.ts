// Turns what went wrong in a cell into the ename / evalue / traceback of Jupyter's `error`
// message and error reply.
import { inspect } from "util";

export interface ErrorReport {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** tslab's message when an interrupt ends an awaiting cell; Node's code for a SIGINT break. */
const TSLAB_ASYNC_INTERRUPT = "Interrupted asynchronously";
const NODE_SIGINT_CODE = "ERR_SCRIPT_EXECUTION_INTERRUPTED";

function isInterruption(error: Error): boolean {
  return (
    error.message === TSLAB_ASYNC_INTERRUPT ||
    (error as NodeJS.ErrnoException).code === NODE_SIGINT_CODE ||
    error.name === "KeyboardInterrupt"
  );
}

/** Frames from the point where the kernel ran the cell are the kernel's, not the user's. */
function userFrames(stack: string): string[] {
  const lines = stack.split("\n");
  const kernelStart = lines.findIndex(
    (line) => line.includes("(node:vm:") || line.includes("tslab/dist/executor"),
  );
  return kernelStart > 0 ? lines.slice(0, kernelStart) : lines;
}

export function reportThrown(thrown: unknown): ErrorReport {
  if (!(thrown instanceof Error)) {
    const evalue = inspect(thrown);
    return { ename: "Error", evalue, traceback: [`Uncaught ${evalue}`] };
  }
  if (isInterruption(thrown)) {
    return {
      ename: "KeyboardInterrupt",
      evalue: thrown.message,
      traceback: ["KeyboardInterrupt: " + thrown.message],
    };
  }
  const ename = thrown.name || thrown.constructor?.name || "Error";
  const traceback = thrown.stack ? userFrames(thrown.stack) : [`${ename}: ${thrown.message}`];
  return { ename, evalue: thrown.message, traceback };
}

/** TypeScript's complaints about a cell, which then does not run at all. */
export function reportDiagnostics(diagnostics: string[]): ErrorReport {
  const lines = diagnostics.length > 0 ? diagnostics : ["the cell did not compile"];
  return { ename: "TypeScriptError", evalue: lines[0] ?? "", traceback: lines };
}
