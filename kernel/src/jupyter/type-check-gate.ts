// Lets a cell with type errors run. tslab refuses to emit a cell whenever TypeScript reports any
// diagnostic, and it reads them through one function of its TypeScript copy,
// `getPreEmitDiagnosticsOfFiles`. That function cannot be reassigned on the module (its export
// is a fixed getter), so tslab's converter is given a stand-in module object that forwards
// every export and filters that one: while the gate is open, type errors are held back for the
// kernel to show as warnings, and only what makes a cell unrunnable (syntax errors, an `await`
// outside an async function) reaches tslab. Must be imported before tslab's converter loads.
import type * as TypeScript from "@tslab/typescript-for-tslab";
import { tslabTypeScriptPath } from "./tslab-typescript";

type TypeScriptModule = typeof TypeScript;

/** tslab keeps its own diagnostic for a top-level await and decides itself whether it is one. */
const AWAIT_OUTSIDE_ASYNC = 1308;

function diagnosticKey(d: TypeScript.Diagnostic): string {
  return `${d.file?.fileName ?? ""}:${d.start ?? -1}:${d.code}`;
}

class TypeCheckGate {
  private open = false;
  private held: TypeScript.Diagnostic[] = [];

  /** Runs `compile` with type errors held back; returns its result and the held errors. */
  passTypeErrors<T>(compile: () => T): { result: T; typeErrors: TypeScript.Diagnostic[] } {
    this.open = true;
    this.held = [];
    try {
      return { result: compile(), typeErrors: this.held };
    } finally {
      this.open = false;
      this.held = [];
    }
  }

  filter(
    program: TypeScript.Program,
    diagnostics: readonly TypeScript.Diagnostic[],
  ): readonly TypeScript.Diagnostic[] {
    if (!this.open) return diagnostics;
    const unrunnable = new Set<string>();
    for (const file of new Set(diagnostics.map((d) => d.file))) {
      if (!file) continue;
      for (const d of program.getSyntacticDiagnostics(file)) unrunnable.add(diagnosticKey(d));
    }
    const passed: TypeScript.Diagnostic[] = [];
    for (const d of diagnostics) {
      const blocks = !d.file || d.code === AWAIT_OUTSIDE_ASYNC || unrunnable.has(diagnosticKey(d));
      if (blocks) passed.push(d);
      else this.held.push(d);
    }
    return passed;
  }
}

export const typeCheckGate = new TypeCheckGate();

function installGate(): void {
  const modulePath = tslabTypeScriptPath();
  if (require.cache[require.resolve("tslab/dist/converter")]) {
    throw new Error("tslab's converter loaded before the type-check gate; import the gate first");
  }
  const cached = require.cache[modulePath];
  if (!cached) throw new Error(`tslab's TypeScript did not load from ${modulePath}`);
  const real = cached.exports as TypeScriptModule;
  const standIn: Record<string, unknown> = {};
  for (const key in real) {
    if (key === "getPreEmitDiagnosticsOfFiles") continue;
    Object.defineProperty(standIn, key, {
      enumerable: true,
      get: () => (real as unknown as Record<string, unknown>)[key],
    });
  }
  const realGetDiagnostics = real.getPreEmitDiagnosticsOfFiles;
  if (typeof realGetDiagnostics !== "function") {
    throw new Error("this tslab version's TypeScript has no getPreEmitDiagnosticsOfFiles");
  }
  Object.defineProperty(standIn, "getPreEmitDiagnosticsOfFiles", {
    enumerable: true,
    value: (program: TypeScript.Program, files: TypeScript.SourceFile[]) =>
      typeCheckGate.filter(program, realGetDiagnostics(program, files)),
  });
  cached.exports = standIn;
}

installGate();
