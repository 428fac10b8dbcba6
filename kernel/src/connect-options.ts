import {
  numberInRange,
  optionalBoolean,
  optionalNumber,
  optionalString,
  plainObject,
  positiveNumber,
} from "./arguments";

/**
 * The options of `GIS.connect`: the Python constructor's arguments and keyword arguments in
 * camelCase.
 */
export interface GISOptions {
  /** The portal URL; ArcGIS Online when omitted. Python: `url`. */
  url?: string;
  /** Python: `username`. */
  username?: string;
  /** The user's password, or the PFX/P12 certificate's password for PKI. Python: `password`. */
  password?: string;
  /** PEM private key for PKI, with `certFile`. Python: `key_file`. */
  keyFile?: string;
  /** PEM certificate (with `keyFile`) or a PFX/P12 file (with `password`). Python: `cert_file`. */
  certFile?: string;
  /** Check the server's TLS certificate (default true). Python: `verify_cert`. */
  verifyCert?: boolean;
  /** Make this GIS `env.activeGis` (default true). Python: `set_active`. */
  setActive?: boolean;
  /** OAuth 2.0 client id. Python: `client_id`. */
  clientId?: string;
  /** With `clientId`, signs in as the app itself (client credentials). Python: `client_secret`. */
  clientSecret?: string;
  /** A saved profile's name. Python: `profile`. */
  profile?: string;
  /** Python: `proxy_host`. */
  proxyHost?: string;
  /** Python: `proxy_port` (default 80). */
  proxyPort?: number;
  /** An existing token for built-in security. Python: `token`. */
  token?: string;
  /** Seconds before a request is abandoned (default 600, as in Python). Python: `timeout`. */
  timeout?: number;
  /** Minutes a built-in login's token lives (default 60). Python: `expiration`. */
  expiration?: number;
}

type Kind = "string" | "boolean" | "number";

const OPTION_KINDS: Record<keyof GISOptions, Kind> = {
  url: "string",
  username: "string",
  password: "string",
  keyFile: "string",
  certFile: "string",
  verifyCert: "boolean",
  setActive: "boolean",
  clientId: "string",
  clientSecret: "string",
  profile: "string",
  proxyHost: "string",
  proxyPort: "number",
  token: "string",
  timeout: "number",
  expiration: "number",
};

/** Options whose values never appear in an error message. */
const SECRET_OPTIONS = new Set<string>(["password", "clientSecret", "token"]);

const CHECKS: Record<Kind, (value: unknown, argument: string) => unknown> = {
  string: optionalString,
  boolean: optionalBoolean,
  number: (value, argument) => optionalNumber(value, argument),
};

/**
 * Checks the options before any request: unknown names (often a snake_case habit from
 * Python) and wrong types are reported by name.
 */
export function validateConnectOptions(options: unknown): GISOptions {
  if (options === undefined || options === null) return {};
  const given = plainObject(options, "options");
  for (const [name, value] of Object.entries(given)) {
    if (!(name in OPTION_KINDS)) {
      const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const hint = camel !== name && camel in OPTION_KINDS ? ` (did you mean "${camel}"?)` : "";
      throw new TypeError(`GIS.connect: unknown option "${name}"${hint}`);
    }
    const kind = OPTION_KINDS[name as keyof GISOptions];
    if (SECRET_OPTIONS.has(name) && value != null && typeof value !== kind) {
      // A secret of the wrong type is named by its type alone, never by its value.
      throw new TypeError(`${name}: expected a ${kind}, got a ${typeof value}`);
    }
    CHECKS[kind](value, name);
  }
  const checked = given as GISOptions;
  if (checked.proxyPort != null) numberInRange(checked.proxyPort, "proxyPort", 1, 65535);
  if (checked.timeout != null) positiveNumber(checked.timeout, "timeout");
  if (checked.expiration != null) positiveNumber(checked.expiration, "expiration");
  return checked;
}
