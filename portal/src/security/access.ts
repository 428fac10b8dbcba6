import type { FastifyRequest } from "fastify";
import { hasPrivilege } from "../model/role-catalogue";
import type { UserRecord } from "../model/user-record";
import { permissionDenied, tokenRequired } from "../server/arcgis-error";
import { stateOf } from "../server/request-state";

/**
 * The portal's one access module. Every route declares an {@link AccessPolicy} when it is
 * registered (`config: { access: Access.… }`); the request hook enforces the part of the policy
 * that depends only on who is calling, and handlers use the helpers below for the part that
 * depends on the resource (the item's owner, the group's managers, the target user's role).
 */
export interface AccessPolicy {
  /** How docs/portal.md and the route table name the policy. */
  readonly name: string;
  /** The privileges the policy names, for the authorisation matrix. */
  readonly privileges: readonly string[];
  /** Throws the ArcGIS error the real API answers when the caller may not use the route. */
  readonly admit: (user: UserRecord | null) => void;
}

function policy(
  name: string,
  admit: (user: UserRecord | null) => void,
  privileges: readonly string[] = [],
): AccessPolicy {
  return { name, admit, privileges };
}

const admitAnyone = (): void => undefined;

function admitSignedIn(user: UserRecord | null): asserts user is UserRecord {
  if (!user) throw tokenRequired();
}

/** The full Administrator role, the only one that may grant, reset or act as administration. */
export function isFullAdministrator(user: UserRecord | null): boolean {
  return user !== null && !user.disabled && user.roleId === "org_admin";
}

/** A full administrator of the organisation `orgId`. */
export function administers(user: UserRecord | null, orgId: string): boolean {
  return isFullAdministrator(user) && user?.orgId === orgId;
}

/** A full administrator, or a member of `orgId` whose role holds `privilege`. */
export function administersWith(
  user: UserRecord | null,
  orgId: string,
  privilege: string,
): boolean {
  return user !== null && user.orgId === orgId && hasPrivilege(user, privilege);
}

export const Access = {
  /** Public resources and listings; the handler shows only what the caller may see. */
  anyone: policy("anyone (what is shown follows the caller's visibility)", admitAnyone),
  /** Routes that check credentials themselves: generateToken, OAuth. */
  credentials: policy("presents credentials (authenticates itself)", admitAnyone),
  /** Item, group, user or service routes whose resource decides: public ones answer anyone. */
  mayView: (resource: "item" | "group" | "user" | "service" | "organisation"): AccessPolicy =>
    policy(`may see the ${resource}`, admitAnyone),
  signedIn: policy("signed in", admitSignedIn),
  /** Signed in and holding the privilege (a custom role grants exactly what it names). */
  privilege: (privilege: string): AccessPolicy =>
    policy(
      `has privilege ${privilege}`,
      (user) => {
        admitSignedIn(user);
        if (!hasPrivilege(user, privilege)) throw permissionDenied();
      },
      [privilege],
    ),
  /** Signed in and holding at least one of the privileges. */
  anyPrivilege: (...privileges: string[]): AccessPolicy =>
    policy(
      `has one of ${privileges.join(", ")}`,
      (user) => {
        admitSignedIn(user);
        if (!privileges.some((privilege) => hasPrivilege(user, privilege)))
          throw permissionDenied();
      },
      privileges,
    ),
  /** The user named in the URL, acting on their own account. */
  self: policy("the user themself", admitSignedIn),
  /** The resource's owner (or the user themself), or an administrator holding the privilege. */
  ownerOrPrivilege: (privilege: string): AccessPolicy =>
    policy(`owner or administrator with ${privilege}`, admitSignedIn, [privilege]),
  fullAdministrator: policy("full administrator", (user) => {
    admitSignedIn(user);
    if (!isFullAdministrator(user)) throw permissionDenied();
  }),
} as const;

/** The signed-in caller; anonymous requests get the real API's 499. */
export function signedInUser(request: FastifyRequest): UserRecord {
  const { user } = stateOf(request);
  admitSignedIn(user);
  return user;
}

/** The signed-in caller, who must hold `privilege`; 499 when anonymous, 403 without it. */
export function requirePrivilege(request: FastifyRequest, privilege: string): UserRecord {
  const user = signedInUser(request);
  if (!hasPrivilege(user, privilege)) throw permissionDenied();
  return user;
}

/** The signed-in caller, who must be a full administrator. */
export function requireFullAdministrator(request: FastifyRequest): UserRecord {
  const user = signedInUser(request);
  if (!isFullAdministrator(user)) throw permissionDenied();
  return user;
}

/**
 * Only a full administrator may act on a full administrator's account (reset, update, delete,
 * disable) or hand out the Administrator role, whatever admin privileges a custom role holds.
 */
export function guardAdministrators(
  actor: UserRecord,
  target: { readonly roleId: string } | null,
  grantedRoleId?: string,
): void {
  if (isFullAdministrator(actor)) return;
  if (target?.roleId === "org_admin" || grantedRoleId === "org_admin") throw permissionDenied();
}

/**
 * Whether the caller may share an item that far: an owner needs the user privilege
 * (`portal:user:shareToPublic`, `…shareToOrg`, `…shareToGroup`), anyone else the matching admin
 * one, as ArcGIS Online's roles document.
 */
export function mayShare(
  caller: UserRecord,
  ownsItem: boolean,
  scope: "public" | "org" | "group",
): boolean {
  const suffix = { public: "shareToPublic", org: "shareToOrg", group: "shareToGroup" }[scope];
  return hasPrivilege(caller, `portal:${ownsItem ? "user" : "admin"}:${suffix}`);
}
