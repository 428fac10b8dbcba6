import type { Authenticator, SavedSignIn } from "./auth";
import type { Session } from "./session";

interface IssuedToken {
  value: string;
  expires: number;
}

const RENEW_MARGIN_MS = 30_000;

/**
 * An app login (OAuth client credentials): the app's own token, for scripts that read public
 * content and premium services as the app rather than as a user. No user is signed in.
 */
export class AppLogin implements Authenticator {
  readonly scheme = "app" as const;
  private issued: IssuedToken | undefined;
  private pending: Promise<IssuedToken> | undefined;

  constructor(
    readonly clientId: string,
    private readonly clientSecret: string,
    private readonly expirationMinutes: number,
  ) {}

  async token(session: Session): Promise<string> {
    const issued = this.issued;
    if (issued && issued.expires - RENEW_MARGIN_MS > Date.now()) return issued.value;
    return (await this.obtain(session)).value;
  }

  async renew(session: Session, rejectedToken: string | undefined): Promise<boolean> {
    if (this.issued && this.issued.value === rejectedToken) this.issued = undefined;
    await this.obtain(session);
    return true;
  }

  /** The secret is not saved in profiles: they have no field for it in the Python layout. */
  savedSignIn(): SavedSignIn {
    return { clientId: this.clientId };
  }

  private obtain(session: Session): Promise<IssuedToken> {
    if (!this.pending) {
      this.pending = this.requestToken(session).finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async requestToken(session: Session): Promise<IssuedToken> {
    const response = await session.request<{ access_token?: string; expires_in?: number }>(
      `${session.restUrl}/oauth2/token`,
      {
        grant_type: "client_credentials",
        client_id: this.clientId,
        client_secret: this.clientSecret,
        expiration: this.expirationMinutes,
      },
      { method: "POST", authenticate: false, idempotent: true },
    );
    if (!response.access_token) throw new Error("oauth2/token answered without an access_token");
    this.issued = {
      value: response.access_token,
      expires: Date.now() + (response.expires_in ?? this.expirationMinutes * 60) * 1000,
    };
    return this.issued;
  }
}
