import { randomBytes } from "node:crypto";

/** ArcGIS ids are 32 lowercase hex characters for users and items. */
export function newId(): string {
  return randomBytes(16).toString("hex");
}

/** Organisation ids on ArcGIS Online are 16 characters of letters and digits. */
export function newOrgId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}
