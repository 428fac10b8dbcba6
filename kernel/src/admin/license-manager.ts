import { inspect } from "node:util";
import type { GIS } from "../gis";
import { usernameOf } from "../content/item-arguments";
import type { User } from "../users/user";
import { userTypeIdOf } from "../users/role-names";
import { optionalBoolean, requireString } from "../arguments";
import {
  getPurchases,
  getUserCounts,
  getUserLicenseTypes,
  updateUserLicenseType,
} from "../rest/portals";
import {
  getUserEntitlement,
  getUserEntitlements,
  provisionUserEntitlements,
} from "../rest/listings";

/** One app licence as `portals/self/purchases` lists it: the listing and what was provisioned. */
export interface LicenseJSON {
  listing: { itemId: string; title: string; [field: string]: unknown };
  provision?: {
    orgEntitlements?: { maxUsers: number; entitlements: Record<string, { num: number }> };
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** A member's entitlements of one licence. */
export interface UserEntitlementJSON {
  username: string;
  /** When the member last signed in, in ms; -1 for never. */
  lastLogin: number;
  disconnected: boolean;
  entitlements: string[];
}

/** One row of `License.getReport()`: Python's report DataFrame columns, in camelCase. */
export interface LicenseReportRow {
  entitlement: string;
  total: number;
  assigned: number;
  remaining: number;
  users: { user: string; lastUsed: Date | null }[];
}

/** A user type of the organisation as `portals/self/userLicenseTypes` lists it. */
interface UserTypeJSON {
  id: string;
  name: string;
  level: string;
  maxUsers: number;
  bundles: { id: string; name: string }[];
  [field: string]: unknown;
}

/** A user type of the organisation with how many members hold it now. */
export interface UserTypeCount extends UserTypeJSON {
  /** Members holding the user type now. */
  assigned: number;
}

function entitlementList(value: unknown, argument: string): string[] {
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list) || !list.every((e) => typeof e === "string")) {
    throw new TypeError(
      `${argument}: expected entitlement names such as "desktopBasicN" or a list of them`,
    );
  }
  return list.map((e: string) => e.trim()).filter((e) => e !== "");
}

function requireUsername(value: unknown, argument: string): string {
  const name = usernameOf(value, argument);
  if (name === undefined) throw new TypeError(`${argument}: expected a username or a User`);
  return name;
}

/**
 * One app licence of the organisation (ArcGIS Pro, ...) and who holds its entitlements.
 * Python: `arcgis.gis.admin.License`.
 * @example
 * const pro = await gis.admin.license.get("ArcGIS Pro");
 */
export class License {
  /**
   * Made by `gis.admin.license`. Python: `License(gis, info)`.
   * @example
   * const [license] = await gis.admin.license.all();
   */
  constructor(
    protected readonly gis: GIS,
    private readonly json: LicenseJSON,
  ) {}

  /** What the portal answered for the licence. Python: `License.properties`. @example pro.properties.listing.title */
  get properties(): LicenseJSON {
    return this.json;
  }

  /**
   * Every member holding entitlements of this licence. Python: `License.all()`.
   * @example
   * for (const { username, entitlements } of await pro.all()) console.log(username, entitlements);
   */
  async all(): Promise<UserEntitlementJSON[]> {
    const found: UserEntitlementJSON[] = [];
    for (let start = 1; start > 0;) {
      const page = await getUserEntitlements(
        this.gis.session,
        this.json.listing.itemId,
        start,
        100,
      );
      found.push(...(page.userEntitlements ?? []));
      start = page.nextStart ?? -1;
    }
    return found;
  }

  /**
   * The entitlements one member holds (an empty list for none). Python: `License.check(user)`.
   * @example
   * const held = await pro.check("publisher");
   */
  async check(user: string | User): Promise<string[]> {
    const username = requireUsername(user, "user");
    const result = await getUserEntitlement(this.gis.session, this.json.listing.itemId, username);
    return result.userEntitlements?.entitlements ?? [];
  }

  /**
   * A member's entry (username, last login, entitlements), or `{}` when they hold none.
   * Python: `License.user_entitlement(username)`.
   * @example
   * const { entitlements } = await pro.userEntitlement("publisher");
   */
  async userEntitlement(username: string | User): Promise<Partial<UserEntitlementJSON>> {
    const name = requireUsername(username, "username").toLowerCase();
    return (await this.all()).find((entry) => entry.username.toLowerCase() === name) ?? {};
  }

  /**
   * Grants a member entitlements; with `overwrite: false` they are added to what the member
   * holds. Python: `License.assign(username, entitlements, suppress_email=True, overwrite=True)`.
   * @example
   * await pro.assign("publisher", ["desktopAdvN", "spatialAnalystN"]);
   */
  async assign(
    username: string | User,
    entitlements: string | string[],
    options: { suppressEmail?: boolean; overwrite?: boolean } = {},
  ): Promise<boolean> {
    const name = requireUsername(username, "username");
    let wanted = entitlementList(entitlements, "entitlements");
    const suppressEmail = optionalBoolean(options.suppressEmail, "suppressEmail") ?? true;
    if (optionalBoolean(options.overwrite, "overwrite") === false) {
      wanted = [...new Set([...(await this.check(name)), ...wanted])];
    }
    return this.provision(name, wanted, suppressEmail);
  }

  /**
   * Takes entitlements from a member; `"*"` takes them all. Python: `License.revoke(username,
   * entitlements, suppress_email=True)`.
   * @example
   * await pro.revoke("publisher", "*");
   */
  async revoke(
    username: string | User,
    entitlements: string | string[],
    options: { suppressEmail?: boolean } = {},
  ): Promise<boolean> {
    const name = requireUsername(username, "username");
    const suppressEmail = optionalBoolean(options.suppressEmail, "suppressEmail") ?? true;
    if (entitlements === "*") return this.provision(name, [], suppressEmail);
    const dropped = new Set(entitlementList(entitlements, "entitlements").map(lower));
    const held = await this.check(name);
    if (held.length === 0) return false;
    return this.provision(
      name,
      held.filter((e) => !dropped.has(lower(e))),
      suppressEmail,
    );
  }

  /**
   * Per entitlement: how many the organisation has, how many are assigned, how many remain and
   * to whom. Python: `License.report` (a DataFrame there, rows here).
   * @example
   * console.table(await pro.getReport());
   */
  async getReport(): Promise<LicenseReportRow[]> {
    const owned = this.json.provision?.orgEntitlements?.entitlements ?? {};
    const holders = await this.all();
    return Object.entries(owned).map(([entitlement, { num }]) => {
      const users = holders
        .filter((h) => h.entitlements.includes(entitlement))
        .map((h) => ({
          user: h.username,
          lastUsed: h.lastLogin > 0 ? new Date(h.lastLogin) : null,
        }));
      return {
        entitlement,
        total: num,
        assigned: users.length,
        remaining: num - users.length,
        users,
      };
    });
  }

  private async provision(
    username: string,
    entitlements: string[],
    suppressEmail: boolean,
  ): Promise<boolean> {
    const result = await provisionUserEntitlements(this.gis.session, this.json.listing.itemId, {
      users: [username],
      entitlements,
      suppressCustomerEmail: suppressEmail,
    });
    return result.success === true;
  }

  /** What `util.inspect` and `console.log` print. Python: `License.__repr__()`. @example console.log(pro) */
  [inspect.custom](): string {
    return `<License title:"${this.json.listing.title}" url:"${this.gis.url}">`;
  }
}

function lower(text: string): string {
  return text.toLowerCase();
}

/**
 * The organisation's licences: app licences with their entitlements, and user types with how
 * many members hold each. Python: `gis.admin.license` (`arcgis.gis.admin.LicenseManager`).
 * @example
 * const licenses = await gis.admin.license.all();
 */
export class LicenseManager {
  /**
   * Made by `gis.admin`: use `gis.admin.license`. Python: `LicenseManager(url, gis)`.
   * @example
   * const manager = gis.admin.license;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Every app licence the organisation holds (purchases and trials). Python: `LicenseManager.all()`.
   * @example
   * for (const license of await gis.admin.license.all()) console.log(license.properties.listing.title);
   */
  async all(): Promise<License[]> {
    const { purchases, trials } = await this.getProperties();
    return [...purchases, ...trials].map((json) => new License(this.gis, json));
  }

  /**
   * The licence with this title (any case), or null. Python: `LicenseManager.get(name)`.
   * @example
   * const pro = await gis.admin.license.get("arcgis pro");
   */
  async get(name: string): Promise<License | null> {
    const wanted = requireString(name, "name").toLowerCase();
    const all = await this.all();
    return all.find((l) => l.properties.listing.title?.toLowerCase() === wanted) ?? null;
  }

  /**
   * The user types of the organisation, each with how many members hold it now and the app
   * bundles it includes. tsgis addition (Python reads them from `gis.users.license_types` and
   * counts in `gis.users.counts("user_type")`).
   * @example
   * for (const type of await gis.admin.license.getUserTypes()) console.log(type.name, type.assigned);
   */
  async getUserTypes(): Promise<UserTypeCount[]> {
    const [types, counts] = await Promise.all([
      getUserLicenseTypes<UserTypeJSON>(this.gis.session),
      getUserCounts(this.gis.session, "userLicenseType", 100),
    ]);
    const count = new Map((counts.results ?? []).map((r) => [r.key.toLowerCase(), r.count]));
    return (types.userLicenseTypes ?? []).map((type) => ({
      ...type,
      assigned: count.get(type.id.toLowerCase()) ?? 0,
    }));
  }

  /**
   * Gives members a user type ("creator", "viewer", "creatorUT", ...). tsgis addition; Python
   * does this one user at a time with `User.update_license_type(user_type)`.
   * @example
   * await gis.admin.license.assignUserType(["user"], "creator");
   */
  async assignUserType(users: (string | User)[], userType: string): Promise<boolean> {
    if (!Array.isArray(users) || users.length === 0) {
      throw new TypeError("users: expected a non-empty list of usernames or Users");
    }
    const names = users.map((user, index) => requireUsername(user, `users[${index}]`));
    const result = await updateUserLicenseType(
      this.gis.session,
      names.join(","),
      userTypeIdOf(userType, "userType"),
    );
    return result.success === true;
  }

  /**
   * The organisation's purchases and trials as the portal answers them.
   * Python: `LicenseManager.properties`.
   * @example
   * const { purchases } = await gis.admin.license.getProperties();
   */
  async getProperties(): Promise<{ purchases: LicenseJSON[]; trials: LicenseJSON[] }> {
    const result = await getPurchases(this.gis.session);
    return { ...result, purchases: result.purchases ?? [], trials: result.trials ?? [] };
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `LicenseManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.license));
   */
  [inspect.custom](): string {
    return `<LicenseManager url:"${this.gis.url}">`;
  }
}
