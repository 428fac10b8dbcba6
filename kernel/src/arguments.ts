// The argument checks every public method runs before anything is sent: each returns the value
// (typed) or throws a TypeError / RangeError whose message starts with the argument's name and
// says what was expected and what came, in one wording across the library.

/** How an unexpected value reads in an error message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  return typeof value === "object" ? "an object" : String(value);
}

export function requireString(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${argument}: expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** Absent (undefined or null), or any string. */
export function optionalString(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new TypeError(`${argument}: expected a string, got ${describe(value)}`);
  }
  return value;
}

/** Absent (undefined or null), or a non-empty string. */
export function optionalNonEmptyString(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireString(value, argument);
}

export function requireBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`${argument}: expected true or false, got ${describe(value)}`);
  }
  return value;
}

export function optionalBoolean(value: unknown, argument: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return requireBoolean(value, argument);
}

/** One of `choices`, matched without regard to case (as Python's API does). */
export function requireChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
): T {
  const text = typeof value === "string" ? value : undefined;
  const match = choices.find((choice) => choice.toLowerCase() === text?.toLowerCase());
  if (!match) {
    throw new RangeError(
      `${argument}: expected one of ${choices.join(", ")}, got ${describe(value)}`,
    );
  }
  return match;
}

export function optionalChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
): T | undefined {
  return value === undefined || value === null
    ? undefined
    : requireChoice(value, argument, choices);
}

/** A count such as `maxUsers`: a whole number, or -1 for "all". */
export function maxCount(value: unknown, argument: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < -1) {
    throw new RangeError(
      `${argument}: expected a whole number or -1 for all, got ${describe(value)}`,
    );
  }
  return value;
}

export function finiteNumber(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${argument}: expected a finite number, got ${describe(value)}`);
  }
  return value;
}

export function positiveNumber(value: unknown, argument: string): number {
  const n = finiteNumber(value, argument);
  if (n <= 0) throw new RangeError(`${argument}: expected a number greater than 0, got ${n}`);
  return n;
}

export function numberInRange(value: unknown, argument: string, min: number, max: number): number {
  const n = finiteNumber(value, argument);
  if (n < min || n > max) throw new RangeError(`${argument}: ${n} is outside ${min}…${max}`);
  return n;
}

/** A whole number from `min` to `max` (a list index, a count). */
export function wholeNumberInRange(
  value: unknown,
  argument: string,
  min: number,
  max: number,
): number {
  const n = finiteNumber(value, argument);
  if (!Number.isInteger(n)) throw new RangeError(`${argument}: expected a whole number, got ${n}`);
  return numberInRange(n, argument, min, max);
}

/** Absent (undefined or null), or a finite number within the optional bounds. */
export function optionalNumber(
  value: unknown,
  argument: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = finiteNumber(value, argument);
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw new RangeError(
      `${argument}: expected a number from ${range.min ?? "-∞"} to ${range.max ?? "∞"}, got ${n}`,
    );
  }
  return n;
}

/** A list of tags given as a comma-separated string or an array of strings. */
export function tagList(value: unknown, argument: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string")
    return value
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((t) => typeof t === "string")) return value as string[];
  throw new TypeError(
    `${argument}: expected a comma-separated string or an array of strings, got ${describe(value)}`,
  );
}

/** A plain object of properties (not an array, not binary data). */
export function plainObject(value: unknown, argument: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value) || Buffer.isBuffer(value)) {
    throw new TypeError(`${argument}: expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}
