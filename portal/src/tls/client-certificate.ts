import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

/**
 * The subject common name of a client certificate that chains to the portal's own CA. The TLS
 * server is told to trust only that CA, so `authorized` means exactly "issued by this portal".
 */
export function verifiedClientCommonName(socket: Socket): string | null {
  const tlsSocket = socket as Partial<TLSSocket>;
  if (typeof tlsSocket.getPeerCertificate !== "function" || !tlsSocket.authorized) return null;
  const certificate = tlsSocket.getPeerCertificate();
  const commonName = certificate?.subject?.CN;
  if (Array.isArray(commonName)) return commonName[0] ?? null;
  return typeof commonName === "string" && commonName !== "" ? commonName : null;
}
