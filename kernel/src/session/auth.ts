import type { WebTierAuth } from "./iwa/web-tier";
import { RenewingToken, type IssuedToken } from "./renewing-token";
import { SafeCredentials } from "./safe-repr";
import type { Session } from "./session";

/**
 * What a sign-in needs to be repeated later, as a profile stores it (the password goes to the
 * secret store, never into the profile file).
 */
export interface SavedSignIn {
  username?: string;
  password?: string;
  keyFile?: string;
  certFile?: string;
  clientId?: string;
}

/** How a Session proves who it is to the portal. */
export interface Authenticator {
  readonly scheme: "anonymous" | "builtin" | "token" | "pki" | "oauth" | "app" | "iwa";
  /** The token to send to the portal and its federated servers, if this scheme uses one. */
  token(session: Session): Promise<string | undefined>;
  /**
   * Called when the portal rejected `rejectedToken` as expired or invalid (498/499).
   * Resolves true when a fresh token is now available and the request is worth one more try.
   */
  renew(session: Session, rejectedToken: string | undefined): Promise<boolean>;
  /** The credentials `ProfileManager.saveAs` keeps for this scheme. */
  savedSignIn(): SavedSignIn;
  /** Answers a web server's Integrated Windows Authentication challenges (401), if set. */
  webTier?: WebTierAuth;
}

/** No credentials: public content only. */
export class AnonymousAccess extends SafeCredentials implements Authenticator {
  readonly scheme = "anonymous" as const;
  async token(): Promise<undefined> {
    return undefined;
  }
  async renew(): Promise<boolean> {
    return false;
  }
  savedSignIn(): SavedSignIn {
    return {};
  }
}

/** PKI: the client certificate on the TLS connection authenticates every request. */
export class ClientCertificateAccess extends SafeCredentials implements Authenticator {
  readonly scheme = "pki" as const;
  /** `files` are the paths the certificate was read from, kept for saved profiles. */
  constructor(private readonly files: SavedSignIn = {}) {
    super();
  }
  async token(): Promise<undefined> {
    return undefined;
  }
  async renew(): Promise<boolean> {
    return false;
  }
  savedSignIn(): SavedSignIn {
    return { ...this.files };
  }
}

/** A token the caller already holds; it cannot be renewed without credentials. */
export class ExistingToken extends SafeCredentials implements Authenticator {
  readonly scheme = "token" as const;
  constructor(private readonly value: string) {
    super();
  }
  async token(): Promise<string> {
    return this.value;
  }
  async renew(): Promise<boolean> {
    return false;
  }
  savedSignIn(): SavedSignIn {
    return {};
  }
}

/**
 * A built-in (or LDAP) login through generateToken. The token is renewed before it expires
 * and again when the portal rejects it, so long notebooks never see an expired session.
 */
export class BuiltinLogin extends RenewingToken implements Authenticator {
  readonly scheme = "builtin" as const;

  constructor(
    readonly username: string,
    private readonly password: string,
    private readonly expirationMinutes: number,
  ) {
    super();
  }

  savedSignIn(): SavedSignIn {
    return { username: this.username, password: this.password };
  }

  protected async requestToken(session: Session): Promise<IssuedToken> {
    const response = await session.request<{ token?: string; expires?: number }>(
      `${session.restUrl}/generateToken`,
      {
        username: this.username,
        password: this.password,
        client: "referer",
        referer: session.referer,
        expiration: this.expirationMinutes,
      },
      { method: "POST", authenticate: false, idempotent: true },
    );
    if (!response.token) throw new Error("generateToken answered without a token");
    const expires =
      typeof response.expires === "number"
        ? response.expires
        : Date.now() + this.expirationMinutes * 60_000;
    return { value: response.token, expires };
  }
}
