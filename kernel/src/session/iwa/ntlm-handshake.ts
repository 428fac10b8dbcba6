import {
  authenticateMessage,
  negotiateMessage,
  parseChallenge,
  type NtlmCredentials,
} from "./ntlm";

/**
 * One NTLM exchange over one connection: negotiate, then answer the challenge. `scheme` is
 * "NTLM", or "Negotiate" when the server offers only that: IIS accepts a raw NTLM token there.
 */
export class NtlmHandshake {
  /** NTLM authenticates the TCP connection, so all three messages must share one socket. */
  readonly connectionBound = true;
  private answered = false;

  constructor(
    readonly scheme: "NTLM" | "Negotiate",
    private readonly credentials: NtlmCredentials,
  ) {}

  async first(): Promise<string> {
    return `${this.scheme} ${negotiateMessage().toString("base64")}`;
  }

  async next(serverToken: string): Promise<string | undefined> {
    if (this.answered) return undefined;
    this.answered = true;
    const challenge = parseChallenge(Buffer.from(serverToken, "base64"));
    return `${this.scheme} ${authenticateMessage(challenge, this.credentials).toString("base64")}`;
  }
}
