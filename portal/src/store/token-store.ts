import type { PortalDatabase } from "../db/open-database";
import { hashTokenSecret, newTokenSecret } from "../security/token-secret";
import { cachedStatement } from "../db/statement-cache";

export type TokenClient = "referer" | "requestip" | "ip";

export interface TokenBinding {
  readonly client: TokenClient;
  readonly referer: string | null;
  readonly ip: string | null;
}

export interface StoredToken extends TokenBinding {
  readonly username: string;
  readonly expires: number;
}

export class TokenStore {
  constructor(private readonly db: PortalDatabase) {}

  /** Issues a token and returns its secret; only the secret's hash is kept. */
  issue(username: string, expires: number, binding: TokenBinding): string {
    const token = newTokenSecret();
    this.db
      .prepare(
        `INSERT INTO tokens (token_hash, username, expires, client, referer, ip, created)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashTokenSecret(token),
        username,
        expires,
        binding.client,
        binding.referer,
        binding.ip,
        Date.now(),
      );
    return token;
  }

  lookup(token: string): StoredToken | null {
    const row = cachedStatement(
      this.db,
      "SELECT username, expires, client, referer, ip FROM tokens WHERE token_hash = ?",
    ).get(hashTokenSecret(token)) as StoredToken | undefined;
    return row ?? null;
  }

  /** Test hook: every issued token is expired from now on. */
  expireAll(): void {
    this.db.prepare("UPDATE tokens SET expires = 0").run();
  }

  deleteExpired(now: number): void {
    this.db.prepare("DELETE FROM tokens WHERE expires < ?").run(now);
  }
}
