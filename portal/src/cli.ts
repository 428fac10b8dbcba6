#!/usr/bin/env node
import { HELP, parseArguments, UsageError, USAGE, wantsHelp } from "./cli/parse-arguments";
import { DEMO_USERS } from "./seed/demo-users";
import { startPortal } from "./start-portal";
import { caCertificatePath } from "./tls/tls-material";

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(HELP);
    return;
  }
  let options;
  try {
    options = parseArguments(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tsgis-portal: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const portal = await startPortal(options);
  const lines = [`tsgis portal listening at ${portal.url}`, `REST API: ${portal.url}/sharing/rest`];
  lines.push(`data directory: ${portal.dataDir}${options.data ? "" : " (temporary)"}`);
  if (portal.tls) lines.push(`CA certificate: ${caCertificatePath(portal.dataDir)}`);
  if (options.demo) {
    lines.push("demo users:");
    for (const user of DEMO_USERS) {
      lines.push(`  ${user.username} / ${user.password} (${user.role})`);
    }
  }
  process.stdout.write(lines.join("\n") + "\n");

  const stop = (): void => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`tsgis-portal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
