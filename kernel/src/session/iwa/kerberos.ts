// Kerberos through SPNEGO ("Negotiate"), with the optional `kerberos` module (MIT GSSAPI). The
// ticket comes from the user's credential cache (kinit, or the desktop login), as Python's
// requests-kerberos does; no password passes through tsgis.

/** The part of the `kerberos` module's API that a client handshake uses. */
interface KerberosClient {
  step(challenge: string): Promise<string>;
}

interface KerberosModule {
  GSS_MECH_OID_SPNEGO: number;
  initializeClient(service: string, options?: { mechOID?: number }): Promise<KerberosClient>;
}

export const KERBEROS_MISSING =
  'the optional "kerberos" module is not installed or did not build ' +
  "(Debian/Ubuntu: apt-get install libkrb5-dev g++ make, then npm rebuild kerberos)";

let loaded: KerberosModule | null | undefined;

/** The module, or null when it is not available on this machine. */
export function loadKerberos(): KerberosModule | null {
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require("kerberos") as KerberosModule;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** One Negotiate exchange with `HTTP@host`: the first token, then the server's mutual reply. */
export class KerberosHandshake {
  readonly scheme = "Negotiate";
  readonly connectionBound = false;
  private client: KerberosClient | undefined;

  constructor(
    private readonly kerberos: KerberosModule,
    private readonly host: string,
  ) {}

  async first(): Promise<string> {
    this.client = await this.kerberos.initializeClient(`HTTP@${this.host}`, {
      mechOID: this.kerberos.GSS_MECH_OID_SPNEGO,
    });
    return `Negotiate ${await this.client.step("")}`;
  }

  /** SPNEGO with Kerberos finishes in one round; the server's token only confirms it (mutual). */
  async next(serverToken: string): Promise<string | undefined> {
    if (!this.client) throw new Error("Kerberos: the handshake has not started");
    const reply = await this.client.step(serverToken);
    return reply ? `Negotiate ${reply}` : undefined;
  }
}
