// Messages about the kernel itself go to the kernel process's own stderr (the terminal or
// log of whoever started Jupyter), never into a notebook cell. The writer is captured before
// the kernel redirects process.stderr into the notebook.
import { format } from "util";

const writeToProcessStderr = process.stderr.write.bind(process.stderr);

export function kernelLog(...args: unknown[]): void {
  writeToProcessStderr(`[tsgis kernel] ${format(...args)}\n`);
}
