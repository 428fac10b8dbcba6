import { invalidParameter } from "./arcgis-error";

/** Typed readers over string parameters; each failure names the offending parameter. */

export function optionalString(params: Record<string, string>, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === "" ? undefined : value;
}

export function optionalInteger(
  params: Record<string, string>,
  name: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw invalidParameter(name, "must be an integer.");
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw invalidParameter(name, "is out of range.");
  if (range.min !== undefined && value < range.min) {
    throw invalidParameter(name, `must be at least ${range.min}.`);
  }
  if (range.max !== undefined && value > range.max) {
    throw invalidParameter(name, `must be at most ${range.max}.`);
  }
  return value;
}

/** A decimal number such as a credit amount; `min` bounds it from below. */
export function optionalNumber(
  params: Record<string, string>,
  name: string,
  range: { min?: number } = {},
): number | undefined {
  const text = optionalString(params, name)?.trim();
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw invalidParameter(name, "must be a number.");
  }
  if (range.min !== undefined && value < range.min) {
    throw invalidParameter(name, `must be at least ${range.min}.`);
  }
  return value;
}

export function optionalBoolean(params: Record<string, string>, name: string): boolean | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  const lower = text.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw invalidParameter(name, "must be true or false.");
}

export function optionalJsonObject(
  params: Record<string, string>,
  name: string,
): Record<string, unknown> | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter(name, "is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalidParameter(name, "must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

export function optionalJsonValue(params: Record<string, string>, name: string): unknown {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter(name, "is not valid JSON.");
  }
}

export function optionalChoice<T extends string>(
  params: Record<string, string>,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  const match = choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
  if (!match) throw invalidParameter(name, `must be one of: ${choices.join(", ")}.`);
  return match;
}
