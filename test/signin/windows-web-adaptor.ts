// A stand-in for IIS with Integrated Windows Authentication in front of a portal: it challenges
// every new connection with NTLM (and Negotiate when given a Kerberos keytab), checks the
// handshake, and only then forwards the request. Its NTLM check is written independently of
// the client's: the NT hash comes from OpenSSL's MD4, the rest from the MS-NLMP definitions.
import { execFileSync } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface WindowsAccount {
  user: string;
  domain: string;
  password: string;
}

interface KerberosServer {
  username: string;
  response: string;
  step(token: string): Promise<void>;
}

interface KerberosServerModule {
  initializeServer(service: string): Promise<KerberosServer>;
}

export interface WebAdaptorOptions {
  accounts?: WindowsAccount[];
  /** Offer Negotiate and accept Kerberos tickets for this service (`HTTP@host`), keytab from KRB5_KTNAME. */
  kerberosService?: string;
}

export interface WindowsWebAdaptor {
  url: string;
  /** Identities whose handshake passed, in order: `DOMAIN\user` for NTLM, the principal for Kerberos. */
  verified: string[];
  /** Handshakes that were refused. */
  refusals: number;
  close(): Promise<void>;
}

const SIGNATURE = Buffer.from("NTLMSSP\0", "ascii");

/** The NT hash (MD4 of the UTF-16LE password), computed by OpenSSL's legacy provider. */
function ntHash(password: string): Buffer {
  return execFileSync(
    "openssl",
    ["dgst", "-md4", "-binary", "-provider", "legacy", "-provider", "default"],
    { input: Buffer.from(password, "utf16le") },
  );
}

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac("md5", key).update(data).digest();
}

function avPair(id: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(id, 0);
  header.writeUInt16LE(value.length, 2);
  return Buffer.concat([header, value]);
}

function challengeMessage(serverChallenge: Buffer): Buffer {
  const targetName = Buffer.from("TSGIS", "utf16le");
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE((BigInt(Date.now()) + 11_644_473_600_000n) * 10_000n);
  const targetInfo = Buffer.concat([
    avPair(2, Buffer.from("TSGIS", "utf16le")),
    avPair(1, Buffer.from("ADAPTOR", "utf16le")),
    avPair(7, timestamp),
    avPair(0, Buffer.alloc(0)),
  ]);
  const header = Buffer.alloc(48);
  SIGNATURE.copy(header);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(48, 16);
  // Unicode, request target, NTLM, extended session security, target info.
  header.writeUInt32LE(0x00888205, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + targetName.length, 44);
  return Buffer.concat([header, targetName, targetInfo]);
}

function field(message: Buffer, position: number): Buffer {
  const length = message.readUInt16LE(position);
  const offset = message.readUInt32LE(position + 4);
  return message.subarray(offset, offset + length);
}

export async function startWindowsWebAdaptor(
  portalUrl: string,
  options: WebAdaptorOptions,
): Promise<WindowsWebAdaptor> {
  const target = new URL(portalUrl);
  const hashes = new Map(
    (options.accounts ?? []).map((a) => [
      `${a.domain}\\${a.user}`.toUpperCase(),
      ntHash(a.password),
    ]),
  );
  const authenticated = new WeakMap<Socket, string>();
  const challenges = new WeakMap<Socket, Buffer>();
  const sockets = new Set<Socket>();
  const kerberos = options.kerberosService
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require("kerberos") as KerberosServerModule)
    : undefined;
  const state: WindowsWebAdaptor = { url: "", verified: [], refusals: 0, close: async () => {} };

  const offers = (): string[] => [...(kerberos ? ["Negotiate"] : []), "NTLM"];
  const challenge = (response: http.ServerResponse, headerValues: string[]): void => {
    response.writeHead(401, {
      "WWW-Authenticate": headerValues,
      "Content-Type": "text/plain",
      Connection: "keep-alive",
    });
    response.end("401 - Unauthorized: Access is denied due to invalid credentials.");
  };

  const verifyNtlm = (message: Buffer, serverChallenge: Buffer): string | null => {
    const ntResponse = field(message, 20);
    const domain = field(message, 28).toString("utf16le");
    const user = field(message, 36).toString("utf16le");
    const hash = hashes.get(`${domain}\\${user}`.toUpperCase());
    if (!hash || ntResponse.length < 48) return null;
    const responseKey = hmacMd5(hash, Buffer.from(user.toUpperCase() + domain, "utf16le"));
    const blob = ntResponse.subarray(16);
    const proof = hmacMd5(responseKey, Buffer.concat([serverChallenge, blob]));
    return proof.equals(ntResponse.subarray(0, 16)) ? `${domain}\\${user}` : null;
  };

  const forward = (
    request: http.IncomingMessage,
    body: Buffer,
    response: http.ServerResponse,
    extraHeaders: Record<string, string> = {},
  ): void => {
    const headers = { ...request.headers, host: target.host };
    delete headers.authorization;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers,
        agent: false,
      },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, {
          ...upstreamResponse.headers,
          ...extraHeaders,
        });
        upstreamResponse.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    upstream.end(body);
  };

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const socket = request.socket;
    if (authenticated.has(socket)) return forward(request, body, response);

    const match = /^(NTLM|Negotiate)\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (!match) return challenge(response, offers());
    const token = Buffer.from(match[2], "base64");

    if (token.subarray(0, 8).equals(SIGNATURE)) {
      const type = token.readUInt32LE(8);
      if (type === 1) {
        const serverChallenge = randomBytes(8);
        challenges.set(socket, serverChallenge);
        return challenge(response, [
          `${match[1]} ${challengeMessage(serverChallenge).toString("base64")}`,
        ]);
      }
      const serverChallenge = challenges.get(socket);
      challenges.delete(socket);
      const identity = type === 3 && serverChallenge ? verifyNtlm(token, serverChallenge) : null;
      if (!identity) {
        state.refusals += 1;
        return challenge(response, offers());
      }
      authenticated.set(socket, identity);
      state.verified.push(identity);
      return forward(request, body, response);
    }

    if (kerberos && options.kerberosService && match[1].toLowerCase() === "negotiate") {
      try {
        const context = await kerberos.initializeServer(options.kerberosService);
        await context.step(match[2]);
        authenticated.set(socket, context.username);
        state.verified.push(context.username);
        const mutual: Record<string, string> = context.response
          ? { "WWW-Authenticate": `Negotiate ${context.response}` }
          : {};
        return forward(request, body, response, mutual);
      } catch {
        state.refusals += 1;
        return challenge(response, offers());
      }
    }
    state.refusals += 1;
    return challenge(response, offers());
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return state;
}
