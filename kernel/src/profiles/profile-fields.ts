import type { ProfileSection } from "./profile-file";

/**
 * The sign-in values a profile can hold (Python: the keyword arguments of
 * `ProfileManager.create`); the password is kept in the secret store.
 * @example
 * const options: ProfileOptions = { url: "https://gis.example.com/portal", username: "ana" };
 */
export interface ProfileOptions {
  /** The portal URL. Python: `url`. */
  url?: string;
  /** Python: `username`. */
  username?: string;
  /** Saved in the OS secret store, never in the profile file. Python: `password`. */
  password?: string;
  /** PEM private key for PKI. Python: `key_file`. */
  keyFile?: string;
  /** PEM or PFX/P12 certificate for PKI. Python: `cert_file`. */
  certFile?: string;
  /** OAuth 2.0 client id. Python: `client_id`. */
  clientId?: string;
}

/**
 * A profile as `ProfileManager.get` returns it (Python: the dict of `ProfileManager.get`): the
 * file's keys in camelCase, never a password.
 * @example
 * const info: ProfileInfo = await new ProfileManager().get("work");
 */
export interface ProfileInfo {
  /** The portal URL (INI key `url`). */
  url?: string;
  /** The user name (INI key `username`). */
  username?: string;
  /** PEM private key for PKI (INI key `key_file`). */
  keyFile?: string;
  /** PEM or PFX/P12 certificate for PKI (INI key `cert_file`). */
  certFile?: string;
  /** OAuth 2.0 client id (INI key `client_id`). */
  clientId?: string;
  /** When the profile last changed; null when the file's value cannot be read as a date. */
  dateModified?: Date | null;
  /** Keys other tools wrote, kept as they are. */
  [key: string]: string | Date | null | undefined;
}

type StoredField = Exclude<keyof ProfileOptions, "password">;

/** The INI keys the Python API writes, by option name. */
export const FILE_KEYS: Record<StoredField, string> = {
  url: "url",
  username: "username",
  keyFile: "key_file",
  certFile: "cert_file",
  clientId: "client_id",
};

export const DATE_MODIFIED_KEY = "date_modified";

const OPTION_NAMES = ["url", "username", "password", "keyFile", "certFile", "clientId"] as const;

/**
 * Checks a profile name and options before anything is written: unknown names (often snake_case
 * from Python), non-strings, and line breaks that would corrupt the INI file are refused.
 */
export function validateProfileArguments(
  method: string,
  profile: unknown,
  options: unknown,
): ProfileOptions {
  validateProfileName(method, profile);
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${method}: options must be an object`);
  }
  for (const [name, value] of Object.entries(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const hint = camel !== name && (OPTION_NAMES as readonly string[]).includes(camel);
      throw new TypeError(
        `${method}: unknown option "${name}"${hint ? ` (did you mean "${camel}"?)` : ""}`,
      );
    }
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") {
      throw new TypeError(`${method}: option "${name}" must be a string, got ${typeof value}`);
    }
    if (name !== "password" && /[\r\n]/.test(value)) {
      throw new RangeError(`${method}: option "${name}" must be on one line`);
    }
  }
  return options as ProfileOptions;
}

export function validateProfileName(method: string, profile: unknown): asserts profile is string {
  if (typeof profile !== "string") {
    throw new TypeError(`${method}: profile must be a string, got ${typeof profile}`);
  }
  if (profile.trim() === "" || /[\r\n\]]/.test(profile) || profile !== profile.trim()) {
    throw new RangeError(
      `${method}: profile "${profile}" is not a usable name (empty, surrounding spaces, "]" or a line break)`,
    );
  }
  if (profile.toUpperCase() === "DEFAULT") {
    throw new RangeError(`${method}: profile "DEFAULT" is reserved by the INI format`);
  }
}

/** Writes the given fields into a section, stamping date_modified as Python's `str(datetime.now())`. */
export function applyFields(section: ProfileSection, options: ProfileOptions): void {
  section.set(DATE_MODIFIED_KEY, pythonNow());
  for (const [field, key] of Object.entries(FILE_KEYS) as [StoredField, string][]) {
    const value = options[field];
    if (value !== undefined && value !== null) section.set(key, value);
  }
}

/** A section as `get` returns it. */
export function toProfileInfo(section: ProfileSection): ProfileInfo {
  const info: ProfileInfo = {};
  for (const [key, value] of section) {
    if (key === DATE_MODIFIED_KEY) info.dateModified = parsePythonDate(value);
    else info[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return info;
}

/** Local time as `YYYY-MM-DD HH:MM:SS.ffffff`, which Python's `get` parses back. */
function pythonNow(): string {
  const now = new Date();
  const two = (n: number): string => String(n).padStart(2, "0");
  const micro = String(now.getMilliseconds() * 1000).padStart(6, "0");
  return (
    `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ` +
    `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micro}`
  );
}

function parsePythonDate(value: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const millis = fraction ? Math.floor(Number(fraction.padEnd(6, "0")) / 1000) : 0;
  return new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
}
