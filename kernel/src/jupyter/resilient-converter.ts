// tslab drives TypeScript's watch compiler with a fake timer that it fires itself. When a file
// or folder the compiler watches changes on disk (an `npm install`, a rebuilt local module),
// TypeScript schedules work on that fake timer outside tslab's control, and from then on every
// compile, completion and inspection throws "Unexpected pending rebuildTimer". This wrapper
// notices that, builds a fresh compiler (replaying the in-memory %%module cells) and retries.
import { kernelLog } from "./kernel-log";
import type { CodeMetadata, Converter, ConverterOptions } from "./tslab-modules";

type CreateConverter = (options?: ConverterOptions) => Converter;

function isStuckWatchTimer(error: unknown): boolean {
  return (
    error instanceof Error &&
    /pending rebuildTimer|unexpected tiemr|unexpected timer/.test(error.message)
  );
}

export function resilientConverterFactory(createConverter: CreateConverter): CreateConverter {
  return (options) => {
    let current = createConverter(options);
    const modules = new Map<string, { content: string; meta?: CodeMetadata }>();

    const rebuild = (): void => {
      kernelLog(
        "TypeScript's file watcher got stuck after files changed on disk; rebuilding the compiler",
      );
      try {
        current.close();
      } catch {
        // The stuck compiler may fail to close; it is dropped either way.
      }
      current = createConverter(options);
      for (const [name, { content, meta }] of modules) current.addModule(name, content, meta);
    };

    const withRecovery = <T>(operation: () => T): T => {
      try {
        return operation();
      } catch (error) {
        if (!isStuckWatchTimer(error)) throw error;
        rebuild();
        return operation();
      }
    };

    return {
      convert: (prevDecl, src) => withRecovery(() => current.convert(prevDecl, src)),
      inspect: (prevDecl, src, position) =>
        withRecovery(() => current.inspect(prevDecl, src, position)),
      complete: (prevDecl, src, position) =>
        withRecovery(() => current.complete(prevDecl, src, position)),
      addModule: (name, content, meta) => {
        modules.set(name, { content, meta });
        return withRecovery(() => current.addModule(name, content, meta));
      },
      close: () => current.close(),
    };
  };
}
