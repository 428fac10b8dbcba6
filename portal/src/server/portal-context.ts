import type { PortalDatabase } from "../db/open-database";
import type { OrganisationStore } from "../store/organisation-store";
import type { TokenStore } from "../store/token-store";
import type { UserStore } from "../store/user-store";

/** What every route needs to know about the running portal. */
export interface PortalContext {
  readonly db: PortalDatabase;
  readonly organisations: OrganisationStore;
  readonly users: UserStore;
  readonly tokens: TokenStore;
  /** Longest token life in seconds that generateToken grants. */
  readonly maxTokenLifetimeSeconds: number;
  readonly tlsEnabled: boolean;
  /** Answer as ArcGIS Enterprise (the default) or as ArcGIS Online. */
  readonly deployment: "enterprise" | "online";
  /** The portal's root URL, known once the server listens (the port may be chosen by the OS). */
  rootUrl: string;
}

export function restUrlOf(context: PortalContext): string {
  return `${context.rootUrl}/sharing/rest`;
}
