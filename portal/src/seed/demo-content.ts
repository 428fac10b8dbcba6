import type { PortalServices } from "../server/portal-services";
import type { UserRecord } from "../model/user-record";

/**
 * Seeds demo content (items, groups, services...) once the demo users exist. Later parts of the
 * portal append their seeders to `demoContentSeeders`; each must be idempotent, because `--demo`
 * runs again on every start with the same data directory.
 */
export type DemoContentSeeder = (
  context: PortalServices,
  users: Readonly<Record<string, UserRecord>>,
) => void | Promise<void>;

export const demoContentSeeders: DemoContentSeeder[] = [];
