import { closeAll } from "../support/teardown";
import { startSecurityOrg, type Principal, type SecurityOrg } from "./principals";

/**
 * The privileges ArcGIS Online's REST reference and its roles page document for operations,
 * written down here independently of the portal's own declarations. Each route whose path ends
 * with the key must name exactly this privilege.
 */
const DOCUMENTED: Record<string, string> = {
  "/portals/self/invite": "portal:admin:inviteUsers",
  "/portals/self/updateUserRole": "portal:admin:changeUserRoles",
  "/portals/self/updateUserLevel": "portal:admin:changeUserRoles",
  "/portals/self/updateUserLicenseType": "portal:admin:manageLicenses",
  "/portals/self/users": "portal:admin:viewUsers",
  "/portals/self/users/search": "portal:admin:viewUsers",
  "/portals/self/createRole": "portal:admin:manageRoles",
  "/portals/self/roles/:roleId/setPrivileges": "portal:admin:manageRoles",
  "/portals/self/roles/:roleId/delete": "portal:admin:manageRoles",
  "/community/users/:username/delete": "portal:admin:deleteUsers",
  "/community/users/:username/disable": "portal:admin:disableUsers",
  "/community/users/:username/enable": "portal:admin:disableUsers",
  "/community/createGroup": "portal:user:createGroup",
  "/content/users/:username/addItem": "portal:user:createItem",
  "/content/users/:username/createFolder": "portal:user:createItem",
  "/content/users/:username/publish": "portal:publisher:publishFeatures",
  "/content/users/:username/createService": "portal:publisher:publishFeatures",
  "/community/groups/:groupId/join": "portal:user:joinGroup",
  "/portals/:portalId/securityPolicy/update": "portal:admin:manageSecurity",
  "/portals/self/certificates/register": "portal:admin:manageSecurity",
};

/** The single administrative privileges the matrix gives a custom role each. */
const SINGLE_ADMIN_PRIVILEGES = [
  "portal:admin:viewUsers",
  "portal:admin:updateUsers",
  "portal:admin:inviteUsers",
  "portal:admin:changeUserRoles",
  "portal:admin:deleteUsers",
  "portal:admin:disableUsers",
  "portal:admin:manageRoles",
  "portal:admin:manageSecurity",
  "portal:admin:manageLicenses",
  "portal:admin:viewItems",
  "portal:admin:updateItems",
  "portal:admin:viewGroups",
  "portal:admin:updateGroups",
  "portal:admin:manageServers",
];

type Expected = "allowed" | 499 | 403;

interface Route {
  readonly method: string;
  readonly url: string;
  readonly access: { readonly name: string; readonly privileges: readonly string[] } | null;
}

/** What the route's access rule answers this principal, before the resource is looked at. */
function expectedFor(route: Route, principal: Principal): Expected {
  const name = route.access?.name ?? "";
  const documented = Object.entries(DOCUMENTED).find(([path]) =>
    route.url.endsWith(`/sharing/rest${path}`),
  )?.[1];
  const privileges = documented ? [documented] : (route.access?.privileges ?? []);
  if (name.startsWith("has privilege") || name.startsWith("has one of")) {
    if (!principal.token) return 499;
    return privileges.some((p) => principal.privileges.includes(p)) ? "allowed" : 403;
  }
  if (name === "full administrator") {
    if (!principal.token) return 499;
    return principal.fullAdministrator ? "allowed" : 403;
  }
  if (/^(signed in|the user themself|owner or administrator)/.test(name)) {
    return principal.token ? "allowed" : 499;
  }
  return "allowed";
}

/** A concrete URL for a route pattern: the caller's own name, `self`, ids that exist nowhere. */
function concrete(route: Route, principal: Principal): string {
  return route.url
    .replace(":username", principal.username ?? "admin")
    .replace(":portalId", "self")
    .replace(/:[A-Za-z]+/g, "0123456789abcdef0123456789abcdef")
    .replace("*", "x.json");
}

describe("the authorisation matrix", () => {
  let org: SecurityOrg;

  beforeAll(async () => {
    org = await startSecurityOrg(SINGLE_ADMIN_PRIVILEGES);
  }, 120_000);

  afterAll(async () => {
    await closeAll(org?.portal);
  });

  it("declares for each documented operation the privilege ArcGIS Online documents", () => {
    const routes = org.portal.routes();
    for (const [path, privilege] of Object.entries(DOCUMENTED)) {
      const matching = routes.filter((route) => route.url.endsWith(`/sharing/rest${path}`));
      expect({ path, found: matching.length > 0 }).toEqual({ path, found: true });
      for (const route of matching) {
        expect({ path, privileges: route.access?.privileges }).toEqual({
          path,
          privileges: [privilege],
        });
      }
    }
  });

  it("answers every route × role as the documented privileges say", async () => {
    const routes = org.portal.routes().filter((route) => route.method !== "OPTIONS");
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const method = route.method === "GET" ? "GET" : "POST";
      for (const principal of org.principals) {
        const expected = expectedFor(route, principal);
        const answer = await org.call(
          principal,
          `${org.portal.url}${concrete(route, principal)}`,
          {},
          method,
        );
        const code = answer.error?.code;
        checked++;
        // Where the rule admits the caller, the resource may still refuse (it is someone
        // else's, or missing): only a 499, which says the route wanted a sign-in, is wrong.
        const wrong = expected === "allowed" ? code === 499 : code !== expected;
        if (wrong) {
          mismatches.push(
            `${route.method} ${route.url} as ${principal.name}: expected ${expected}, got ${code ?? "success"}`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(150 * 8);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
