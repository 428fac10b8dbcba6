import type { PortalOptions } from "../options";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE =
  "usage: tsgis-portal [--port N] [--host H] [--data DIR] [--demo] [--tls] " +
  "[--admin USER:PASSWORD] [--deployment enterprise|online] [--latency MS] [--fault-rate P] " +
  "[--log] [--help]";

/** What `tsgis-portal --help` prints: every flag and what it does. */
export const HELP = `${USAGE}

Starts an ArcGIS-compatible portal (the Sharing REST API at /sharing/rest, geocoding and
hosted feature services at /rest/services) on SQLite.

  --port N               port to listen on (default 0: any free port, printed at start)
  --host H               address to listen on (default 127.0.0.1)
  --data DIR             keep the portal's data in DIR (default: a temporary directory)
  --demo                 seed a demo organisation with users, groups and content
  --tls                  serve HTTPS with a generated CA (its certificate path is printed)
  --admin USER:PASSWORD  create this administrator (or set TSGIS_PORTAL_ADMIN)
  --deployment D         answer as ArcGIS Enterprise (default) or as ArcGIS Online ("online":
                         isPortal false, credits and usage, no /portaladmin)
  --latency MS           add MS milliseconds to every answer (benchmarks)
  --fault-rate P         fail this share of requests (0 to 1) with a 503, a 429 or a cut
                         connection (fault tests)
  --log                  log requests to stdout, tokens and passwords redacted
  -h, --help             print this help
`;

/** True when the command line asks for the help text, wherever the flag stands. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/** Turns command-line flags (and TSGIS_PORTAL_ADMIN) into portal options; throws UsageError. */
export function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): PortalOptions {
  const options: PortalOptions = {};
  const args = [...argv];
  while (args.length > 0) {
    const raw = args.shift() as string;
    const [flag, inlineValue] = raw.includes("=") ? splitOnce(raw, "=") : [raw, undefined];
    const value = (): string => {
      const next = inlineValue ?? args.shift();
      if (next === undefined || (inlineValue === undefined && next.startsWith("--"))) {
        throw new UsageError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case "--port":
        options.port = integer(flag, value(), 0, 65535);
        break;
      case "--host":
        options.host = value();
        break;
      case "--data":
        options.data = value();
        break;
      case "--demo":
        options.demo = true;
        break;
      case "--tls":
        options.tls = true;
        break;
      case "--admin":
        options.admin = credentials(flag, value());
        break;
      case "--latency":
        options.latency = integer(flag, value(), 0, 600_000);
        break;
      case "--fault-rate":
        options.faultRate = probability(flag, value());
        break;
      case "--log":
        options.log = true;
        break;
      case "--deployment": {
        const deployment = value();
        if (deployment !== "enterprise" && deployment !== "online") {
          throw new UsageError(`${flag} must be enterprise or online, got "${deployment}"`);
        }
        options.deployment = deployment;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${flag}`);
    }
  }
  if (!options.admin && env.TSGIS_PORTAL_ADMIN) {
    options.admin = credentials("TSGIS_PORTAL_ADMIN", env.TSGIS_PORTAL_ADMIN);
  }
  return options;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function probability(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value >= 0 && value <= 1)) {
    throw new UsageError(`${flag} must be a number from 0 to 1, got "${text}"`);
  }
  return value;
}

function credentials(source: string, text: string): { username: string; password: string } {
  const [username, password] = text.includes(":") ? splitOnce(text, ":") : [text, ""];
  if (!username || !password) {
    // The value holds a password, so it is not echoed back.
    throw new UsageError(`${source} must be USER:PASSWORD with both parts non-empty`);
  }
  return { username, password };
}
