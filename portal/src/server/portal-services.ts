import type { FastifyInstance } from "fastify";
import path from "node:path";
import type { PortalDatabase } from "../db/open-database";
import { FeatureServiceStore } from "../features/service-store";
import { ServerTokenStore } from "../federation/server-token-store";
import { LogStore } from "../logs/log-store";
import { EntitlementStore } from "../store/entitlement-store";
import { FolderStore } from "../store/folder-store";
import { GroupStore } from "../store/group-store";
import { ItemFeedbackStore } from "../store/item-feedback-store";
import { ItemFiles } from "../store/item-files";
import { ItemStore } from "../store/item-store";
import { MemberStore } from "../store/member-store";
import { NotificationStore } from "../store/notification-store";
import { OAuthStore } from "../store/oauth-store";
import { OrgDocumentStore } from "../store/org-document-store";
import { OrganisationStore } from "../store/organisation-store";
import { RoleStore } from "../store/role-store";
import { SharingGroups } from "../store/sharing-groups";
import { ThumbnailStore } from "../store/thumbnail-store";
import { TokenStore } from "../store/token-store";
import { UserStore } from "../store/user-store";
import { WebhookStore } from "../webhooks/webhook-store";

/** How the running portal is configured; fixed before it listens, except the root URL. */
export interface PortalSettings {
  /** Longest token life in seconds that generateToken grants. */
  readonly maxTokenLifetimeSeconds: number;
  readonly tlsEnabled: boolean;
  /** Answer as ArcGIS Enterprise (the default) or as ArcGIS Online. */
  readonly deployment: "enterprise" | "online";
  /** The portal's root URL, known once the server listens (the port may be chosen by the OS). */
  rootUrl: string;
}

/**
 * Everything a route needs: the settings, the database and every store, each made once per
 * running portal in start-portal.ts and handed to every route registrar.
 */
export interface PortalServices extends PortalSettings {
  readonly db: PortalDatabase;
  readonly organisations: OrganisationStore;
  readonly users: UserStore;
  readonly tokens: TokenStore;
  readonly serverTokens: ServerTokenStore;
  readonly oauth: OAuthStore;
  readonly items: ItemStore;
  readonly folders: FolderStore;
  readonly files: ItemFiles;
  /** The organisation's own resources (portals/self/resources), beside the item files. */
  readonly portalFiles: ItemFiles;
  /** Who an item is shared with (the item side of sharing). */
  readonly sharingGroups: SharingGroups;
  /** The groups themselves: records, members, favourites. */
  readonly groups: GroupStore;
  readonly feedback: ItemFeedbackStore;
  readonly featureServices: FeatureServiceStore;
  readonly notifications: NotificationStore;
  readonly thumbnails: ThumbnailStore;
  readonly documents: OrgDocumentStore;
  readonly entitlements: EntitlementStore;
  readonly webhooks: WebhookStore;
  readonly members: MemberStore;
  readonly roles: RoleStore;
  readonly logs: LogStore;
  /** Where uploads wait before they are moved into place. */
  readonly uploadDir: string;
}

/** Adds one area's routes; every route registrar has this shape. */
export type RouteRegistrar = (app: FastifyInstance, services: PortalServices) => void;

export function createPortalServices(db: PortalDatabase, settings: PortalSettings): PortalServices {
  // The database file lives in the data directory; item files go beside it.
  const dataDir = path.dirname(db.name);
  const documents = new OrgDocumentStore(db);
  return {
    ...settings,
    db,
    organisations: new OrganisationStore(db),
    users: new UserStore(db),
    tokens: new TokenStore(db),
    serverTokens: new ServerTokenStore(db),
    oauth: new OAuthStore(db),
    items: new ItemStore(db),
    folders: new FolderStore(db),
    files: new ItemFiles(path.join(dataDir, "items")),
    portalFiles: new ItemFiles(path.join(dataDir, "portal")),
    sharingGroups: new SharingGroups(db),
    groups: new GroupStore(db),
    feedback: new ItemFeedbackStore(db),
    featureServices: new FeatureServiceStore(db),
    notifications: new NotificationStore(db),
    thumbnails: new ThumbnailStore(db),
    documents,
    entitlements: new EntitlementStore(documents),
    webhooks: new WebhookStore(documents),
    members: new MemberStore(db),
    roles: new RoleStore(db),
    logs: new LogStore(db, documents),
    uploadDir: path.join(dataDir, "uploads"),
  };
}

export function restUrlOf(services: PortalServices): string {
  return `${services.rootUrl}/sharing/rest`;
}
