import { inspect } from "node:util";
import { getFolders, getUserContent, type FolderJSON } from "../rest/folders";
import { Item } from "../content/item";
import type { ItemJSON } from "../content/item-json";
import type { GIS } from "../gis";
import { Group, type GroupJSON } from "../groups/group";
import type { Role } from "../roles/role";
import { exposeJsonFields } from "../json-fields";
import { roleIdOf, userTypeIdOf } from "./role-names";
import { fetchThumbnail, saveThumbnail, thumbnailUpload } from "../rest/thumbnails";
import { userCardHtml } from "./user-card";
import { reassignUserContent } from "./user-reassignment";
import {
  maxCount,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalString,
  requireString,
  tagList,
} from "../arguments";
import * as portals from "../rest/portals";
import * as users from "../rest/users";

/** The JSON of a portal user, as `community/users/{username}` returns it. */
export interface UserJSON {
  username: string;
  udn?: string | null;
  id?: string;
  fullName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  description?: string | null;
  tags?: string[];
  culture?: string | null;
  cultureFormat?: string | null;
  region?: string | null;
  units?: "english" | "metric";
  thumbnail?: string | null;
  access?: "private" | "org" | "public";
  created?: number;
  modified?: number;
  preferredView?: "Web" | "GIS" | null;
  provider?: "arcgis" | "enterprise" | "facebook" | "google" | "apple" | "github";
  idpUsername?: string | null;
  role?: string;
  roleId?: string;
  privileges?: string[];
  userLicenseTypeId?: string;
  userType?: "arcgisonly" | "both";
  orgId?: string;
  level?: string;
  disabled?: boolean;
  favGroupId?: string | null;
  lastLogin?: number;
  mfaEnabled?: boolean;
  mfaEnforcementExempt?: boolean;
  storageUsage?: number;
  storageQuota?: number;
  availableCredits?: number;
  assignedCredits?: number;
  categories?: string[];
  isFav?: boolean;
  groups?: GroupJSON[];
  [field: string]: unknown;
}

/** The options of `user.update`, named after the Python keyword arguments. */
export interface UserUpdateOptions {
  access?: "private" | "org" | "public";
  preferredView?: "Web" | "GIS" | null;
  description?: string;
  tags?: string | string[];
  thumbnail?: string;
  fullname?: string;
  email?: string;
  culture?: string;
  region?: string;
  firstName?: string;
  lastName?: string;
  securityQuestion?: number;
  securityAnswer?: string;
}

const ACCESS = ["private", "org", "public"] as const;
const VIEWS = ["Web", "GIS"] as const;

/**
 * A user of the GIS. Its REST fields are readonly properties (`user.username`,
 * `user.fullName`, …); `toJSON()` gives the raw JSON.
 *
 * Python: `arcgis.gis.User`.
 * @example
 * const me = gis.users.me;
 * console.log(me?.username, me?.role);
 */
export class User {
  /** Python: `User.id`. @example user.id */
  declare readonly id: string | undefined;
  /** Python: `User.fullName`. @example user.fullName */
  declare readonly fullName: string | undefined;
  /** Python: `User.firstName`. @example user.firstName */
  declare readonly firstName: string | undefined;
  /** Python: `User.lastName`. @example user.lastName */
  declare readonly lastName: string | undefined;
  /** Python: `User.email`. @example user.email */
  declare readonly email: string | undefined;
  /** Python: `User.description`. @example user.description */
  declare readonly description: string | null | undefined;
  /** Python: `User.tags`. @example user.tags */
  declare readonly tags: string[] | undefined;
  /** Python: `User.access`. @example user.access */
  declare readonly access: "private" | "org" | "public" | undefined;
  /** Python: `User.role`. @example user.role */
  declare readonly role: string | undefined;
  /** Python: `User.roleId`. @example user.roleId */
  declare readonly roleId: string | undefined;
  /** Python: `User.privileges`. @example user.privileges */
  declare readonly privileges: string[] | undefined;
  /** Python: `User.userLicenseTypeId`. @example user.userLicenseTypeId */
  declare readonly userLicenseTypeId: string | undefined;
  /** Python: `User.orgId`. @example user.orgId */
  declare readonly orgId: string | undefined;
  /** Python: `User.level`. @example user.level */
  declare readonly level: string | undefined;
  /** Python: `User.disabled`. @example user.disabled */
  declare readonly disabled: boolean | undefined;
  /** Python: `User.created`. @example user.created */
  declare readonly created: number | undefined;
  /** Python: `User.modified`. @example user.modified */
  declare readonly modified: number | undefined;
  /** Python: `User.thumbnail`. @example user.thumbnail */
  declare readonly thumbnail: string | null | undefined;
  /** The user's display name, where the portal sets one. Python: `User.udn`. @example user.udn */
  declare readonly udn: string | null | undefined;
  /** Language and country of the user's locale (`en-US`). Python: `User.culture`. @example user.culture */
  declare readonly culture: string | null | undefined;
  /** Number and date format of the user's locale. Python: `User.cultureFormat`. @example user.cultureFormat */
  declare readonly cultureFormat: string | null | undefined;
  /** The region whose featured content the user sees. Python: `User.region`. @example user.region */
  declare readonly region: string | null | undefined;
  /** Units of measure the user prefers. Python: `User.units`. @example user.units */
  declare readonly units: "english" | "metric" | undefined;
  /** The view the user prefers (`Web` or `GIS`). Python: `User.preferredView`. @example user.preferredView */
  declare readonly preferredView: "Web" | "GIS" | null | undefined;
  /** Where the user's identity is managed. Python: `User.provider`. @example user.provider */
  declare readonly provider:
    "arcgis" | "enterprise" | "facebook" | "google" | "apple" | "github" | undefined;
  /** The user's name at the identity provider (enterprise logins). Python: `User.idpUsername`. @example user.idpUsername */
  declare readonly idpUsername: string | null | undefined;
  /** Whether the user also has Esri access (`both`). Python: `User.userType`. @example user.userType */
  declare readonly userType: "arcgisonly" | "both" | undefined;
  /** The id of the user's Favorites group. Python: `User.favGroupId`. @example user.favGroupId */
  declare readonly favGroupId: string | null | undefined;
  /** When the user last signed in (milliseconds since the epoch). Python: `User.lastLogin`. @example user.lastLogin */
  declare readonly lastLogin: number | undefined;
  /** Whether multifactor authentication is on for the user. Python: `User.mfaEnabled`. @example user.mfaEnabled */
  declare readonly mfaEnabled: boolean | undefined;
  /** Whether the user is exempt from enforced multifactor authentication. Python: `User.mfaEnforcementExempt`. @example user.mfaEnforcementExempt */
  declare readonly mfaEnforcementExempt: boolean | undefined;
  /** Bytes of storage the user's content takes. Python: `User.storageUsage`. @example user.storageUsage */
  declare readonly storageUsage: number | undefined;
  /** Bytes of storage the user may use. Python: `User.storageQuota`. @example user.storageQuota */
  declare readonly storageQuota: number | undefined;
  /** Credits the user may still spend. Python: `User.availableCredits`. @example user.availableCredits */
  declare readonly availableCredits: number | undefined;
  /** Credits assigned to the user. Python: `User.assignedCredits`. @example user.assignedCredits */
  declare readonly assignedCredits: number | undefined;
  /** Categories the user is listed under. Python: `User.categories`. @example user.categories */
  declare readonly categories: string[] | undefined;
  /** Whether the user is among the signed-in user's favorites. Python: `User.isFav`. @example user.isFav */
  declare readonly isFav: boolean | undefined;
  /** The groups the user belongs to, as the user resource lists them (`await user.getGroups()` gives Group objects). Python: `User.groups`. @example user.groups */
  declare readonly groups: GroupJSON[] | undefined;
  /**
   * The user's login name. Python: `User.username`.
   * @example
   * console.log(user.username);
   */
  readonly username: string;
  /**
   * The GIS the user belongs to.
   * Python keeps it private as `User._gis`.
   * @example
   * console.log(user.gis.url);
   */
  readonly gis: GIS;
  private json: UserJSON;

  /**
   * Python: `User(gis, username, userdict=None)`.
   * @example
   * const user = new User(gis, "ana", { username: "ana", fullName: "Ana" });
   */
  constructor(gis: GIS, username: string, userdict?: UserJSON) {
    if (typeof username !== "string" || username === "") {
      throw new TypeError(`username: expected a non-empty string, got ${String(username)}`);
    }
    this.gis = gis;
    this.username = username;
    this.json = { ...(userdict ?? {}), username };
    exposeJsonFields(this, this.json);
  }

  /**
   * The user's page in the portal. Python: `User.homepage`.
   * @example
   * console.log(user.homepage);
   */
  get homepage(): string {
    return `${this.gis.url}/home/user.html?user=${encodeURIComponent(this.username)}`;
  }

  /**
   * Whether the user has Esri access (My Esri, training, forums) as last read.
   * Python: `User.esri_access` (getter).
   * @example
   * if (!user.esriAccess) await user.setEsriAccess(true);
   */
  get esriAccess(): boolean {
    return this.json.userType === "both";
  }

  /**
   * Turns Esri access on or off (administrators only; not for one's own account).
   * Python: `User.esri_access` (setter).
   * @example
   * await user.setEsriAccess(true);
   */
  async setEsriAccess(enabled: boolean): Promise<boolean> {
    if (typeof enabled !== "boolean") throw new TypeError("enabled: expected true or false");
    return this.post("update", { userType: enabled ? "both" : "arcgisonly" }, true);
  }

  /**
   * Updates the given profile fields; others are left as they are.
   * Python: `User.update(access=None, preferred_view=None, description=None, ...)`.
   * @example
   * await user.update({ description: "GIS analyst", tags: ["gis", "analysis"] });
   */
  async update(options: UserUpdateOptions = {}): Promise<boolean> {
    const question = optionalNumber(options.securityQuestion, "securityQuestion", {
      min: 1,
      max: 14,
    });
    const answer = optionalString(options.securityAnswer, "securityAnswer");
    if (question !== undefined && !answer) {
      throw new TypeError("securityAnswer: required when securityQuestion is given");
    }
    const preferredView =
      options.preferredView === null
        ? ""
        : optionalChoice(options.preferredView, "preferredView", VIEWS);
    const upload = thumbnailUpload(options.thumbnail, "thumbnail");
    const params = {
      access: optionalChoice(options.access, "access", ACCESS),
      preferredView,
      description: optionalString(options.description, "description"),
      tags: tagList(options.tags, "tags")?.join(","),
      fullName: optionalString(options.fullname, "fullname"),
      email: optionalString(options.email, "email"),
      culture: optionalString(options.culture, "culture"),
      region: optionalString(options.region, "region"),
      firstName: optionalString(options.firstName, "firstName"),
      lastName: optionalString(options.lastName, "lastName"),
      securityQuestionIdx: question,
      securityAnswer: answer,
      clearEmptyFields: options.preferredView === null ? true : undefined,
    };
    const result = await users.updateUser(
      this.gis.session,
      this.username,
      { ...params, ...upload.params },
      upload.files,
    );
    await this.refresh();
    return result.success === true;
  }

  /**
   * Gives the user another role: a built-in one (org_user, org_publisher, org_admin, viewer,
   * view_only, viewplusedit) or a custom `Role`. Python: `User.update_role(role)`.
   * @example
   * await user.updateRole("org_publisher");
   * await user.updateRole(await gis.users.roles.getRole(roleId));
   */
  async updateRole(role: string | Role): Promise<boolean> {
    const roleId = roleIdOf(role, "role");
    const result = await portals.updateUserRole(this.gis.session, this.username, roleId);
    await this.refresh();
    return result.success === true;
  }

  /**
   * Sets the membership level: 1 (view only) or 2 (content creator); administrators only.
   * Python: `User.update_level(level)`.
   * @example
   * await user.updateLevel(2);
   */
  async updateLevel(level: number | string): Promise<boolean> {
    const text = String(level);
    if (text !== "1" && text !== "2") throw new RangeError(`level: expected 1 or 2, got ${text}`);
    const result = await portals.updateUserLevel(this.gis.session, this.username, text);
    await this.refresh();
    return result.success === true;
  }

  /**
   * Assigns another user type (licence): creator, viewer, editor or a user type id.
   * Python: `User.update_license_type(user_type)`.
   * @example
   * await user.updateLicenseType("viewer");
   */
  async updateLicenseType(userType: string): Promise<boolean> {
    const result = await portals.updateUserLicenseType(
      this.gis.session,
      this.username,
      userTypeIdOf(userType, "userType"),
    );
    await this.refresh();
    return result.success === true;
  }

  /**
   * The user's user type and the application bundles it comes with.
   * Python: `User.user_types()`.
   * @example
   * const { userLicenseType } = await user.userTypes();
   */
  async userTypes(): Promise<Record<string, unknown>> {
    return users.getUserLicenseType(this.gis.session, this.username);
  }

  /**
   * The application bundles assigned to the user. Python: `User.bundles`.
   * @example
   * const bundles = await user.getBundles();
   */
  async getBundles(): Promise<Record<string, unknown>[]> {
    const types = await this.userTypes();
    return (types.assignedBundles as Record<string, unknown>[] | undefined) ?? [];
  }

  /**
   * The licences provisioned to the user. Python: `User.provisions`.
   * @example
   * const provisions = await user.getProvisions();
   */
  async getProvisions(): Promise<Record<string, unknown>[]> {
    const result = await users.getProvisionedListings(this.gis.session, this.username);
    return result.provisionedListings ?? [];
  }

  /**
   * Changes the password and/or security question; members give their current password,
   * administrators may reset others. Python: `User.reset(password=None, new_password=None, ...)`.
   * @example
   * await user.reset({ password: "old-secret", newPassword: "new-secret-1" });
   */
  async reset(
    options: {
      password?: string;
      newPassword?: string;
      newSecurityQuestion?: number;
      newSecurityAnswer?: string;
      resetByEmail?: boolean;
    } = {},
  ): Promise<boolean> {
    const resetByEmail = optionalBoolean(options.resetByEmail, "resetByEmail") ?? false;
    const password = optionalString(options.password, "password");
    const newPassword = optionalString(options.newPassword, "newPassword");
    const question = optionalNumber(options.newSecurityQuestion, "newSecurityQuestion", {
      min: 1,
      max: 14,
    });
    const answer = optionalString(options.newSecurityAnswer, "newSecurityAnswer");
    if (resetByEmail && password)
      throw new TypeError("password: must be omitted when resetByEmail is true");
    if (!resetByEmail && newPassword === undefined && question === undefined) {
      throw new TypeError("newPassword: give a new password or security question, or resetByEmail");
    }
    if (question !== undefined && !answer) {
      throw new TypeError("newSecurityAnswer: required when newSecurityQuestion is given");
    }
    return this.post("reset", {
      password,
      newPassword,
      newSecurityQuestionIdx: question,
      newSecurityAnswer: answer,
      resetByEmail: resetByEmail || undefined,
    });
  }

  /**
   * Lets the user sign in again (administrators only). Python: `User.enable()`.
   * @example
   * await user.enable();
   */
  async enable(): Promise<boolean> {
    return this.post("enable", {}, true);
  }

  /**
   * Stops the user from signing in (administrators only). Python: `User.disable()`.
   * @example
   * await user.disable();
   */
  async disable(): Promise<boolean> {
    return this.post("disable", {}, true);
  }

  /**
   * Deletes the user. With `reassignTo`, the user's items and groups first go to that user;
   * without it, deleting a user who owns content fails. Python: `User.delete(reassign_to=None)`.
   * @example
   * await user.delete({ reassignTo: "admin" });
   */
  async delete(options: { reassignTo?: string | User } = {}): Promise<boolean> {
    const target = options.reassignTo;
    if (target !== undefined && target !== null) {
      const name = typeof target === "string" ? target : (target as User | undefined)?.username;
      requireString(name, "reassignTo");
      await this.reassignTo(name as string);
    }
    return this.post("delete", {});
  }

  /**
   * Moves all the user's items and groups to another user; items land in folders named
   * `<user>_<folder>` (root items in `<user>_root`). Administrators only.
   * Python: `User.reassign_to(target_username)`.
   * @example
   * await user.reassignTo("admin");
   */
  async reassignTo(targetUsername: string | User): Promise<boolean> {
    const target = typeof targetUsername === "string" ? targetUsername : targetUsername?.username;
    requireString(target, "targetUsername");
    return reassignUserContent(this.gis, this.username, target as string);
  }

  /**
   * The user's folders. Python: `User.folders`.
   * @example
   * for (const folder of await user.getFolders()) console.log(folder.title);
   */
  async getFolders(): Promise<FolderJSON[]> {
    return getFolders(this.gis.session, this.username);
  }

  /**
   * The items in the root folder, or in the named folder (title, id, or folder object).
   * Python: `User.items(folder=None, max_items=100)`.
   * @example
   * const items = await user.items({ folder: "Projects", maxItems: 50 });
   */
  async items(options: { folder?: string | FolderJSON; maxItems?: number } = {}): Promise<Item[]> {
    const maxItems = maxCount(options.maxItems, "maxItems", 100);
    let folderId: string | undefined;
    if (options.folder !== undefined && options.folder !== null) {
      const wanted = typeof options.folder === "string" ? options.folder : options.folder.id;
      requireString(wanted, "folder");
      const folder = (await this.getFolders()).find((f) => f.id === wanted || f.title === wanted);
      if (!folder) throw new RangeError(`folder: ${this.username} has no folder ${wanted}`);
      folderId = folder.id;
    }
    const items: ItemJSON[] = [];
    let start = 1;
    while (maxItems < 0 || items.length < maxItems) {
      const page = await getUserContent(this.gis.session, this.username, folderId, {
        start,
        num: 100,
      });
      items.push(...(page.items ?? []));
      if (!page.nextStart || page.nextStart < 0) break;
      start = page.nextStart;
    }
    const chosen = maxItems < 0 ? items : items.slice(0, maxItems);
    return chosen.map((json) => new Item(this.gis, json.id, json));
  }

  /**
   * The groups the user belongs to (visible to the user and administrators).
   * Python: `User.groups`.
   * @example
   * for (const group of await user.getGroups()) console.log(group.title);
   */
  async getGroups(): Promise<Group[]> {
    await this.refresh();
    return (this.json.groups ?? []).map((json) => new Group(this.gis, json.id, json));
  }

  /**
   * The user's notifications, newest first. Python: `User.notifications`.
   * @example
   * const notes = await gis.users.me!.getNotifications();
   */
  async getNotifications(): Promise<Record<string, unknown>[]> {
    const result = await users.getUserNotifications(this.gis.session, this.username);
    return result.notifications ?? [];
  }

  /**
   * The accounts linked to this one, as `User` objects. Python: `User.linked_accounts`.
   * @example
   * const linked = await user.getLinkedAccounts();
   */
  async getLinkedAccounts(): Promise<User[]> {
    const result = await users.getLinkedUsers(this.gis.session, this.username);
    return (result.linkedUsers ?? []).map((json) => new User(this.gis, json.username, json));
  }

  /**
   * Links another account (signed in through `userGis`) to this one.
   * Python: `User.link_account(username, user_gis)`.
   * @example
   * await me.linkAccount("ana_work", workGis);
   */
  async linkAccount(username: string | User, userGis: GIS): Promise<boolean> {
    const name = typeof username === "string" ? username : username?.username;
    requireString(name, "username");
    const other = userGis?.users?.me;
    if (!other) throw new TypeError("userGis: expected a GIS signed in as the account to link");
    if (other.username.toLowerCase() !== (name as string).toLowerCase()) {
      throw new TypeError(`userGis: is signed in as ${other.username}, not ${name}`);
    }
    const token = await userGis.session.auth.token(userGis.session);
    return this.post("linkUser", { user_token: token, portalUrl: userGis.url });
  }

  /**
   * Removes a linked account. Python: `User.unlink_account(username)`.
   * @example
   * await me.unlinkAccount("ana_work");
   */
  async unlinkAccount(username: string | User): Promise<boolean> {
    const name = typeof username === "string" ? username : username?.username;
    requireString(name, "username");
    return this.post("unlinkUser", { username: name });
  }

  /**
   * The profile picture as bytes, or null without one. Python: `User.get_thumbnail()`.
   * @example
   * const png = await user.getThumbnail();
   */
  async getThumbnail(): Promise<Buffer | null> {
    return fetchThumbnail(this.gis.session, users.userInfoUrl(this.username), this.json.thumbnail);
  }

  /**
   * Saves the profile picture into a folder and returns its path (null without one).
   * Python: `User.download_thumbnail(save_folder=None)`.
   * @example
   * const file = await user.downloadThumbnail({ saveFolder: "/tmp" });
   */
  async downloadThumbnail(options: { saveFolder?: string } = {}): Promise<string | null> {
    return saveThumbnail(
      this.gis.session,
      users.userInfoUrl(this.username),
      this.json.thumbnail,
      options.saveFolder,
    );
  }

  /**
   * Removes the profile picture. Python: `User.delete_thumbnail()`.
   * @example
   * await user.deleteThumbnail();
   */
  async deleteThumbnail(): Promise<boolean> {
    return this.post("update", { thumbnail: "", clearEmptyFields: true }, true);
  }

  /**
   * Reloads the user's JSON from the portal.
   * Python: reading a property of a stale `User` reloads it the same way. Resolves with the user itself, as `Item.refresh()` does.
   * @example
   * await user.refresh();
   */
  async refresh(): Promise<this> {
    this.json = await users.getUser(this.gis.session, this.username);
    exposeJsonFields(this, this.json);
    return this;
  }

  /**
   * The raw user JSON.
   * Python: `dict(user)`.
   * @example
   * JSON.stringify(user);
   */
  toJSON(): UserJSON {
    return { ...this.json };
  }

  /**
   * An HTML card (thumbnail, name, username, role) for notebooks. Python: `User._repr_html_()`.
   * @example
   * display.html(user._repr_html_());
   */
  _repr_html_(): string {
    return userCardHtml(this.gis.url, this.json, this.homepage);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `User.__repr__()`.
   * @example
   * console.log(util.inspect(user));
   */
  [inspect.custom](): string {
    return `<User username:${this.username}>`;
  }

  private async post(
    operation: users.UserOperation,
    params: Record<string, string | number | boolean | undefined>,
    refresh = false,
  ): Promise<boolean> {
    const result = await users.postUserOperation(
      this.gis.session,
      this.username,
      operation,
      params,
    );
    if (refresh && result.success === true) await this.refresh();
    return result.success === true;
  }
}
