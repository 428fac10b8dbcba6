import type { BuiltInRole } from "../model/roles";
import type { UserRecord } from "../model/user-record";
import type { PortalServices } from "../server/portal-services";
import { demoContentSeeders } from "./demo-content";
import { DEMO_USERS } from "./demo-users";

/** Creates the user unless it exists; an existing user (and its password) is left untouched. */
async function ensureUser(
  context: PortalServices,
  username: string,
  password: string,
  role: BuiltInRole,
  names: { firstName?: string; lastName?: string } = {},
): Promise<UserRecord> {
  const existing = context.users.find(username);
  if (existing) return existing;
  const orgId = context.organisations.get().id;
  return context.users.create(orgId, { username, password, role, ...names });
}

export async function ensureAdministrator(
  context: PortalServices,
  admin: { username: string; password: string },
): Promise<void> {
  await ensureUser(context, admin.username, admin.password, "org_admin");
}

export async function seedDemo(context: PortalServices): Promise<void> {
  const users: Record<string, UserRecord> = {};
  for (const demo of DEMO_USERS) {
    users[demo.username] = await ensureUser(context, demo.username, demo.password, demo.role, demo);
  }
  for (const seeder of demoContentSeeders) await seeder(context, users);
}
