#!/usr/bin/env node
// tsgis-kernel: runs the kernel, or installs / uninstalls its kernelspec.
import { parseArgs } from "util";
import { DISPLAY_NAME, installKernelspec, uninstallKernelspec } from "./kernelspec";

/** Environment variable that makes type errors stop cells, like --strict-types. */
const STRICT_TYPES_VARIABLE = "TSGIS_STRICT_TYPES";

const USAGE = `Usage:
  tsgis-kernel [--connection-file FILE] [--strict-types]
                                                 run the kernel (Jupyter does this)
  tsgis-kernel install [--user | --prefix DIR] [--strict-types]
                                                 add the "${DISPLAY_NAME}" kernel to Jupyter
  tsgis-kernel uninstall [--user | --prefix DIR] remove it again
Without --user or --prefix, install goes system-wide when run as root, else to the user.
--strict-types (or ${STRICT_TYPES_VARIABLE}=1): a cell with type errors does not run.`;

function strictTypesFromEnvironment(): boolean {
  const value = process.env[STRICT_TYPES_VARIABLE]?.trim().toLowerCase();
  return value !== undefined && !["", "0", "false", "no", "off"].includes(value);
}

function fail(message: string): never {
  process.stderr.write(`tsgis-kernel: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "connection-file": { type: "string", short: "f" },
        user: { type: "boolean" },
        prefix: { type: "string" },
        help: { type: "boolean", short: "h" },
        "strict-types": { type: "boolean" },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const [command, ...extra] = positionals;
  if (extra.length > 0) fail(`unexpected arguments: ${extra.join(" ")}`);
  if (values.user && values.prefix) fail("use --user or --prefix, not both");
  const location = { user: values.user, prefix: values.prefix };
  const strictTypes = values["strict-types"] === true;

  switch (command) {
    case "install":
      process.stdout.write(
        `Installed the kernelspec "${DISPLAY_NAME}" in ${installKernelspec(location, { strictTypes })}\n`,
      );
      return;
    case "uninstall": {
      const removed = uninstallKernelspec(location);
      process.stdout.write(
        removed ? `Removed ${removed}\n` : "No tsgis kernelspec was installed there\n",
      );
      return;
    }
    case undefined:
    case "kernel": {
      const connectionFile = values["connection-file"];
      if (!connectionFile) fail("--connection-file is required to run the kernel");
      // Loaded only here: installing must not load tslab and TypeScript.
      const { startTsgisKernel } = await import("./launcher");
      startTsgisKernel(connectionFile, {
        strictTypes: strictTypes || strictTypesFromEnvironment(),
      });
      return;
    }
    default:
      fail(`unknown command ${command}`);
  }
}

void main(process.argv.slice(2));
