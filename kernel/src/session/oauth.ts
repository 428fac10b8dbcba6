import { ArcGISError } from "../errors";
import type { Authenticator, SavedSignIn } from "./auth";
import { newPkcePair } from "./pkce";
import { RenewingToken, type IssuedToken } from "./renewing-token";
import type { Session } from "./session";

/** The redirect URI that has the portal show the code on its approval page, as Python uses. */
export const OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

/** Shows the user the sign-in URL and resolves to the code they copy from the approval page. */
export type CodePrompt = (authorizeUrl: string) => Promise<string>;

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  username?: string;
}

/**
 * OAuth 2.0 user sign-in with an app's client id: the authorization code grant with PKCE and
 * the out-of-band redirect. The user opens the printed URL, signs in, and pastes the code; the
 * refresh token then renews the access token for as long as it lives (two weeks by default),
 * and only when it is refused is the user asked again.
 */
export class OAuthCodeLogin extends RenewingToken implements Authenticator {
  readonly scheme = "oauth" as const;
  private refreshToken: string | undefined;

  constructor(
    readonly clientId: string,
    private readonly askForCode: CodePrompt,
    /** Minutes the refresh token lives; -1 asks for the portal's longest. */
    private readonly refreshMinutes = -1,
  ) {
    super();
  }

  savedSignIn(): SavedSignIn {
    return { clientId: this.clientId };
  }

  /** A refresh while the refresh token lives; otherwise the user signs in again. */
  protected async requestToken(session: Session): Promise<IssuedToken> {
    if (this.refreshToken) {
      try {
        return await this.exchange(session, {
          grant_type: "refresh_token",
          client_id: this.clientId,
          refresh_token: this.refreshToken,
        });
      } catch (error) {
        // An expired or revoked refresh token means signing in again; anything else is reported.
        if (!(error instanceof ArcGISError) || error.code !== 400) throw error;
        this.refreshToken = undefined;
      }
    }
    return this.signIn(session);
  }

  private async signIn(session: Session): Promise<IssuedToken> {
    const pkce = newPkcePair();
    const query = new URLSearchParams({
      client_id: this.clientId,
      response_type: "code",
      expiration: String(this.refreshMinutes),
      redirect_uri: OUT_OF_BAND,
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
    });
    const code = (await this.askForCode(`${session.restUrl}/oauth2/authorize?${query}`)).trim();
    if (code === "") throw new Error("clientId: no authorization code was entered");
    return this.exchange(session, {
      grant_type: "authorization_code",
      client_id: this.clientId,
      code,
      redirect_uri: OUT_OF_BAND,
      code_verifier: pkce.verifier,
    });
  }

  private async exchange(session: Session, params: Record<string, string>): Promise<IssuedToken> {
    const response = await session.request<TokenResponse>(
      `${session.restUrl}/oauth2/token`,
      params,
      {
        method: "POST",
        authenticate: false,
        // A code works once and a refresh must not race itself: never sent twice.
        idempotent: false,
      },
    );
    if (!response.access_token) throw new Error("oauth2/token answered without an access_token");
    if (response.refresh_token) this.refreshToken = response.refresh_token;
    return {
      value: response.access_token,
      expires: Date.now() + (response.expires_in ?? 1800) * 1000,
    };
  }
}
