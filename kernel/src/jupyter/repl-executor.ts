// Runs cells with the semantics of a REPL, in place of tslab's executor (whose converter it
// keeps for compiling, completion and inspection):
// - every top-level name becomes defined as its statement runs, so a cell that throws or is
//   interrupted keeps what it declared before that point (declaration-merge.ts);
// - a name declared again in a later cell replaces the earlier one (tslab's converter already
//   drops the old declaration; the old value stays until the new statement runs);
// - `await` and `for await` work anywhere outside a function, not only where tslab looks;
// - type errors do not stop a cell unless the kernel runs with strict types: they are shown as
//   warnings on stderr with line and column, and the cell runs (type-check-gate.ts).
import vm from "vm";
import { analyzeCell } from "./cell-analysis";
import { CellRequire } from "./cell-require";
import { declarationsAfterPartialRun } from "./declaration-merge";
import { formatTypeWarning } from "./type-warnings";
import { typeCheckGate } from "./type-check-gate";
import {
  type ConsoleInterface,
  type ConverterSet,
  type Diagnostic,
  type Executor,
  getCodeMetadata,
} from "./tslab-modules";

export interface ReplOptions {
  /** Refuse to run a cell with type errors, as stock tslab does. */
  strictTypes: boolean;
}

/** Where the compiled cell finds its exports object and `require` (set just before it runs). */
const CELL_SCOPE_KEY = "tsgis.cell.scope.v1";

// TypeScript's CommonJS output starts by resetting every exported name to undefined; in a REPL
// that would wipe earlier values of names the cell has not reached yet.
const EXPORT_RESET_LINE = /^exports\.[\w$]+(?: = exports\.[\w$]+)* = void 0;\n/gm;

export function createReplExecutor(
  rootDir: string,
  converters: ConverterSet,
  console: ConsoleInterface,
  options: ReplOptions,
): Executor {
  const locals: Record<string, unknown> = {};
  const cellRequire = new CellRequire(rootDir);
  let declarations = "";
  let interruptRunning: (() => void) | undefined;

  /** As tslab prints them: the runner turns these console lines into the cell's error. */
  function printDiagnostics(diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
      console.error(
        "%s%d:%d - %s",
        d.fileName ? d.fileName + " " : "",
        d.start.line + 1,
        d.start.character + 1,
        d.messageText,
      );
    }
  }

  /** The cell's view of `locals`: records which names it assigns. */
  function recordingExports(assigned: Set<string>): Record<string, unknown> {
    return new Proxy(locals, {
      set: (target, name, value) => {
        if (typeof name === "string") assigned.add(name);
        return Reflect.set(target, name, value);
      },
      defineProperty: (target, name, attributes) => {
        if (name === "__esModule") return true;
        if (typeof name === "string") assigned.add(name);
        // Named imports arrive as getters; the value is taken once so a later cell can replace it.
        target[name as string] = attributes.get ? attributes.get() : attributes.value;
        return true;
      },
    });
  }

  function interruption(): Promise<never> {
    return new Promise<never>((_, reject) => {
      interruptRunning = () => reject(new Error("Interrupted asynchronously"));
    });
  }

  async function execute(source: string): Promise<boolean> {
    const meta = getCodeMetadata(source);
    if (meta.module) {
      const converter = meta.mode === "browser" ? converters.browser : converters.node;
      printDiagnostics(converter.addModule(meta.module, source, meta));
      return true;
    }
    if (meta.mode === "browser") return true;

    const compile = () => converters.node.convert(declarations, source);
    const { result: converted, typeErrors } = options.strictTypes
      ? { result: compile(), typeErrors: [] }
      : typeCheckGate.passTypeErrors(compile);
    if (converted.sideOutputs) cellRequire.update(converted.sideOutputs);
    if (converted.diagnostics.length > 0) {
      printDiagnostics(converted.diagnostics);
      return false;
    }
    for (const warning of typeErrors)
      process.stderr.write(formatTypeWarning(warning, rootDir) + "\n");
    if (!converted.output) {
      declarations = converted.declOutput ?? "";
      return true;
    }

    const cell = analyzeCell(source);
    const assigned = new Set<string>();
    const asynchronous = cell.awaitsAtTopLevel || converted.hasToplevelAwait === true;
    const body = converted.output.replace(EXPORT_RESET_LINE, "");
    // The body starts on the wrapper's first line so that stack traces keep its line numbers.
    const script =
      `(${asynchronous ? "async " : ""}function (exports, require) { ${body}\n})` +
      `(globalThis[Symbol.for(${JSON.stringify(CELL_SCOPE_KEY)})].exports, ` +
      `globalThis[Symbol.for(${JSON.stringify(CELL_SCOPE_KEY)})].require)`;
    (globalThis as Record<symbol, unknown>)[Symbol.for(CELL_SCOPE_KEY)] = {
      exports: recordingExports(assigned),
      require: cellRequire.require,
    };

    const lastExpression = converted.lastExpressionVar;
    const takeLastExpression = (): unknown => {
      if (!lastExpression) return undefined;
      const value = locals[lastExpression];
      delete locals[lastExpression];
      assigned.delete(lastExpression);
      return value;
    };

    try {
      const completion: unknown = vm.runInThisContext(script, { breakOnSigint: true });
      if (asynchronous) await Promise.race([completion, interruption()]);
    } catch (error) {
      takeLastExpression();
      declarations = declarationsAfterPartialRun({
        previous: declarations,
        afterCell: converted.declOutput ?? "",
        cell,
        assigned,
      });
      console.error(error);
      return false;
    } finally {
      interruptRunning = undefined;
    }
    declarations = converted.declOutput ?? "";
    const value = takeLastExpression();
    if (value != null) console.log(value);
    return true;
  }

  function converterFor(source: string) {
    return getCodeMetadata(source).mode === "browser" ? converters.browser : converters.node;
  }

  return {
    execute,
    inspect: (source, position) => converterFor(source).inspect(declarations, source, position),
    complete: (source, position) => converterFor(source).complete(declarations, source, position),
    locals,
    reset: () => {
      declarations = "";
      for (const name of Object.keys(locals)) delete locals[name];
    },
    interrupt: () => interruptRunning?.(),
    close: () => converters.close(),
  };
}
