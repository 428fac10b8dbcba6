import type { BuiltInRole } from "../model/roles";

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: BuiltInRole;
  readonly firstName: string;
  readonly lastName: string;
}

/** Fixed, documented credentials (docs/portal.md): the demo is for local use only. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: "admin",
    password: "tsgis-admin-1",
    role: "org_admin",
    firstName: "Ada",
    lastName: "Admin",
  },
  {
    username: "publisher",
    password: "tsgis-publisher-1",
    role: "org_publisher",
    firstName: "Pat",
    lastName: "Publisher",
  },
  {
    username: "user",
    password: "tsgis-user-1",
    role: "org_user",
    firstName: "Uma",
    lastName: "User",
  },
];
