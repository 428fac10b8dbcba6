// How a type error that did not stop its cell is shown: one stderr line with where it is.
import path from "path";
import { tslabTypeScript as ts } from "./tslab-typescript";
import type * as TypeScript from "@tslab/typescript-for-tslab";

/** tslab's compiler sees a cell as a file named __tslab__.ts whose first line it added itself. */
const CELL_FILE = "__tslab__.ts";
const CELL_PREFIX_LINES = 1;

export function formatTypeWarning(diagnostic: TypeScript.Diagnostic, rootDir: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const { file, start } = diagnostic;
  if (!file || start === undefined) return `Type warning TS${diagnostic.code}: ${message}`;
  const position = file.getLineAndCharacterOfPosition(start);
  const inCell = path.basename(file.fileName) === CELL_FILE;
  const line = position.line + 1 - (inCell ? CELL_PREFIX_LINES : 0);
  const where = inCell ? "" : path.relative(rootDir, file.fileName) + " ";
  return `Type warning ${where}${line}:${position.character + 1} - ${message} (TS${diagnostic.code}; the cell ran anyway)`;
}
