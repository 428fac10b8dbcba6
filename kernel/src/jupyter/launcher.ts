// Starts tslab's kernel with the tsgis patches in place. Everything is patched before
// startKernel runs, and enableFindLocal is off so tslab cannot hand over to another tslab
// copy found near the notebook, which would not carry the patches.
import { readFileSync } from "fs";
import { kernelLog } from "./kernel-log";
import { setKernelBridge } from "./kernel-bridge";
import { KernelRuntime } from "./kernel-runtime";
import { captureProcessOutput } from "./output-capture";
import type { ConnectionInfo, JsonObject } from "./protocol";
import { createReplExecutor, type ReplOptions } from "./repl-executor";
import { resilientConverterFactory } from "./resilient-converter";
import { preloadingConverterFactory } from "./preloaded-declarations";
import { createTsgisHandlerClass } from "./tsgis-handler";
import { createTsgisServerClass } from "./tsgis-server";
import { offerOwnPackage } from "./own-package-resolution";
import { packageVersions } from "./package-versions";
import { boundNodeModulesWatches } from "./node-modules-watch";
import { exitWhenParentIsGone } from "./parent-watch";
import { loadTslab } from "./tslab-modules";
import { tslabTypeScript } from "./tslab-typescript";

function readConnectionInfo(connectionFile: string): ConnectionInfo {
  const info = JSON.parse(readFileSync(connectionFile, "utf8")) as ConnectionInfo;
  if (info.signature_scheme && info.signature_scheme !== "hmac-sha256") {
    throw new Error(`unsupported signature scheme ${info.signature_scheme}; only hmac-sha256 is`);
  }
  return info;
}

export function startTsgisKernel(
  connectionFile: string,
  options: ReplOptions = { strictTypes: false },
): void {
  const { key } = readConnectionInfo(connectionFile);
  offerOwnPackage();
  const tslab = loadTslab();
  // Before startKernel: tslab creates its compiler, and with it the watches, as it starts.
  boundNodeModulesWatches(tslabTypeScript.sys);
  const runtime = new KernelRuntime(key);

  // Inside the resilient wrapper, so that a rebuilt compiler reads tsgis's declarations again.
  tslab.converter.createConverter = resilientConverterFactory(
    preloadingConverterFactory(tslab.converter.createConverter),
  );
  tslab.executor.createExecutor = (rootDir, converters) => {
    const executor = createReplExecutor(rootDir, converters, runtime.cells.tslabConsole, options);
    runtime.cells.attach(executor);
    return executor;
  };
  tslab.jupyter.JupyterHandlerImpl = createTsgisHandlerClass(tslab.jupyter.JupyterHandlerImpl);
  tslab.jupyter.ZmqServer = createTsgisServerClass(tslab.jupyter.ZmqServer, runtime);
  // tslab's own display API (`import * as tslab from "tslab"`) keeps working through our IOPub.
  tslab.jupyter.lastWriteDisplayData = (data, update) => {
    void runtime.channels.publish(update ? "update_display_data" : "display_data", {
      ...data,
    } as unknown as JsonObject);
  };

  captureProcessOutput(runtime.channels);
  setKernelBridge(runtime.bridge());
  // tslab's own SIGINT handler interrupts the executor; a pending prompt must give up too.
  process.on("SIGINT", () => runtime.stdin.interruptPending());
  exitWhenParentIsGone();
  kernelLog(`starting with connection file ${connectionFile}`);
  tslab.main.startKernel({
    configPath: connectionFile,
    enableFindLocal: false,
    jsKernel: false,
    globalVersion: packageVersions().tslab,
  });
}
