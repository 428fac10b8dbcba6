import type { PortalDatabase } from "../db/open-database";
import { newId } from "../security/ids";
import { hashPassword, type PasswordHash } from "../security/passwords";
import { defaultPrivileges, DEFAULT_USER_LICENSE_TYPE, type BuiltInRole } from "../model/roles";
import type { UserRecord } from "../model/user-record";
import { cachedStatement } from "../db/statement-cache";

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: BuiltInRole;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly description?: string;
}

interface UserRow {
  username: string;
  id: string;
  org_id: string;
  full_name: string;
  first_name: string;
  last_name: string;
  email: string;
  description: string | null;
  tags_json: string;
  culture: string | null;
  region: string | null;
  units: string;
  thumbnail: string | null;
  access: UserRecord["access"];
  role: string;
  role_id: string;
  privileges_json: string;
  user_license_type_id: string;
  level: string;
  provider: string;
  password_hash: string;
  password_salt: string;
  disabled: number;
  user_type: string;
  preferred_view: string | null;
  assigned_credits: number;
  last_login: number;
  created: number;
  modified: number;
}

export class UserStore {
  constructor(private readonly db: PortalDatabase) {}

  find(username: string): UserRecord | null {
    const row = this.findRow(username);
    return row ? toRecord(row) : null;
  }

  passwordOf(username: string): PasswordHash | null {
    const row = this.findRow(username);
    return row ? { hash: row.password_hash, salt: row.password_salt } : null;
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n;
  }

  /** Enabled full administrators, oldest first: the organisation's contacts. */
  administrators(): string[] {
    return (
      this.db
        .prepare(
          `SELECT username FROM users WHERE role_id = 'org_admin' AND disabled = 0
           ORDER BY created, username`,
        )
        .all() as { username: string }[]
    ).map((row) => row.username);
  }

  async create(orgId: string, user: NewUser): Promise<UserRecord> {
    const password = await hashPassword(user.password);
    const now = Date.now();
    const firstName = user.firstName ?? user.username;
    const lastName = user.lastName ?? "";
    this.db
      .prepare(
        `INSERT INTO users (username, id, org_id, full_name, first_name, last_name, email,
           description, role, role_id, privileges_json, user_license_type_id,
           password_hash, password_salt, created, modified)
         VALUES (@username, @id, @orgId, @fullName, @firstName, @lastName, @email,
           @description, @role, @role, @privileges, @licenseType, @hash, @salt, @now, @now)`,
      )
      .run({
        username: user.username,
        id: newId(),
        orgId,
        fullName: [firstName, lastName].filter(Boolean).join(" "),
        firstName,
        lastName,
        email: user.email ?? "",
        description: user.description ?? null,
        role: user.role,
        privileges: JSON.stringify(defaultPrivileges(user.role)),
        licenseType: DEFAULT_USER_LICENSE_TYPE,
        hash: password.hash,
        salt: password.salt,
        now,
      });
    return this.find(user.username) as UserRecord;
  }

  recordLogin(username: string): void {
    this.db.prepare("UPDATE users SET last_login = ? WHERE username = ?").run(Date.now(), username);
  }

  private findRow(username: string): UserRow | undefined {
    return cachedStatement(this.db, "SELECT * FROM users WHERE username = ?").get(username) as
      UserRow | undefined;
  }
}

function toRecord(row: UserRow): UserRecord {
  return {
    username: row.username,
    id: row.id,
    orgId: row.org_id,
    fullName: row.full_name,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    description: row.description,
    tags: JSON.parse(row.tags_json) as string[],
    culture: row.culture,
    region: row.region,
    units: row.units,
    thumbnail: row.thumbnail,
    access: row.access,
    role: row.role,
    roleId: row.role_id,
    privileges: JSON.parse(row.privileges_json) as string[],
    userLicenseTypeId: row.user_license_type_id,
    level: row.level,
    provider: row.provider,
    disabled: row.disabled !== 0,
    userType: row.user_type,
    preferredView: row.preferred_view,
    assignedCredits: row.assigned_credits,
    lastLogin: row.last_login,
    created: row.created,
    modified: row.modified,
  };
}
