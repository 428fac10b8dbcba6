import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LENGTH = 64;

export interface PasswordHash {
  readonly hash: string;
  readonly salt: string;
}

function derive(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16).toString("hex");
  const key = await derive(password, salt);
  return { hash: key.toString("hex"), salt };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const key = await derive(password, stored.salt);
  const expected = Buffer.from(stored.hash, "hex");
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** Burns the same work as a real check, so an unknown username cannot be told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await derive(password, "no-such-user-salt");
  return false;
}
