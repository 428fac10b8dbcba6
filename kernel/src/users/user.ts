import { inspect } from "node:util";
import type { GIS } from "../gis";

/** The JSON of a portal user, as `community/users/{username}` returns it. */
export interface UserJSON {
  username: string;
  id?: string;
  fullName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  description?: string | null;
  tags?: string[];
  culture?: string | null;
  region?: string | null;
  units?: string;
  thumbnail?: string | null;
  access?: "private" | "org" | "public";
  created?: number;
  modified?: number;
  provider?: string;
  role?: string;
  roleId?: string;
  privileges?: string[];
  userLicenseTypeId?: string;
  orgId?: string;
  level?: string;
  disabled?: boolean;
  [field: string]: unknown;
}

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
  declare readonly username: string;
  declare readonly id: string | undefined;
  declare readonly fullName: string | undefined;
  declare readonly firstName: string | undefined;
  declare readonly lastName: string | undefined;
  declare readonly email: string | undefined;
  declare readonly description: string | null | undefined;
  declare readonly tags: string[] | undefined;
  declare readonly access: "private" | "org" | "public" | undefined;
  declare readonly role: string | undefined;
  declare readonly roleId: string | undefined;
  declare readonly privileges: string[] | undefined;
  declare readonly userLicenseTypeId: string | undefined;
  declare readonly orgId: string | undefined;
  declare readonly level: string | undefined;
  declare readonly created: number | undefined;
  declare readonly modified: number | undefined;
  declare readonly thumbnail: string | null | undefined;
  /** The GIS the user belongs to. */
  readonly gis: GIS;
  private readonly json: UserJSON;

  constructor(gis: GIS, username: string, userdict?: UserJSON) {
    if (typeof username !== "string" || username === "") {
      throw new TypeError(`username: expected a non-empty string, got ${String(username)}`);
    }
    this.gis = gis;
    this.json = { ...(userdict ?? {}), username };
    for (const [key, value] of Object.entries(this.json)) {
      if (!(key in this)) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }

  /** The user's page in the portal. Python: `User.homepage`. */
  get homepage(): string {
    return `${this.gis.url}/home/user.html?user=${encodeURIComponent(this.username)}`;
  }

  toJSON(): UserJSON {
    return { ...this.json };
  }

  [inspect.custom](): string {
    return `<User username:${this.username}>`;
  }
}
