/** Argument checks that run before any request, so bad input never reaches the server. */

export function requireString(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${argument}: expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

export function optionalString(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new TypeError(`${argument}: expected a string, got ${describe(value)}`);
  }
  return value;
}

export function optionalBoolean(value: unknown, argument: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw new TypeError(`${argument}: expected true or false, got ${describe(value)}`);
  }
  return value;
}

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

export function optionalNumber(
  value: unknown,
  argument: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${argument}: expected a number, got ${describe(value)}`);
  }
  if (
    (range.min !== undefined && value < range.min) ||
    (range.max !== undefined && value > range.max)
  ) {
    throw new RangeError(
      `${argument}: expected a number from ${range.min ?? "-∞"} to ${range.max ?? "∞"}, got ${value}`,
    );
  }
  return value;
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

export function plainObject(value: unknown, argument: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${argument}: expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value === "object" ? "an object" : String(value);
}
