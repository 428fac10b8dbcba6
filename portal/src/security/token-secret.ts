import { createHash, randomBytes } from "node:crypto";

/** A new bearer token: 48 random bytes, URL-safe so it can travel in a query string. */
export function newTokenSecret(): string {
  return randomBytes(48).toString("base64url");
}

/** Only this digest is stored, so a copy of the database does not leak usable tokens. */
export function hashTokenSecret(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
