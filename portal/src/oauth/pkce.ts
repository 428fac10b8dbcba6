import { createHash, timingSafeEqual } from "node:crypto";

export type ChallengeMethod = "S256" | "plain";

/** RFC 7636: a verifier is 43 to 128 characters of [A-Za-z0-9-._~]. */
const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Does `verifier` answer the challenge that was stored with the authorization code? */
export function verifierMatches(
  verifier: string,
  challenge: string,
  method: ChallengeMethod,
): boolean {
  if (!VERIFIER_PATTERN.test(verifier)) return false;
  const derived =
    method === "S256"
      ? createHash("sha256").update(verifier, "ascii").digest("base64url")
      : verifier;
  const a = Buffer.from(derived);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
