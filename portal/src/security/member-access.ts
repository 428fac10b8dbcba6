import { guardAdministrators } from "./access";
import type { FastifyRequest } from "fastify";
import { permissionDenied, tokenRequired } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { userNotFound } from "../server/community-errors";
import { hasPrivilege } from "../model/role-catalogue";
import type { UserRecord } from "../model/user-record";

/** A member of the caller's organisation, by username; unknown and foreign users look alike. */
export function memberOfOrg(
  context: PortalServices,
  actor: UserRecord,
  username: string,
): UserRecord {
  const target = context.users.find(username);
  if (!target || target.orgId !== actor.orgId) throw userNotFound();
  return target;
}

export function isSelf(actor: UserRecord, target: UserRecord): boolean {
  return actor.username.toLowerCase() === target.username.toLowerCase();
}

/**
 * The user named in the URL, for an operation that the user may do to themself and an
 * administrator with `privilege` may do to anyone in the organisation.
 */
export function selfOrPrivileged(
  context: PortalServices,
  request: FastifyRequest,
  privilege: string,
): { actor: UserRecord; target: UserRecord } {
  const { user } = stateOf(request);
  if (!user) throw tokenRequired();
  const { username } = request.params as { username: string };
  const target = memberOfOrg(context, user, username);
  if (!isSelf(user, target)) {
    if (!hasPrivilege(user, privilege)) throw permissionDenied();
    // Resetting or updating an administrator's password or e-mail would be a way to become one.
    guardAdministrators(user, target);
  }
  return { actor: user, target };
}
