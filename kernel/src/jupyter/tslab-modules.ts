// The one place that reaches into tslab's internal modules. tslab publishes no API for
// replacing its server, so the launcher swaps classes on these module objects before
// startKernel reads them; startKernel looks them up at call time.
// The gate must stand in for tslab's TypeScript before tslab's converter loads it.
import "./type-check-gate";
import * as tslabConverter from "tslab/dist/converter";
import * as tslabExecutor from "tslab/dist/executor";
import * as tslabJupyter from "tslab/dist/jupyter";
import * as tslabMain from "tslab/dist/main";

export type { Converter, ConverterOptions, Diagnostic } from "tslab/dist/converter";
export type { ConsoleInterface, ConverterSet, Executor } from "tslab/dist/executor";
export { createRequire as createTslabRequire } from "tslab/dist/executor";
export { getCodeMetadata } from "tslab/dist/metadata";
export type { CodeMetadata } from "tslab/dist/metadata";
export type { ZmqServer, JupyterHandlerImpl } from "tslab/dist/jupyter";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function loadTslab(): {
  jupyter: Writable<typeof tslabJupyter>;
  converter: Writable<typeof tslabConverter>;
  executor: Writable<typeof tslabExecutor>;
  main: typeof tslabMain;
} {
  return {
    jupyter: tslabJupyter as Writable<typeof tslabJupyter>,
    converter: tslabConverter as Writable<typeof tslabConverter>,
    executor: tslabExecutor as Writable<typeof tslabExecutor>,
    main: tslabMain,
  };
}
