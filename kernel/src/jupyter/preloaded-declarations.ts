// Reads tsgis's declarations into tslab's compiler when the compiler is made, so that the cell
// `import { GIS } from "tsgis"` finds them already parsed and bound. Without this, that cell
// made TypeScript read, parse and bind about 100 declaration files (issue 20: more than half
// of the cell's time; docs/benchmarks.md). TypeScript reuses a parsed, bound file only while it
// stays in the program, and tslab's program holds the current cell and whatever it imports, so
// the declarations are held by an in-memory module of their own that imports tsgis's types.
// The module exports nothing and adds no global (tsgis's declarations declare none), so no cell
// sees a difference but the speed.
import { kernelLog } from "./kernel-log";
import type { Converter, ConverterOptions } from "./tslab-modules";

type CreateConverter = (options?: ConverterOptions) => Converter;

/** The in-memory module that keeps tsgis's declarations in the program (tslab allows `\w+`). */
export const DECLARATIONS_HOLDER = "__tsgis_declarations";

const HOLDER_SOURCE = 'import type {} from "tsgis";\nexport {};\n';

/**
 * Wraps tslab's `createConverter`: a Node converter gets the holder module as it is made. The
 * browser converter is left alone: tsgis runs in the kernel, not in a `//%browser` cell.
 */
export function preloadingConverterFactory(createConverter: CreateConverter): CreateConverter {
  return (options) => {
    const converter = createConverter(options);
    if (options?.isBrowser) return converter;
    const diagnostics = converter.addModule(DECLARATIONS_HOLDER, HOLDER_SOURCE);
    // Only the holder has these (tslab checks a cell and what it imports, never the holder), so
    // a tsgis that cannot be found costs this line in the log and a later import its own error.
    for (const diagnostic of diagnostics) {
      kernelLog(`reading tsgis's declarations ahead: ${diagnostic.messageText}`);
    }
    return converter;
  };
}
