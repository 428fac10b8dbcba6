let installed = false;

/**
 * A stray stream or promise error must never end the portal: it is logged (message and stack,
 * which carry no request parameters) and the server keeps serving. Installed once per process.
 */
export function guardProcess(): void {
  if (installed) return;
  installed = true;
  const report = (kind: string) => (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`tsgis-portal: ${kind} (the portal keeps serving): ${text}\n`);
  };
  process.on("unhandledRejection", report("unhandled promise rejection"));
  process.on("uncaughtException", report("uncaught exception"));
}
