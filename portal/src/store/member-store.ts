import type { PortalDatabase } from "../db/open-database";
import { hashPassword, verifyPassword } from "../security/passwords";
import type { UserRecord } from "../model/user-record";

/** Profile fields a member (or an administrator) may change with `community/users/{u}/update`. */
export interface ProfileChanges {
  fullName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  description?: string | null;
  tags?: string[];
  culture?: string | null;
  region?: string | null;
  units?: string;
  access?: UserRecord["access"];
  preferredView?: string | null;
  thumbnail?: string | null;
  userType?: string;
}

const COLUMNS: Record<keyof ProfileChanges, string> = {
  fullName: "full_name",
  firstName: "first_name",
  lastName: "last_name",
  email: "email",
  description: "description",
  tags: "tags_json",
  culture: "culture",
  region: "region",
  units: "units",
  access: "access",
  preferredView: "preferred_view",
  thumbnail: "thumbnail",
  userType: "user_type",
};

/**
 * Administrative writes to the users table that the sign-in store does not need: profile
 * updates, roles, levels, licences, disabling, passwords and deletion.
 */
export class MemberStore {
  constructor(private readonly db: PortalDatabase) {}

  listInOrg(orgId: string): string[] {
    return (
      this.db
        .prepare("SELECT username FROM users WHERE org_id = ? ORDER BY username")
        .all(orgId) as {
        username: string;
      }[]
    ).map((row) => row.username);
  }

  updateProfile(username: string, changes: ProfileChanges): void {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [
      keyof ProfileChanges,
      unknown,
    ][];
    if (entries.length === 0) return;
    const assignments = entries.map(([key]) => `${COLUMNS[key]} = ?`).join(", ");
    const values = entries.map(([key, value]) => (key === "tags" ? JSON.stringify(value) : value));
    this.db
      .prepare(`UPDATE users SET ${assignments}, modified = ? WHERE username = ?`)
      .run(...values, Date.now(), username);
  }

  setRole(
    username: string,
    role: { role: string; roleId: string; privileges: readonly string[]; level: string },
  ): void {
    this.db
      .prepare(
        `UPDATE users SET role = ?, role_id = ?, privileges_json = ?, level = ?, modified = ?
         WHERE username = ?`,
      )
      .run(
        role.role,
        role.roleId,
        JSON.stringify(role.privileges),
        role.level,
        Date.now(),
        username,
      );
  }

  setLevel(username: string, level: string): void {
    this.db
      .prepare("UPDATE users SET level = ?, modified = ? WHERE username = ?")
      .run(level, Date.now(), username);
  }

  setLicenseType(username: string, licenseType: string): void {
    this.db
      .prepare("UPDATE users SET user_license_type_id = ?, modified = ? WHERE username = ?")
      .run(licenseType, Date.now(), username);
  }

  setCredits(username: string, credits: number): void {
    this.db
      .prepare("UPDATE users SET assigned_credits = ? WHERE username = ?")
      .run(credits, username);
  }

  setDisabled(username: string, disabled: boolean): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE users SET disabled = ?, modified = ? WHERE username = ?")
        .run(disabled ? 1 : 0, Date.now(), username);
      // A disabled member's sessions end at once.
      if (disabled) this.db.prepare("DELETE FROM tokens WHERE username = ?").run(username);
    })();
  }

  /** A new password ends every session of the old one, as on ArcGIS Online. */
  async setPassword(username: string, password: string): Promise<void> {
    const hashed = await hashPassword(password);
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE users SET password_hash = ?, password_salt = ?, modified = ? WHERE username = ?",
        )
        .run(hashed.hash, hashed.salt, Date.now(), username);
      for (const table of ["tokens", "oauth_refresh_tokens", "server_tokens", "sign_in_failures"]) {
        this.db.prepare(`DELETE FROM ${table} WHERE username = ?`).run(username);
      }
    })();
  }

  async setSecurityQuestion(username: string, index: number, answer: string): Promise<void> {
    const hashed = await hashPassword(answer.trim().toLowerCase());
    this.db
      .prepare(
        "UPDATE users SET security_question_idx = ?, security_answer_hash = ? WHERE username = ?",
      )
      .run(index, `${hashed.salt}:${hashed.hash}`, username);
  }

  async passwordMatches(username: string, password: string): Promise<boolean> {
    const row = this.db
      .prepare("SELECT password_hash, password_salt FROM users WHERE username = ?")
      .get(username) as { password_hash: string; password_salt: string } | undefined;
    return row
      ? verifyPassword(password, { hash: row.password_hash, salt: row.password_salt })
      : false;
  }

  securityQuestionOf(username: string): number | null {
    const row = this.db
      .prepare("SELECT security_question_idx FROM users WHERE username = ?")
      .get(username) as { security_question_idx: number | null } | undefined;
    return row?.security_question_idx ?? null;
  }

  ownsContent(username: string): { items: number; groups: number } {
    const items = this.db
      .prepare("SELECT COUNT(*) AS n FROM items WHERE owner = ?")
      .get(username) as {
      n: number;
    };
    const groups = this.db
      .prepare(
        "SELECT COUNT(*) AS n FROM groups WHERE owner = ? AND json_extract(extra_json, '$.isFav') IS NOT 1",
      )
      .get(username) as { n: number };
    // A hosted service whose item is gone still holds the user's data: it counts as content, so
    // deleting the user is refused cleanly instead of failing on the service's owner key.
    const orphanServices = this.db
      .prepare("SELECT COUNT(*) AS n FROM feature_services WHERE owner = ? AND item_id IS NULL")
      .get(username) as { n: number };
    return { items: items.n + orphanServices.n, groups: groups.n };
  }

  delete(username: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM folders WHERE owner = ?").run(username);
      // The favorites group goes with its user; other groups must be given away first.
      this.db
        .prepare("DELETE FROM groups WHERE owner = ? AND json_extract(extra_json, '$.isFav') = 1")
        .run(username);
      this.db
        .prepare("DELETE FROM thumbnails WHERE owner_kind = 'user' AND owner_id = ?")
        .run(username);
      this.db.prepare("DELETE FROM users WHERE username = ?").run(username);
    })();
  }
}
