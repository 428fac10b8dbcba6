import type { Authenticator, SavedSignIn } from "./auth";
import { RenewingToken, type IssuedToken } from "./renewing-token";
import type { Session } from "./session";

/**
 * An app login (OAuth client credentials): the app's own token, for scripts that read public
 * content and premium services as the app rather than as a user. No user is signed in.
 */
export class AppLogin extends RenewingToken implements Authenticator {
  readonly scheme = "app" as const;

  constructor(
    readonly clientId: string,
    private readonly clientSecret: string,
    private readonly expirationMinutes: number,
  ) {
    super();
  }

  /** The secret is not saved in profiles: they have no field for it in the Python layout. */
  savedSignIn(): SavedSignIn {
    return { clientId: this.clientId };
  }

  protected async requestToken(session: Session): Promise<IssuedToken> {
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
    return {
      value: response.access_token,
      expires: Date.now() + (response.expires_in ?? this.expirationMinutes * 60) * 1000,
    };
  }
}
