import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { withinOrganisation } from "../groups/group-manager";
import type { Role } from "../roles/role";
import { RoleManager } from "../roles/role-manager";
import { InvitationManager } from "./invitation-manager";
import { pagedSearch } from "../rest/paged-search";
import { roleIdOf, userTypeIdOf } from "./role-names";
import { User, type UserJSON } from "./user";
import { usernamesOf, type UsersArgument } from "./usernames";
import {
  maxCount,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalString,
  plainObject,
  requireString,
} from "../arguments";
import * as portals from "../rest/portals";
import { getUser, searchUsers, signUp, USER_SEARCH_URL } from "../rest/users";

/** The options of `gis.users.create`, named after the Python keyword arguments. */
export interface UserCreateOptions {
  description?: string;
  role?: string | Role;
  provider?: "arcgis" | "enterprise";
  idpUsername?: string;
  level?: number | string;
  thumbnail?: string;
  userType?: string;
  credits?: number;
  groups?: (string | { id: string })[];
}

const SORT_ORDERS = ["asc", "desc"] as const;
const USER_SORT_FIELDS = [
  "username",
  "fullname",
  "created",
  "modified",
  "lastlogin",
  "role",
  "level",
] as const;
const EXPIRATIONS = ["1 Day", "3 Days", "1 Week", "2 Weeks"] as const;
const NOTIFICATION_TYPES = ["builtin", "push", "email"] as const;
const COUNT_TYPES: Readonly<Record<string, string>> = {
  bundles: "appBundle",
  app: "app",
  role: "role",
  user_type: "userLicenseType",
};
const SYSTEM_ACCOUNT = /^(esri_|system_)/i;

/** Options of `gis.users.advancedSearch`, Python's keyword arguments in camelCase. */
export interface UserAdvancedSearchOptions {
  returnCount?: boolean;
  maxUsers?: number;
  start?: number;
  sortField?: string;
  sortOrder?: "asc" | "desc";
  asDict?: boolean;
}

/** One page of `gis.users.advancedSearch`: Users, or their JSON with `asDict`. */
export interface UserSearchPage<T> {
  total: number;
  start: number;
  num: number;
  nextStart: number;
  results: T[];
}

/**
 * The users of the GIS: search, get, create, invite and manage members.
 * Python: `arcgis.gis.UserManager` (reached through `gis.users`).
 * @example
 * const admins = await gis.users.search("role:org_admin");
 */
export class UserManager {
  private roleManager: RoleManager | null = null;
  private invitationManager: InvitationManager | null = null;

  /**
   * Made by the GIS: use `gis.users` rather than calling this.
   * Python: `UserManager(gis)`.
   * @example
   * const manager = gis.users;
   */
  constructor(
    protected readonly gis: GIS,
    private readonly signedInUser: User | null,
  ) {}

  /**
   * The signed-in user, or null when the GIS is anonymous. Python: `UserManager.me`.
   * @example
   * console.log(gis.users.me?.username);
   */
  get me(): User | null {
    return this.signedInUser;
  }

  /**
   * The organisation's custom roles. Python: `UserManager.roles`.
   * @example
   * const roles = await gis.users.roles.all();
   */
  get roles(): RoleManager {
    this.roleManager ??= new RoleManager(this.gis);
    return this.roleManager;
  }

  /**
   * The organisation's pending invitations. Python: `UserManager.invitations`.
   * @example
   * const pending = await gis.users.invitations.list();
   */
  get invitations(): InvitationManager {
    this.invitationManager ??= new InvitationManager("portals/self/invitations", this.gis);
    return this.invitationManager;
  }

  /**
   * Searches users with the portal's query syntax, within your organisation unless `outsideOrg`.
   * Python: `UserManager.search(query=None, sort_field='username', sort_order='asc',
   * max_users=100, outside_org=False, exclude_system=False, user_type=None, role=None)`.
   * @example
   * const publishers = await gis.users.search("role:org_publisher", { maxUsers: -1 });
   */
  async search(
    query?: string | null,
    options: {
      sortField?: string;
      sortOrder?: "asc" | "desc";
      maxUsers?: number;
      outsideOrg?: boolean;
      excludeSystem?: boolean;
      userType?: string;
      role?: string;
    } = {},
  ): Promise<User[]> {
    let q = optionalString(query, "query") ?? "";
    const sortField =
      optionalChoice(options.sortField, "sortField", USER_SORT_FIELDS) ?? "username";
    const sortOrder = optionalChoice(options.sortOrder, "sortOrder", SORT_ORDERS) ?? "asc";
    const maxUsers = maxCount(options.maxUsers, "maxUsers", 100);
    const outsideOrg = optionalBoolean(options.outsideOrg, "outsideOrg") ?? false;
    const excludeSystem = optionalBoolean(options.excludeSystem, "excludeSystem") ?? false;
    const userType = optionalString(options.userType, "userType");
    const role = optionalString(options.role, "role");
    if (userType) q = joinQuery(q, `userlicensetype:${userTypeIdOf(userType, "userType")}`);
    if (role) q = joinQuery(q, `roleid:${roleIdOf(role, "role")}`);
    if (!outsideOrg) q = withinOrganisation(q, this.gis.properties.id);
    const results = await pagedSearch<UserJSON>(
      this.gis.session,
      USER_SEARCH_URL,
      { q, sortField, sortOrder },
      maxUsers,
    );
    return results
      .filter((json) => !excludeSystem || !SYSTEM_ACCOUNT.test(json.username))
      .map((json) => new User(this.gis, json.username, json));
  }

  /**
   * A search with full control of paging; `returnCount` gives only the number of matches.
   * Python: `UserManager.advanced_search(query, return_count=False, max_users=10, start=1,
   * sort_field='username', sort_order='asc', as_dict=False)`.
   * @example
   * const count = await gis.users.advancedSearch("role:org_admin", { returnCount: true });
   * const page = await gis.users.advancedSearch("role:org_admin", { maxUsers: 50 });
   * for (const user of page.results) console.log(user.username);
   */
  async advancedSearch(
    query: string,
    options: UserAdvancedSearchOptions & { returnCount: true },
  ): Promise<number>;
  async advancedSearch(
    query: string,
    options: UserAdvancedSearchOptions & { returnCount?: false; asDict: true },
  ): Promise<UserSearchPage<UserJSON>>;
  async advancedSearch(
    query: string,
    options?: UserAdvancedSearchOptions & { returnCount?: false; asDict?: false },
  ): Promise<UserSearchPage<User>>;
  async advancedSearch(
    query: string,
    options?: UserAdvancedSearchOptions,
  ): Promise<number | UserSearchPage<User> | UserSearchPage<UserJSON>>;
  async advancedSearch(
    query: string,
    options: UserAdvancedSearchOptions = {},
  ): Promise<number | UserSearchPage<User> | UserSearchPage<UserJSON>> {
    if (typeof query !== "string") throw new TypeError("query: expected a string");
    const returnCount = optionalBoolean(options.returnCount, "returnCount") ?? false;
    const maxUsers = maxCount(options.maxUsers, "maxUsers", 10);
    const start = optionalNumber(options.start, "start", { min: 1 }) ?? 1;
    if (!Number.isInteger(start)) throw new RangeError("start: expected a whole number from 1");
    const sortField =
      optionalChoice(options.sortField, "sortField", USER_SORT_FIELDS) ?? "username";
    const sortOrder = optionalChoice(options.sortOrder, "sortOrder", SORT_ORDERS) ?? "asc";
    const asDict = optionalBoolean(options.asDict, "asDict") ?? false;
    if (returnCount) {
      const page = await searchUsers(this.gis.session, { q: query, num: 0 });
      return page.total;
    }
    const found: UserJSON[] = [];
    let total = 0;
    let next = start;
    while (next > 0 && (maxUsers < 0 || found.length < maxUsers)) {
      const num = maxUsers < 0 ? 100 : Math.min(100, maxUsers - found.length);
      const page = await searchUsers(this.gis.session, {
        q: query,
        start: next,
        num,
        sortField,
        sortOrder,
      });
      total = page.total;
      found.push(...page.results);
      next = page.results.length > 0 ? page.nextStart : -1;
    }
    const nextStart = start + found.length <= total ? start + found.length : -1;
    if (asDict) return { total, start, num: found.length, nextStart, results: found };
    const results = found.map((json) => new User(this.gis, json.username, json));
    return { total, start, num: found.length, nextStart, results };
  }

  /**
   * The user with this username or user id, or null when not found.
   * Python: `UserManager.get(username)`.
   * @example
   * const ana = await gis.users.get("ana");
   */
  async get(username: string): Promise<User | null> {
    requireString(username, "username");
    try {
      const json = await getUser(this.gis.session, username);
      return new User(this.gis, json.username, json);
    } catch (error) {
      if (!(error instanceof ArcGISError) || error.code !== 400) throw error;
    }
    if (!/^[0-9a-f]{32}$/i.test(username)) return null;
    const byId = await pagedSearch<UserJSON>(
      this.gis.session,
      USER_SEARCH_URL,
      { q: `id:${username}` },
      1,
    );
    return byId[0] ? this.get(byId[0].username) : null;
  }

  /**
   * Creates a member of the organisation (administrators only); null if the portal refuses.
   * Without `role` or `userType`, the organisation's defaults for new members apply.
   * Python: `UserManager.create(username, password, firstname, lastname, email, description=None,
   * role=None, provider='arcgis', idp_username=None, level=2, thumbnail=None, user_type=None,
   * credits=-1, groups=None)`.
   * @example
   * const ana = await gis.users.create("ana_gis", "secret-pass-1", "Ana", "Silva", "ana@example.com", {
   *   role: "org_publisher", userType: "creator", groups: [group],
   * });
   */
  async create(
    username: string,
    password: string | null,
    firstname: string,
    lastname: string,
    email: string,
    options: UserCreateOptions = {},
  ): Promise<User | null> {
    requireString(username, "username");
    if (username.length < 6 || username.length > 128) {
      throw new RangeError(`username: must be 6 to 128 characters, got ${username.length}`);
    }
    const provider =
      optionalChoice(options.provider, "provider", ["arcgis", "enterprise"] as const) ?? "arcgis";
    if (provider === "arcgis") {
      requireString(password, "password");
      if ((password as string).length < 8)
        throw new RangeError("password: must be at least 8 characters");
    }
    requireString(firstname, "firstname");
    requireString(lastname, "lastname");
    requireString(email, "email");
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new TypeError(`email: not an e-mail address: ${email}`);
    const level = options.level === undefined ? undefined : String(options.level);
    if (level !== undefined && level !== "1" && level !== "2")
      throw new RangeError(`level: expected 1 or 2, got ${level}`);
    const credits = optionalNumber(options.credits, "credits", { min: -1 });
    const groups = (options.groups ?? []).map((group) => {
      const id = typeof group === "string" ? group : group?.id;
      return requireString(id, "groups");
    });
    const role = options.role === undefined ? undefined : roleIdOf(options.role, "role");
    const userType =
      options.userType === undefined ? undefined : userTypeIdOf(options.userType, "userType");
    // As Python does, a member created without a role or user type gets the organisation's
    // defaults for new members (portals/self/userDefaultSettings), not always org_user.
    const defaults =
      role === undefined || userType === undefined ? await this.newMemberDefaults() : {};
    const invitation = {
      email,
      firstname,
      lastname,
      username,
      password: provider === "arcgis" ? password : undefined,
      fullname: `${firstname} ${lastname}`,
      role: role ?? defaults.role ?? "org_user",
      userLicenseType: userType ?? defaults.userLicenseType,
      level,
      provider,
      idpUsername: optionalString(options.idpUsername, "idpUsername"),
      description: optionalString(options.description, "description"),
      userCreditAssignments: credits,
      groups,
    };
    const thumbnail = options.thumbnail;
    if (thumbnail !== undefined) optionalString(thumbnail, "thumbnail");
    const result = await portals.inviteToOrganisation(this.gis.session, {
      invitationList: { invitations: [invitation] },
    });
    if (result.success !== true || (result.notInvited ?? []).length > 0) return null;
    const user = await this.get(username);
    if (user && thumbnail) await user.update({ thumbnail });
    return user;
  }

  /**
   * Creates your own account on a portal that allows self sign-up; null if refused.
   * Python: `UserManager.signup(username, password, fullname, email)`.
   * @example
   * const me = await anonymousGis.users.signup("new_user", "secret-pass-1", "New User", "n@example.com");
   */
  async signup(
    username: string,
    password: string,
    fullname: string,
    email: string,
  ): Promise<User | null> {
    requireString(username, "username");
    if (username.length < 4) throw new RangeError("username: must be at least 4 characters");
    requireString(password, "password");
    if (password.length < 8) throw new RangeError("password: must be at least 8 characters");
    requireString(fullname, "fullname");
    requireString(email, "email");
    const result = await signUp(this.gis.session, { username, password, fullname, email });
    if (result.success !== true) return null;
    return new User(this.gis, result.username ?? username, { username, fullName: fullname, email });
  }

  /**
   * Invites someone to the organisation by e-mail. Python: `UserManager.invite(email,
   * role='org_user', level=2, provider=None, must_approve=False, expiration='1 Day',
   * validate_email=True)`.
   * @example
   * await gis.users.invite("new.member@example.com", { role: "org_publisher", expiration: "1 Week" });
   */
  async invite(
    email: string,
    options: {
      role?: string;
      level?: number | string;
      provider?: "arcgis" | "enterprise";
      mustApprove?: boolean;
      expiration?: "1 Day" | "3 Days" | "1 Week" | "2 Weeks";
      validateEmail?: boolean;
    } = {},
  ): Promise<boolean> {
    requireString(email, "email");
    const validateEmail = optionalBoolean(options.validateEmail, "validateEmail") ?? true;
    if (validateEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw new TypeError(`email: not an e-mail address: ${email}`);
    }
    const level = String(options.level ?? 2);
    if (level !== "1" && level !== "2")
      throw new RangeError(`level: expected 1 or 2, got ${level}`);
    const expiration = optionalChoice(options.expiration, "expiration", EXPIRATIONS) ?? "1 Day";
    const provider =
      optionalChoice(options.provider, "provider", ["arcgis", "enterprise"] as const) ?? "arcgis";
    const mustApprove = optionalBoolean(options.mustApprove, "mustApprove") ?? false;
    const result = await portals.inviteToOrganisation(this.gis.session, {
      invitationList: {
        invitations: [
          { email, role: roleIdOf(options.role ?? "org_user", "role"), level, provider },
        ],
      },
      expiration,
      mustApprove,
    });
    return result.success === true && (result.notInvited ?? []).length === 0;
  }

  /**
   * Lets many users sign in again at once (administrators only).
   * Python: `UserManager.enable_users(users)`.
   * @example
   * await gis.users.enableUsers(["ana", "bo"]);
   */
  async enableUsers(users: UsersArgument): Promise<boolean> {
    const names = usernamesOf(users, "users");
    const result = await portals.setUsersEnabled(this.gis.session, names, true);
    return result.success === true;
  }

  /**
   * Stops many users from signing in at once (administrators only).
   * Python: `UserManager.disable_users(users)`.
   * @example
   * await gis.users.disableUsers(["ana", "bo"]);
   */
  async disableUsers(users: UsersArgument): Promise<boolean> {
    const names = usernamesOf(users, "users");
    const result = await portals.setUsersEnabled(this.gis.session, names, false);
    return result.success === true;
  }

  /**
   * Sends users a notification. Python: `UserManager.send_notification(users, subject, message,
   * type='builtin', client_id=None)`.
   * @example
   * await gis.users.sendNotification(["ana"], "Maintenance", "The portal restarts at 6pm");
   */
  async sendNotification(
    users: UsersArgument,
    subject: string,
    message: string,
    options: { type?: "builtin" | "push" | "email"; clientId?: string } = {},
  ): Promise<boolean> {
    const names = usernamesOf(users, "users");
    requireString(subject, "subject");
    requireString(message, "message");
    const type = optionalChoice(options.type, "type", NOTIFICATION_TYPES) ?? "builtin";
    const clientId = optionalString(options.clientId, "clientId");
    if (type === "push" && !clientId) throw new TypeError("clientId: required when type is push");
    const result = await portals.notifyMembers(this.gis.session, {
      users: names,
      subject,
      message,
      notificationChannelType: type,
      clientId,
    });
    return result.success === true;
  }

  /**
   * The ids of the groups each user belongs to, for reports. Python:
   * `UserManager.user_groups(users, max_results=-1)`.
   * @example
   * const report = await gis.users.userGroups(["ana", "bo"]);
   */
  async userGroups(
    users: UsersArgument,
    options: { maxResults?: number } = {},
  ): Promise<{ username: string; groups: string[] }[]> {
    const names = usernamesOf(users, "users");
    const maxResults = maxCount(options.maxResults, "maxResults", -1);
    const report: { username: string; groups: string[] }[] = [];
    for (const name of names) {
      const json = await getUser(this.gis.session, name);
      const ids = (json.groups ?? []).map((group) => group.id);
      report.push({
        username: json.username,
        groups: maxResults < 0 ? ids : ids.slice(0, maxResults),
      });
    }
    return report;
  }

  /**
   * How many members hold each role, user type, app or bundle, as rows of `{ key, count }`
   * (`asDf` gives the same rows: there is no DataFrame in TypeScript).
   * Python: `UserManager.counts(type='bundles', as_df=True)`.
   * @example
   * const perType = await gis.users.counts({ type: "user_type" });
   */
  async counts(
    options: { type?: "bundles" | "app" | "role" | "user_type"; asDf?: boolean } = {},
  ): Promise<{ key: string; count: number }[]> {
    const type =
      optionalChoice(options.type, "type", ["bundles", "app", "role", "user_type"] as const) ??
      "bundles";
    optionalBoolean(options.asDf, "asDf");
    const result = await portals.getUserCounts(this.gis.session, COUNT_TYPES[type]);
    return (result.results ?? []).map((row) => ({ key: row.key, count: row.count }));
  }

  /**
   * The user types (licences) of the organisation. Python: `UserManager.license_types`.
   * @example
   * const types = await gis.users.getLicenseTypes();
   */
  async getLicenseTypes(): Promise<Record<string, unknown>[]> {
    const result = await portals.getUserLicenseTypes(this.gis.session);
    return result.userLicenseTypes ?? [];
  }

  /** The role and user type the organisation gives new members, where it sets them. */
  private async newMemberDefaults(): Promise<{ role?: string; userLicenseType?: string }> {
    const settings = await this.getUserSettings();
    const text = (value: unknown): string | undefined =>
      typeof value === "string" && value !== "" ? value : undefined;
    return { role: text(settings.role), userLicenseType: text(settings.userLicenseType) };
  }

  /**
   * The defaults new members get (role, user type, groups, Esri access, apps).
   * Python: `UserManager.user_settings` (getter).
   * @example
   * const defaults = await gis.users.getUserSettings();
   */
  async getUserSettings(): Promise<Record<string, unknown>> {
    return portals.getUserDefaultSettings(this.gis.session);
  }

  /**
   * Sets the defaults new members get; `null` removes them all. A `Role` or `Group` objects may
   * be given for `role` and `groups`. Python: `UserManager.user_settings` (setter).
   * @example
   * await gis.users.setUserSettings({ role: "org_publisher", userLicenseType: "creatorUT", groups: [group] });
   */
  async setUserSettings(settings: Record<string, unknown> | null): Promise<boolean> {
    if (settings === null) {
      const cleared = await portals.setUserDefaultSettings(this.gis.session, { clear: true });
      return cleared.success === true;
    }
    const values = plainObject(settings, "settings");
    const groups = values.groups;
    if (groups !== undefined && !Array.isArray(groups))
      throw new TypeError("settings.groups: expected an array");
    const params = {
      role: values.role === undefined ? undefined : roleIdOf(values.role, "settings.role"),
      userLicenseType:
        values.userLicenseType === undefined
          ? undefined
          : userTypeIdOf(values.userLicenseType, "settings.userLicenseType"),
      groups: groups?.map((group: unknown) =>
        requireString(
          typeof group === "string" ? group : (group as { id?: unknown })?.id,
          "settings.groups",
        ),
      ),
      userType: optionalChoice(values.userType, "settings.userType", [
        "arcgisonly",
        "both",
      ] as const),
      apps: values.apps === undefined ? undefined : (values.apps as unknown[]),
      appBundles: values.appBundles === undefined ? undefined : (values.appBundles as unknown[]),
    };
    const result = await portals.setUserDefaultSettings(this.gis.session, {
      ...params,
      groups: params.groups ? JSON.stringify(params.groups) : undefined,
    });
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `UserManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.users));
   */
  [inspect.custom](): string {
    return `<UserManager url:"${this.gis.url}">`;
  }
}

function joinQuery(query: string, clause: string): string {
  return query.trim() === "" ? clause : `(${query}) AND ${clause}`;
}
