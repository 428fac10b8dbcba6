import type { UserRecord } from "../model/user-record";
import { ArcGISRequestError } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { verifyAgainstNothing, verifyPassword } from "./passwords";
import { passwordPolicyOf } from "./security-policy";

export const accountLocked = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Unable to generate token.", [
    "Too many invalid sign-in attempts: the account is locked. Try again later.",
  ]);

/**
 * Checks a username and password, counting consecutive failures per account: after the
 * policy's `maxAttempts` the account is locked for `lockoutDuration` minutes, during which even
 * the right password is refused (so guessing cannot go on). Unknown accounts cost the same time
 * as known ones and are never locked, so the answer reveals nothing. Returns null when the
 * credentials are wrong; throws when the account is locked.
 */
export async function verifySignIn(
  context: PortalServices,
  username: string,
  password: string,
): Promise<UserRecord | null> {
  const stored = context.users.passwordOf(username);
  if (!stored) {
    await verifyAgainstNothing(password);
    return null;
  }
  const now = Date.now();
  if (lockedUntil(context, username) > now) throw accountLocked();
  if (await verifyPassword(password, stored)) {
    context.db.prepare("DELETE FROM sign_in_failures WHERE username = ?").run(username);
    return context.users.find(username);
  }
  const policy = passwordPolicyOf(context.documents);
  const row = context.db
    .prepare("SELECT failures FROM sign_in_failures WHERE username = ?")
    .get(username) as { failures: number } | undefined;
  const failures = (row?.failures ?? 0) + 1;
  const locks = failures >= policy.maxAttempts;
  context.db
    .prepare(
      `INSERT INTO sign_in_failures (username, failures, locked_until) VALUES (?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
         locked_until = excluded.locked_until`,
    )
    .run(username, locks ? 0 : failures, locks ? now + policy.lockoutDuration * 60000 : 0);
  return null;
}

function lockedUntil(context: PortalServices, username: string): number {
  const row = context.db
    .prepare("SELECT locked_until FROM sign_in_failures WHERE username = ?")
    .get(username) as { locked_until: number } | undefined;
  return row?.locked_until ?? 0;
}
