import type { RequestParams } from "../session/params";
import type { ItemProperties } from "./item-json";
import { describe } from "../arguments";

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
