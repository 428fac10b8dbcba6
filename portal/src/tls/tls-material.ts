import fs from "node:fs";
import path from "node:path";
import {
  createCertificateAuthority,
  issueServerCertificate,
  type KeyAndCertificate,
} from "./certificates";

export interface TlsMaterial {
  readonly authority: KeyAndCertificate;
  readonly server: KeyAndCertificate;
}

/**
 * The portal's CA and server certificate, kept in `<data>/tls` so clients that trusted the CA
 * once keep trusting the portal across restarts. The server certificate is reissued when the
 * set of host names changes.
 */
export function loadOrCreateTlsMaterial(dataDir: string, hostNames: string[]): TlsMaterial {
  const dir = path.join(dataDir, "tls");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string): string => path.join(dir, name);
  const read = (name: string): string | null =>
    fs.existsSync(file(name)) ? fs.readFileSync(file(name), "utf8") : null;
  const write = (name: string, text: string): void =>
    fs.writeFileSync(file(name), text, { mode: 0o600 });

  let authority: KeyAndCertificate;
  const caKey = read("ca.key.pem");
  const caCert = read("ca.cert.pem");
  if (caKey && caCert) {
    authority = { keyPem: caKey, certPem: caCert };
  } else {
    authority = createCertificateAuthority();
    write("ca.key.pem", authority.keyPem);
    write("ca.cert.pem", authority.certPem);
  }

  const wantedNames = JSON.stringify([...hostNames].sort());
  const serverKey = read("server.key.pem");
  const serverCert = read("server.cert.pem");
  if (serverKey && serverCert && read("server.names.json") === wantedNames) {
    return { authority, server: { keyPem: serverKey, certPem: serverCert } };
  }
  const server = issueServerCertificate(authority, hostNames);
  write("server.key.pem", server.keyPem);
  write("server.cert.pem", server.certPem);
  write("server.names.json", wantedNames);
  return { authority, server };
}

export function caCertificatePath(dataDir: string): string {
  return path.join(dataDir, "tls", "ca.cert.pem");
}
