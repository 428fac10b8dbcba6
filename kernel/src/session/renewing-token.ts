import { SafeCredentials } from "./safe-repr";
import type { Session } from "./session";

/** A token and the moment (epoch ms) it stops working. */
export interface IssuedToken {
  value: string;
  expires: number;
}

/** Renew a little before the portal says the token ends, so a request never races expiry. */
const RENEW_MARGIN_MS = 30_000;

/**
 * The token life that every login shares: the issued token is reused until shortly before it
 * expires, replaced when the server rejects it, and concurrent requests wait on one request for
 * a new token rather than each asking for their own.
 */
export abstract class RenewingToken extends SafeCredentials {
  private issued: IssuedToken | undefined;
  private pending: Promise<IssuedToken> | undefined;

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

  /** Asks the server for a new token (sign in, exchange a refresh token, …). */
  protected abstract requestToken(session: Session): Promise<IssuedToken>;

  private obtain(session: Session): Promise<IssuedToken> {
    if (!this.pending) {
      this.pending = this.requestToken(session)
        .then((issued) => {
          this.issued = issued;
          return issued;
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    return this.pending;
  }
}
