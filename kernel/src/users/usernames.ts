import { describe } from "../arguments";
/** Anything that names users: a username, a comma-separated list, `User` objects, or a mix. */
export type UsersArgument =
  string | { username: string } | readonly (string | { username: string })[];

export function usernamesOf(value: unknown, argument: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item === "string") {
      names.push(
        ...item
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean),
      );
    } else if (
      item &&
      typeof item === "object" &&
      typeof (item as { username?: unknown }).username === "string"
    ) {
      names.push((item as { username: string }).username);
    } else {
      throw new TypeError(`${argument}: expected usernames or User objects, got ${describe(item)}`);
    }
  }
  if (names.length === 0) throw new TypeError(`${argument}: expected at least one username`);
  return names;
}
