import type { PortalDatabase } from "../db/open-database";
import { hashTokenSecret, newTokenSecret } from "../security/token-secret";
import { cachedStatement } from "../db/statement-cache";

export type AppType = "browser" | "native" | "server" | "multiple";

export interface RegisteredApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly itemId: string;
  readonly owner: string;
  readonly appType: AppType;
  readonly redirectUris: string[];
  readonly registered: number;
  readonly modified: number;
}

export interface AuthorizationCode {
  readonly clientId: string;
  readonly username: string;
  readonly redirectUri: string;
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: string | null;
  readonly refreshMinutes: number;
  readonly expires: number;
}

interface AppRow {
  client_id: string;
  client_secret: string;
  item_id: string;
  owner: string;
  app_type: AppType;
  redirect_uris_json: string;
  registered: number;
  modified: number;
}

/** Ten minutes, as RFC 6749 recommends for authorization codes. */
const CODE_LIFETIME_MS = 10 * 60_000;

/**
 * Registered OAuth apps (written by app registration, `oauth2/registerApp`) and the codes and
 * tokens the OAuth routes issue to them. Codes and tokens are stored as digests only.
 */
export class OAuthStore {
  constructor(private readonly db: PortalDatabase) {}

  byClientId(clientId: string): RegisteredApp | null {
    const row = this.db.prepare("SELECT * FROM oauth_apps WHERE client_id = ?").get(clientId) as
      AppRow | undefined;
    return row ? toApp(row) : null;
  }

  issueCode(code: Omit<AuthorizationCode, "expires">): string {
    const secret = newTokenSecret();
    this.db
      .prepare(
        `INSERT INTO oauth_codes (code_hash, client_id, username, redirect_uri, code_challenge,
           code_challenge_method, refresh_minutes, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashTokenSecret(secret),
        code.clientId,
        code.username,
        code.redirectUri,
        code.codeChallenge,
        code.codeChallengeMethod,
        code.refreshMinutes,
        Date.now() + CODE_LIFETIME_MS,
      );
    return secret;
  }

  /** A code works once: it is deleted as it is read, whether or not the exchange succeeds. */
  consumeCode(code: string): AuthorizationCode | null {
    const hash = hashTokenSecret(code);
    const row = this.db
      .prepare(
        `SELECT client_id AS clientId, username, redirect_uri AS redirectUri,
           code_challenge AS codeChallenge, code_challenge_method AS codeChallengeMethod,
           refresh_minutes AS refreshMinutes, expires FROM oauth_codes WHERE code_hash = ?`,
      )
      .get(hash) as AuthorizationCode | undefined;
    this.db.prepare("DELETE FROM oauth_codes WHERE code_hash = ?").run(hash);
    if (!row || row.expires <= Date.now()) return null;
    return row;
  }

  issueRefreshToken(clientId: string, username: string, expires: number): string {
    const secret = newTokenSecret();
    this.db
      .prepare(
        `INSERT INTO oauth_refresh_tokens (token_hash, client_id, username, expires, created)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(hashTokenSecret(secret), clientId, username, expires, Date.now());
    return secret;
  }

  refreshTokenOwner(clientId: string, token: string): { username: string; expires: number } | null {
    const row = this.db
      .prepare(
        `SELECT username, expires FROM oauth_refresh_tokens WHERE token_hash = ? AND client_id = ?`,
      )
      .get(hashTokenSecret(token), clientId) as { username: string; expires: number } | undefined;
    if (!row || row.expires <= Date.now()) return null;
    return row;
  }

  issueAppToken(clientId: string, expires: number): string {
    const secret = newTokenSecret();
    this.db
      .prepare(
        `INSERT INTO app_tokens (token_hash, client_id, expires, created) VALUES (?, ?, ?, ?)`,
      )
      .run(hashTokenSecret(secret), clientId, expires, Date.now());
    return secret;
  }

  /** The app a live app-login token belongs to, or null. */
  appOfToken(token: string): string | null {
    const row = cachedStatement(
      this.db,
      "SELECT client_id, expires FROM app_tokens WHERE token_hash = ?",
    ).get(hashTokenSecret(token)) as { client_id: string; expires: number } | undefined;
    return row && row.expires > Date.now() ? row.client_id : null;
  }

  /** Test hook, like TokenStore.expireAll: every app token is expired from now on. */
  expireAppTokens(): void {
    this.db.prepare("UPDATE app_tokens SET expires = 0").run();
  }
}

function toApp(row: AppRow): RegisteredApp {
  return {
    clientId: row.client_id,
    clientSecret: row.client_secret,
    itemId: row.item_id,
    owner: row.owner,
    appType: row.app_type,
    redirectUris: JSON.parse(row.redirect_uris_json) as string[],
    registered: row.registered,
    modified: row.modified,
  };
}
