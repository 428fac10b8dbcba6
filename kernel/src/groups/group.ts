import { inspect } from "node:util";
import { CategorySchemaManager } from "../content/category-schema-manager";
import { Item } from "../content/item";
import type { ItemJSON } from "../content/item-json";
import type { GIS } from "../gis";
import { exposeJsonFields } from "../json-fields";
import { pagedSearch } from "../rest/paged-search";
import { fetchThumbnail, saveThumbnail, thumbnailUpload } from "../rest/thumbnails";
import { usernamesOf, type UsersArgument } from "../users/usernames";
import { GroupApplication } from "./group-application";
import { groupCardHtml } from "./group-card";
import {
  maxCount,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalString,
  requireString,
  tagList,
} from "../arguments";
import * as rest from "../rest/groups";

/** The JSON of a group, as `community/groups/{id}` returns it. */
export interface GroupJSON {
  id: string;
  title?: string;
  owner?: string;
  description?: string | null;
  snippet?: string | null;
  tags?: string[];
  access?: "private" | "org" | "public";
  isInvitationOnly?: boolean;
  isViewOnly?: boolean;
  protected?: boolean;
  thumbnail?: string | null;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  autoJoin?: boolean;
  capabilities?: string[];
  created?: number;
  modified?: number;
  orgId?: string;
  userMembership?: { username: string; memberType: string; applications?: number };
  typeKeywords?: string[];
  phone?: string | null;
  featuredItemsId?: string | null;
  isOpenData?: boolean;
  isReadOnly?: boolean;
  isFav?: boolean;
  notificationsEnabled?: boolean;
  provider?: string | null;
  providerGroupName?: string | null;
  leavingDisallowed?: boolean;
  hiddenMembers?: boolean;
  membershipAccess?: "org" | "collaboration" | "";
  displaySettings?: { itemTypes?: string };
  [field: string]: unknown;
}

/** The options of `group.update`, named after the Python keyword arguments. */
export interface GroupUpdateOptions {
  title?: string;
  tags?: string | string[];
  description?: string;
  snippet?: string;
  access?: "private" | "org" | "public";
  isInvitationOnly?: boolean;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  isViewOnly?: boolean;
  thumbnail?: string;
  maxFileSize?: number;
  usersUpdateItems?: boolean;
  clearEmptyFields?: boolean;
}

export const GROUP_ACCESS = ["private", "org", "public"] as const;
export const SORT_ORDERS = ["asc", "desc"] as const;
const INVITE_ROLES = ["group_member", "group_admin"] as const;
const EMAIL_ROLES = ["member", "admin"] as const;
const EMAIL_EXPIRATIONS = ["1 Day", "3 Days", "1 Week", "2 Weeks"] as const;
const NOTIFY_METHODS = ["email", "push", "builtin"] as const;

let warnedInviteByEmail = false;

/**
 * A group of the GIS. Its REST fields are readonly properties (`group.title`, `group.owner`, …);
 * `toJSON()` gives the raw JSON.
 *
 * Python: `arcgis.gis.Group`.
 * @example
 * const group = await gis.groups.create("Field crews", ["field", "crews"]);
 * await group.addUsers(["ana", "bo"]);
 */
export class Group {
  /** Python: `Group.title`. @example group.title */
  declare readonly title: string | undefined;
  /** Python: `Group.owner`. @example group.owner */
  declare readonly owner: string | undefined;
  /** Python: `Group.description`. @example group.description */
  declare readonly description: string | null | undefined;
  /** Python: `Group.snippet`. @example group.snippet */
  declare readonly snippet: string | null | undefined;
  /** Python: `Group.tags`. @example group.tags */
  declare readonly tags: string[] | undefined;
  /** Python: `Group.access`. @example group.access */
  declare readonly access: "private" | "org" | "public" | undefined;
  /** Python: `Group.isInvitationOnly`. @example group.isInvitationOnly */
  declare readonly isInvitationOnly: boolean | undefined;
  /** Python: `Group.isViewOnly`. @example group.isViewOnly */
  declare readonly isViewOnly: boolean | undefined;
  /** Python: `Group.thumbnail`. @example group.thumbnail */
  declare readonly thumbnail: string | null | undefined;
  /** Python: `Group.created`. @example group.created */
  declare readonly created: number | undefined;
  /** Python: `Group.modified`. @example group.modified */
  declare readonly modified: number | undefined;
  /** Keywords that describe the kind of group. Python: `Group.typeKeywords`. @example group.typeKeywords */
  declare readonly typeKeywords: string[] | undefined;
  /** The group's contact phone number. Python: `Group.phone`. @example group.phone */
  declare readonly phone: string | null | undefined;
  /** The field the group's content is sorted by. Python: `Group.sortField`. @example group.sortField */
  declare readonly sortField: string | undefined;
  /** The order the group's content is sorted in. Python: `Group.sortOrder`. @example group.sortOrder */
  declare readonly sortOrder: "asc" | "desc" | undefined;
  /** The id of the group's featured items. Python: `Group.featuredItemsId`. @example group.featuredItemsId */
  declare readonly featuredItemsId: string | null | undefined;
  /** Whether the group is an open data group. Python: `Group.isOpenData`. @example group.isOpenData */
  declare readonly isOpenData: boolean | undefined;
  /** Whether the group is read only. Python: `Group.isReadOnly`. @example group.isReadOnly */
  declare readonly isReadOnly: boolean | undefined;
  /** Whether the group is the signed-in user's Favorites group. Python: `Group.isFav`. @example group.isFav */
  declare readonly isFav: boolean | undefined;
  /** Whether members of the organisation join without approval. Python: `Group.autoJoin`. @example group.autoJoin */
  declare readonly autoJoin: boolean | undefined;
  /** Capabilities of the group (`updateitemcontrol` for shared update groups). Python: `Group.capabilities`. @example group.capabilities */
  declare readonly capabilities: string[] | undefined;
  /** Whether the group sends notifications. Python: `Group.notificationsEnabled`. @example group.notificationsEnabled */
  declare readonly notificationsEnabled: boolean | undefined;
  /** The identity provider of an enterprise group. Python: `Group.provider`. @example group.provider */
  declare readonly provider: string | null | undefined;
  /** The name of the linked enterprise group. Python: `Group.providerGroupName`. @example group.providerGroupName */
  declare readonly providerGroupName: string | null | undefined;
  /** Whether members may not leave the group. Python: `Group.leavingDisallowed`. @example group.leavingDisallowed */
  declare readonly leavingDisallowed: boolean | undefined;
  /** Whether members are hidden from other members. Python: `Group.hiddenMembers`. @example group.hiddenMembers */
  declare readonly hiddenMembers: boolean | undefined;
  /** Who may be a member. Python: `Group.membershipAccess`. @example group.membershipAccess */
  declare readonly membershipAccess: "org" | "collaboration" | "" | undefined;
  /** How the group's content shows in the portal. Python: `Group.displaySettings`. @example group.displaySettings */
  declare readonly displaySettings: { itemTypes?: string } | undefined;
  /** The organisation the group belongs to. Python: `Group.orgId`. @example group.orgId */
  declare readonly orgId: string | undefined;
  /** The signed-in user's membership of the group. Python: `Group.userMembership`. @example group.userMembership */
  declare readonly userMembership: GroupJSON["userMembership"];

  /**
   * The group's id. Python: `Group.groupid` / `Group.id`.
   * @example
   * console.log(group.groupid);
   */
  readonly groupid: string;
  /**
   * The GIS the group belongs to.
   * Python keeps it private as `Group._gis`.
   * @example
   * console.log(group.gis.url);
   */
  readonly gis: GIS;
  private json: GroupJSON;

  /**
   * Python: `Group(gis, groupid, groupdict=None)`.
   * @example
   * const group = new Group(gis, "3d5f…", { id: "3d5f…", title: "Crews" });
   */
  constructor(gis: GIS, groupid: string, groupdict?: GroupJSON) {
    requireString(groupid, "groupid");
    this.gis = gis;
    this.groupid = groupid;
    this.json = { ...(groupdict ?? {}), id: groupid };
    exposeJsonFields(this, this.json);
  }

  /**
   * The group's id. Python: `Group.id`.
   * @example
   * console.log(group.id);
   */
  get id(): string {
    return this.groupid;
  }

  /**
   * Whether the group is protected from deletion. Python: `Group.protected` (getter).
   * @example
   * if (!group.protected) await group.setProtected(true);
   */
  get protected(): boolean {
    return this.json.protected === true;
  }

  /**
   * The group's content categories. Python: `Group.categories`.
   * @example
   * await group.categories.setSchema([{ title: "Categories", categories: [{ title: "Rivers" }] }]);
   */
  get categories(): CategorySchemaManager {
    return new CategorySchemaManager(rest.groupUrl(this.groupid), this.gis);
  }

  /**
   * The group's page in the portal. Python: `Group.homepage`.
   * @example
   * console.log(group.homepage);
   */
  get homepage(): string {
    return `${this.gis.url}/home/group.html?id=${encodeURIComponent(this.groupid)}`;
  }

  /**
   * Protects the group from deletion, or lifts the protection. Python: `Group.protected` (setter).
   * @example
   * await group.setProtected(true);
   */
  async setProtected(enabled: boolean): Promise<boolean> {
    if (typeof enabled !== "boolean") throw new TypeError("enabled: expected true or false");
    const result = await rest.protectGroup(this.gis.session, this.groupid, enabled);
    if (result.success === true) this.json = { ...this.json, protected: enabled };
    return result.success === true;
  }

  /**
   * Adds users to the group (owners, group managers and administrators only).
   * Python: `Group.add_users(usernames)`.
   * @example
   * const { notAdded } = await group.addUsers(["ana", "bo"]);
   */
  async addUsers(usernames: UsersArgument): Promise<{ notAdded: string[] }> {
    const users = usernamesOf(usernames, "usernames");
    const result = await rest.addUsersToGroup(this.gis.session, this.groupid, users);
    return { notAdded: result.notAdded ?? [] };
  }

  /**
   * Removes users from the group. Python: `Group.remove_users(usernames)`.
   * @example
   * const { notRemoved } = await group.removeUsers("bo");
   */
  async removeUsers(usernames: UsersArgument): Promise<{ notRemoved: string[] }> {
    const users = usernamesOf(usernames, "usernames");
    const result = await rest.removeUsersFromGroup(this.gis.session, this.groupid, users);
    return { notRemoved: result.notRemoved ?? [] };
  }

  /**
   * Invites existing users to the group; they accept from their invitations.
   * Python: `Group.invite_users(usernames, role='group_member', expiration=10080)`.
   * @example
   * await group.inviteUsers(["ana"], { role: "group_admin", expiration: 1440 });
   */
  async inviteUsers(
    usernames: UsersArgument,
    options: { role?: "group_member" | "group_admin"; expiration?: number } = {},
  ): Promise<boolean> {
    const users = usernamesOf(usernames, "usernames");
    const role = optionalChoice(options.role, "role", INVITE_ROLES) ?? "group_member";
    const expiration = optionalNumber(options.expiration, "expiration", { min: 1 }) ?? 10080;
    const result = await rest.inviteToGroup(this.gis.session, this.groupid, {
      users,
      role,
      expiration,
    });
    return result.success === true;
  }

  /**
   * Invites a member of the organisation to the group by e-mail address. Deprecated in the
   * Python API (use `inviteUsers`); kept for compatibility, with a deprecation warning.
   * Python: `Group.invite_by_email(email, message, role='member', expiration='1 Day')`.
   * @example
   * await group.inviteByEmail("ana@example.com", "Join us");
   */
  async inviteByEmail(
    email: string,
    message: string,
    options: {
      role?: "member" | "admin";
      expiration?: "1 Day" | "3 Days" | "1 Week" | "2 Weeks";
    } = {},
  ): Promise<boolean> {
    requireString(email, "email");
    if (typeof message !== "string") throw new TypeError("message: expected a string");
    const role = optionalChoice(options.role, "role", EMAIL_ROLES) ?? "member";
    const expiration =
      optionalChoice(options.expiration, "expiration", EMAIL_EXPIRATIONS) ?? "1 Day";
    if (!warnedInviteByEmail) {
      warnedInviteByEmail = true;
      process.emitWarning("Group.inviteByEmail is deprecated; use Group.inviteUsers instead.", {
        type: "DeprecationWarning",
        code: "TSGIS_INVITE_BY_EMAIL",
      });
    }
    const result = await rest.inviteToGroupByEmail(this.gis.session, this.groupid, {
      emails: email,
      message,
      role,
      expiration,
    });
    return result.success === true;
  }

  /**
   * Applies to join the group (or joins it at once when the group allows that).
   * Python: `Group.join()`.
   * @example
   * await group.join();
   */
  async join(): Promise<boolean> {
    const result = await rest.joinGroup(this.gis.session, this.groupid);
    return result.success === true;
  }

  /**
   * Leaves the group. Python: `Group.leave()`.
   * @example
   * await group.leave();
   */
  async leave(): Promise<boolean> {
    const result = await rest.leaveGroup(this.gis.session, this.groupid);
    return result.success === true;
  }

  /**
   * The pending applications to join the group (group managers only).
   * Python: `Group.applications`.
   * @example
   * for (const application of await group.getApplications()) await application.accept();
   */
  async getApplications(): Promise<GroupApplication[]> {
    const result = await rest.getGroupApplications(this.gis.session, this.groupid);
    return (result.applications ?? []).map(
      (application) =>
        new GroupApplication(
          rest.groupApplicationUrl(this.groupid, application.username),
          this.gis,
          application,
        ),
    );
  }

  /**
   * The group's owner, managers and members. Python: `Group.get_members()`.
   * @example
   * const { owner, admins, users } = await group.getMembers();
   */
  async getMembers(): Promise<{ owner: string; admins: string[]; users: string[] }> {
    const result = await rest.getGroupUsers(this.gis.session, this.groupid);
    return { owner: result.owner ?? "", admins: result.admins ?? [], users: result.users ?? [] };
  }

  /**
   * Sends members of the group a notification. Python:
   * `Group.notify(users, subject, message, method='email', client_id=None)`.
   * @example
   * await group.notify(["ana"], "Field day", "Meet at 9", { method: "builtin" });
   */
  async notify(
    users: UsersArgument,
    subject: string,
    message: string,
    options: { method?: "email" | "push" | "builtin"; clientId?: string } = {},
  ): Promise<boolean> {
    const names = usernamesOf(users, "users");
    requireString(subject, "subject");
    requireString(message, "message");
    const method = optionalChoice(options.method, "method", NOTIFY_METHODS) ?? "email";
    const clientId = optionalString(options.clientId, "clientId");
    if (method === "push" && !clientId)
      throw new TypeError("clientId: required when method is push");
    const result = await rest.notifyGroupMembers(this.gis.session, this.groupid, {
      users: names,
      subject,
      message,
      notificationChannelType: method,
      clientId,
    });
    return result.success === true;
  }

  /**
   * Makes another user the owner of the group. Python: `Group.reassign_to(target_owner)`.
   * @example
   * await group.reassignTo("publisher");
   */
  async reassignTo(targetOwner: string | { username: string }): Promise<boolean> {
    const [targetUsername] = usernamesOf(targetOwner, "targetOwner");
    const result = await rest.reassignGroup(this.gis.session, this.groupid, targetUsername);
    if (result.success === true) await this.refresh();
    return result.success === true;
  }

  /**
   * Updates the given properties of the group; others are left alone, and with
   * `clearEmptyFields` an empty string clears a field.
   * Python: `Group.update(title=None, tags=None, ..., clear_empty_fields=False)`.
   * @example
   * await group.update({ snippet: "Crews in the field", access: "org" });
   */
  async update(options: GroupUpdateOptions = {}): Promise<boolean> {
    const params = groupParams(options);
    const clearEmptyFields = optionalBoolean(options.clearEmptyFields, "clearEmptyFields");
    const upload = thumbnailUpload(options.thumbnail, "thumbnail");
    const result = await rest.updateGroup(
      this.gis.session,
      this.groupid,
      { ...params, ...upload.params, clearEmptyFields },
      upload.files,
    );
    await this.refresh();
    return result.success === true;
  }

  /**
   * Deletes the group (a protected group cannot be deleted). Python: `Group.delete()`.
   * @example
   * await group.delete();
   */
  async delete(): Promise<boolean> {
    const result = await rest.deleteGroup(this.gis.session, this.groupid);
    return result.success === true;
  }

  /**
   * The group's thumbnail as bytes, or null when it has none. Python: `Group.get_thumbnail()`.
   * @example
   * const png = await group.getThumbnail();
   */
  async getThumbnail(): Promise<Buffer | null> {
    return fetchThumbnail(this.gis.session, rest.groupInfoUrl(this.groupid), this.json.thumbnail);
  }

  /**
   * Saves the group's thumbnail into a folder and returns the file's path (null without one).
   * Python: `Group.download_thumbnail(save_folder=None)`.
   * @example
   * const file = await group.downloadThumbnail({ saveFolder: "/tmp" });
   */
  async downloadThumbnail(options: { saveFolder?: string } = {}): Promise<string | null> {
    return saveThumbnail(
      this.gis.session,
      rest.groupInfoUrl(this.groupid),
      this.json.thumbnail,
      options.saveFolder,
    );
  }

  /**
   * The items shared with the group that you can see, up to `maxItems` (-1 for all).
   * Python: `Group.content(max_items=1000)`.
   * @example
   * const items = await group.content({ maxItems: 50 });
   */
  async content(options: { maxItems?: number } = {}): Promise<Item[]> {
    const maxItems = maxCount(options.maxItems, "maxItems", 1000);
    const found = await pagedSearch<ItemJSON>(
      this.gis.session,
      rest.groupContentSearchUrl(this.groupid),
      { q: "" },
      maxItems,
    );
    return found.map((json) => new Item(this.gis, json.id, json));
  }

  /**
   * Reloads the group's JSON from the portal.
   * Python: reading a property of a stale `Group` reloads it the same way. Resolves with the group itself, as `Item.refresh()` does.
   * @example
   * await group.refresh();
   */
  async refresh(): Promise<this> {
    this.json = await rest.getGroup(this.gis.session, this.groupid);
    exposeJsonFields(this, this.json);
    return this;
  }

  /**
   * The raw group JSON.
   * Python: `dict(group)`.
   * @example
   * JSON.stringify(group);
   */
  toJSON(): GroupJSON {
    return { ...this.json };
  }

  /**
   * An HTML card (thumbnail, title, snippet, owner) for notebooks. Python: `Group._repr_html_()`.
   * @example
   * display.html(group._repr_html_());
   */
  _repr_html_(): string {
    return groupCardHtml(this.gis.url, this.json, this.homepage);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Group.__repr__()`.
   * @example
   * console.log(util.inspect(group));
   */
  [inspect.custom](): string {
    return `<Group title:"${this.json.title ?? ""}" owner:${this.json.owner ?? ""}>`;
  }
}

/** Group fields in REST form, shared by create and update. */
export function groupParams(
  options: GroupUpdateOptions,
): Record<string, string | number | boolean | undefined> {
  return {
    title: optionalString(options.title, "title"),
    tags: tagList(options.tags, "tags")?.join(","),
    description: optionalString(options.description, "description"),
    snippet: optionalString(options.snippet, "snippet"),
    access: optionalChoice(options.access, "access", GROUP_ACCESS),
    isInvitationOnly: optionalBoolean(options.isInvitationOnly, "isInvitationOnly"),
    sortField: optionalString(options.sortField, "sortField"),
    sortOrder: optionalChoice(options.sortOrder, "sortOrder", SORT_ORDERS),
    isViewOnly: optionalBoolean(options.isViewOnly, "isViewOnly"),
    maxFileSize: optionalNumber(options.maxFileSize, "maxFileSize", { min: 1 }),
    capabilities: optionalBoolean(options.usersUpdateItems, "usersUpdateItems")
      ? "updateitemcontrol"
      : undefined,
  };
}
