// Web-tier authentication: a portal behind IIS (or another web server) with Integrated Windows
// Authentication answers 401 with `WWW-Authenticate: Negotiate` and/or `NTLM`. The Session hands
// such a response here; the request is sent again through the handshake.
import type { Readable } from "node:stream";
import type { AxiosResponse } from "axios";
import { ArcGISError } from "../../errors";
import type { Agents } from "../transport";
import { KERBEROS_MISSING, KerberosHandshake, loadKerberos } from "./kerberos";
import { NtlmHandshake } from "./ntlm-handshake";
import type { NtlmCredentials } from "./ntlm";

interface Handshake {
  readonly scheme: string;
  readonly connectionBound: boolean;
  first(): Promise<string>;
  next(serverToken: string): Promise<string | undefined>;
}

/** Sends the request once more with an Authorization header, on the given agents if any. */
export type Resend = (
  authorization: string,
  agents: Agents | undefined,
) => Promise<AxiosResponse<Readable>>;

/** The most rounds a handshake may take; Kerberos needs one, NTLM two. */
const MAX_ROUNDS = 3;

/**
 * Answers web-tier challenges: Kerberos with the user's ticket (kinit) when the server offers
 * Negotiate, NTLMv2 with the username and password when it offers NTLM.
 */
export class WebTierAuth {
  constructor(private readonly credentials?: NtlmCredentials) {}

  /** Candidate handshakes for what the server offered, best first. */
  candidates(url: string, offered: Set<string>): Handshake[] {
    const host = new URL(url).hostname;
    const found: Handshake[] = [];
    // The native module is loaded only when a server actually offers Negotiate.
    const kerberos = offered.has("negotiate") ? loadKerberos() : null;
    if (kerberos) found.push(new KerberosHandshake(kerberos, host));
    if (this.credentials) {
      if (offered.has("ntlm")) found.push(new NtlmHandshake("NTLM", this.credentials));
      else if (offered.has("negotiate"))
        found.push(new NtlmHandshake("Negotiate", this.credentials));
    }
    return found;
  }

  /** Why no handshake fits, for the error the caller sees. */
  explain(offered: Set<string>): string {
    const schemes = [...offered].join(", ") || "an unknown scheme";
    const needs: string[] = [];
    if (offered.has("negotiate") && !loadKerberos())
      needs.push(`for Kerberos, ${KERBEROS_MISSING}`);
    if (!this.credentials && (offered.has("ntlm") || offered.has("negotiate"))) {
      needs.push("for NTLM, pass username (DOMAIN\\user) and password");
    }
    return `the server asks for Integrated Windows Authentication (${schemes}); ${needs.join("; ") || "no supported scheme"}`;
  }
}

/** The Negotiate/NTLM offers of a 401, lower-cased, with the server token of each. */
export function offeredSchemes(response: AxiosResponse): Map<string, string | undefined> {
  const raw = response.headers["www-authenticate"];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  const offers = new Map<string, string | undefined>();
  for (const value of values) {
    for (const entry of value.split(",")) {
      const match = /^\s*(NTLM|Negotiate)(?:\s+([A-Za-z0-9+/=]+))?\s*$/i.exec(entry);
      if (match) offers.set(match[1].toLowerCase(), match[2]);
    }
  }
  return offers;
}

/**
 * Runs the handshake for a 401 and resolves to the final response. Handshakes that fail on this
 * side (no Kerberos ticket, say) give way to the next candidate; a refusal by the server is an
 * ArcGISError with code 401.
 */
export async function answerChallenge(
  webTier: WebTierAuth,
  challenged: AxiosResponse<Readable>,
  url: string,
  resend: Resend,
  dedicatedAgents: () => Agents,
): Promise<AxiosResponse<Readable>> {
  const offered = new Set(offeredSchemes(challenged).keys());
  if (offered.size === 0) return challenged;
  challenged.data.resume();
  const localFailures: string[] = [];
  for (const handshake of webTier.candidates(url, offered)) {
    let authorization: string;
    try {
      authorization = await handshake.first();
    } catch (error) {
      localFailures.push(`${describe(handshake)}: ${(error as Error).message}`);
      continue;
    }
    const agents = handshake.connectionBound ? dedicatedAgents() : undefined;
    const release = (): void => {
      agents?.httpAgent.destroy();
      agents?.httpsAgent.destroy();
    };
    try {
      for (let round = 1; ; round++) {
        const response = await resend(authorization, agents);
        const serverToken = offeredSchemes(response).get(handshake.scheme.toLowerCase());
        if (response.status !== 401) {
          if (serverToken) await handshake.next(serverToken);
          response.data.once("close", release);
          return response;
        }
        response.data.resume();
        const following = serverToken ? await handshake.next(serverToken) : undefined;
        if (!following || round >= MAX_ROUNDS) {
          release();
          throw refused(url, `the server refused the ${describe(handshake)} sign-in`);
        }
        authorization = following;
      }
    } catch (error) {
      release();
      throw error;
    }
  }
  const reason = localFailures.length
    ? `${localFailures.join("; ")} (run kinit for a Kerberos ticket, or pass username and password)`
    : webTier.explain(offered);
  throw refused(url, reason);
}

function describe(handshake: Handshake): string {
  return handshake instanceof KerberosHandshake ? "Kerberos (Negotiate)" : "NTLM";
}

function refused(url: string, reason: string): ArcGISError {
  return new ArcGISError(
    { code: 401, message: `Integrated Windows Authentication failed: ${reason}`, details: [] },
    url,
    401,
  );
}
