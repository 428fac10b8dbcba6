import type { PortalContext } from "../server/portal-context";
import { GroupStore } from "./group-store";
import { MemberStore } from "./member-store";
import { NotificationStore } from "./notification-store";
import { OrgDocumentStore } from "./org-document-store";
import { RoleStore } from "./role-store";
import { ThumbnailStore } from "./thumbnail-store";

/** The stores the community, organisation and admin routes share, one set per running portal. */
export interface CommunityStores {
  readonly groups: GroupStore;
  readonly notifications: NotificationStore;
  readonly thumbnails: ThumbnailStore;
  readonly documents: OrgDocumentStore;
  readonly members: MemberStore;
  readonly roles: RoleStore;
}

const byContext = new WeakMap<PortalContext, CommunityStores>();

export function communityStores(context: PortalContext): CommunityStores {
  let stores = byContext.get(context);
  if (!stores) {
    stores = {
      groups: new GroupStore(context.db),
      notifications: new NotificationStore(context.db),
      thumbnails: new ThumbnailStore(context.db),
      documents: new OrgDocumentStore(context.db),
      members: new MemberStore(context.db),
      roles: new RoleStore(context.db),
    };
    byContext.set(context, stores);
  }
  return stores;
}
