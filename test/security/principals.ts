import { startPortal, type RunningPortal } from "@tsgis/portal";

/** Someone calling the portal: anonymous (no token) or a member with a role. */
export interface Principal {
  readonly name: string;
  readonly username: string | null;
  readonly token: string | null;
  /** The privileges the role grants, as portals/self/roles reports them. */
  readonly privileges: readonly string[];
  readonly fullAdministrator: boolean;
}

export interface SecurityOrg {
  readonly portal: RunningPortal;
  readonly rest: string;
  readonly principals: readonly Principal[];
  principal(name: string): Principal;
  call(
    principal: Principal | null,
    path: string,
    params?: Record<string, string>,
    method?: "GET" | "POST",
  ): Promise<Record<string, unknown> & { error?: { code: number; message: string } }>;
}

const VIEWER_ROLE_ID = "iAAAAAAAAAAAAAAA";
const DATA_EDITOR_ROLE_ID = "iBBBBBBBBBBBBBBB";

/**
 * A demo organisation with one member per built-in role (Viewer, Data Editor, User, Publisher,
 * Administrator) and one per custom role holding a single administrative privilege.
 */
export async function startSecurityOrg(
  singleAdminPrivileges: readonly string[],
): Promise<SecurityOrg> {
  const portal = await startPortal({ port: 0, demo: true });
  const rest = `${portal.url}/sharing/rest`;
  const call: SecurityOrg["call"] = async (principal, path, params = {}, method = "POST") => {
    const body = new URLSearchParams({ f: "json", ...params });
    const headers: Record<string, string> = principal?.token
      ? { "X-Esri-Authorization": `Bearer ${principal.token}` }
      : {};
    const url = path.startsWith("http") ? path : `${rest}${path}`;
    const response =
      method === "GET"
        ? await fetch(`${url}?${body}`, { headers })
        : await fetch(url, { method, headers, body });
    const text = await response.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return { status: response.status, text };
    }
  };
  const tokenOf = async (username: string, password: string): Promise<string> => {
    const answer = await call(null, "/generateToken", {
      username,
      password,
      client: "referer",
      referer: "http://localhost",
    });
    if (typeof answer.token !== "string") throw new Error(`no token for ${username}`);
    return answer.token;
  };
  const rolePrivileges = async (admin: Principal, roleId: string): Promise<string[]> => {
    const answer = await call(admin, `/portals/self/roles/${roleId}/privileges`, {}, "GET");
    return (answer.privileges as string[]) ?? [];
  };
  const adminToken = await tokenOf("admin", "tsgis-admin-1");
  const admin: Principal = {
    name: "Administrator",
    username: "admin",
    token: adminToken,
    privileges: [],
    fullAdministrator: true,
  };
  const invite = async (username: string, role: string): Promise<void> => {
    const answer = await call(admin, "/portals/self/invite", {
      invitationList: JSON.stringify({
        invitations: [
          { username, password: `${username}-Pass-1`, email: `${username}@example.com`, role },
        ],
      }),
    });
    if (answer.success !== true) throw new Error(`invite ${username}: ${JSON.stringify(answer)}`);
  };
  const member = async (
    name: string,
    username: string,
    password: string,
    roleId: string,
  ): Promise<Principal> => ({
    name,
    username,
    token: await tokenOf(username, password),
    privileges: await rolePrivileges(admin, roleId),
    fullAdministrator: roleId === "org_admin",
  });

  await invite("viewer1", VIEWER_ROLE_ID);
  await invite("editor1", DATA_EDITOR_ROLE_ID);
  const principals: Principal[] = [
    { name: "anonymous", username: null, token: null, privileges: [], fullAdministrator: false },
    await member("Viewer", "viewer1", "viewer1-Pass-1", VIEWER_ROLE_ID),
    await member("Data Editor", "editor1", "editor1-Pass-1", DATA_EDITOR_ROLE_ID),
    await member("User", "user", "tsgis-user-1", "org_user"),
    await member("Publisher", "publisher", "tsgis-publisher-1", "org_publisher"),
    { ...admin, privileges: await rolePrivileges(admin, "org_admin") },
  ];
  for (const privilege of singleAdminPrivileges) {
    const short = privilege.split(":").pop() as string;
    const created = await call(admin, "/portals/self/createRole", {
      name: `Only ${short}`,
      description: `holds ${privilege} alone`,
    });
    const roleId = created.id as string;
    await call(admin, `/portals/self/roles/${roleId}/setPrivileges`, {
      privileges: JSON.stringify({ privileges: [privilege] }),
    });
    const username = `only_${short.toLowerCase()}`;
    await invite(username, roleId);
    principals.push(await member(`custom ${short}`, username, `${username}-Pass-1`, roleId));
  }
  return {
    portal,
    rest,
    principals,
    principal: (name) => {
      const found = principals.find((p) => p.name === name);
      if (!found) throw new Error(`no principal ${name}`);
      return found;
    },
    call,
  };
}
