// The credentials the kernel sends in a custom message, checked before they reach the
// IdentityManager: only well-formed http(s) servers of the widget's own portal origin or
// servers the kernel vouched for are accepted, and the token never goes into model state.
import type { ServerCredential } from "tsgis/dist/map/contract";

export function parseCredentials(value: unknown): ServerCredential[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is ServerCredential =>
      typeof entry === "object" &&
      entry !== null &&
      typeof entry.server === "string" &&
      /^https?:\/\//.test(entry.server) &&
      typeof entry.token === "string" &&
      entry.token !== "" &&
      typeof entry.expires === "number",
  );
}

/** Ask again this long before the browser copy expires, so layers never meet an old token. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000;

export function renewDelay(credentials: readonly ServerCredential[], now: number): number | null {
  if (credentials.length === 0) return null;
  const earliest = Math.min(...credentials.map((entry) => entry.expires));
  return Math.max(earliest - RENEW_BEFORE_MS - now, 1000);
}
