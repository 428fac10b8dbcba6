import type { RequestParams } from "../session/params";
import type { ItemProperties } from "./item-json";

/** Anything naming an item: its id or an object with an `id` (an Item). */
export type ItemLike = string | { readonly id: string };

/** Anything naming a group: its id or an object with an `id` (a Group). */
export type GroupLike = string | { readonly id: string };

export function itemIdOf(value: unknown, argument: string): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
    return (value as { id: string }).id;
  }
  throw new TypeError(`${argument}: expected an Item or an item id, got ${describe(value)}`);
}

export function itemIdsOf(values: unknown, argument: string): string[] {
  const list = typeof values === "string" ? values.split(",") : values;
  if (!Array.isArray(list)) {
    throw new TypeError(
      `${argument}: expected a list of Items or item ids, got ${describe(values)}`,
    );
  }
  return list.map((value, index) => itemIdOf(value, `${argument}[${index}]`));
}

/** Groups as ids: a comma-separated string, or a list of ids and Group objects. */
export function groupIdsOf(values: unknown, argument: string): string[] {
  if (values === undefined || values === null) return [];
  const list =
    typeof values === "string"
      ? values
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
      : values;
  if (!Array.isArray(list)) {
    throw new TypeError(
      `${argument}: expected group ids or Group objects, got ${describe(values)}`,
    );
  }
  return list.map((value, index) => {
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      return (value as { id: string }).id;
    }
    throw new TypeError(
      `${argument}[${index}]: expected a group id or a Group, got ${describe(value)}`,
    );
  });
}

/** A username from a string or a User. */
export function usernameOf(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (
    value &&
    typeof value === "object" &&
    typeof (value as { username?: unknown }).username === "string"
  ) {
    return (value as { username: string }).username;
  }
  throw new TypeError(`${argument}: expected a username or a User, got ${describe(value)}`);
}

export function checkPlainObject(value: unknown, argument: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value) || Buffer.isBuffer(value)) {
    throw new TypeError(`${argument}: expected an object of properties, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function checkBoolean(value: unknown, argument: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw new TypeError(`${argument}: expected true or false, got ${describe(value)}`);
  return value;
}

export function checkString(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${argument}: expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

export function checkOptionalString(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return checkString(value, argument);
}

/** The REST parameters for item properties: lists comma-joined, objects as JSON. */
export function itemPropertyParams(properties: ItemProperties): RequestParams {
  const params: RequestParams = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === "fileName" || value === undefined) continue;
    if (
      key === "extent" &&
      Array.isArray(value) &&
      value.length === 4 &&
      value.every((n) => typeof n === "number")
    ) {
      params.extent = value.join(",");
    } else if (key === "categories" && Array.isArray(value)) {
      params.categories = JSON.stringify(value);
    } else {
      params[key] = value as RequestParams[string];
    }
  }
  return params;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value;
}
