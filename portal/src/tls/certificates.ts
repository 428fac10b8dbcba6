import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface KeyAndCertificate {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface ClientCertificate extends KeyAndCertificate {
  /** PKCS#12 bundle of the key, the certificate and the portal CA, for clients that want one. */
  readonly pfx: Buffer;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** RSA keys come from Node's native generator: forge's pure-JS one takes seconds per key. */
function newKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
} {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function newCertificate(publicKey: forge.pki.PublicKey, years: number): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  // A positive serial: the high bit cleared keeps the DER integer from reading as negative.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  certificate.serialNumber = serial.toString("hex");
  const now = Date.now();
  certificate.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  certificate.validity.notAfter = new Date(now + years * YEAR_MS);
  return certificate;
}

export function createCertificateAuthority(): KeyAndCertificate {
  const keys = newKeyPair();
  const certificate = newCertificate(keys.publicKey, 10);
  const subject = [
    { name: "commonName", value: "tsgis portal CA" },
    { name: "organizationName", value: "tsgis" },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return {
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certPem: forge.pki.certificateToPem(certificate),
  };
}

function issue(
  authority: KeyAndCertificate,
  commonName: string,
  extensions: object[],
): { keys: ReturnType<typeof newKeyPair>; certificate: forge.pki.Certificate } {
  const caCertificate = forge.pki.certificateFromPem(authority.certPem);
  const caKey = forge.pki.privateKeyFromPem(authority.keyPem);
  const keys = newKeyPair();
  const certificate = newCertificate(keys.publicKey, 2);
  certificate.setSubject([{ name: "commonName", value: commonName }]);
  certificate.setIssuer(caCertificate.subject.attributes);
  certificate.setExtensions([{ name: "basicConstraints", cA: false }, ...extensions]);
  certificate.sign(caKey, forge.md.sha256.create());
  return { keys, certificate };
}

export function issueServerCertificate(
  authority: KeyAndCertificate,
  hostNames: readonly string[],
): KeyAndCertificate {
  const altNames = hostNames.map((name) =>
    /^[\d.]+$/.test(name) || name.includes(":") ? { type: 7, ip: name } : { type: 2, value: name },
  );
  const { keys, certificate } = issue(authority, hostNames[0] ?? "localhost", [
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames },
  ]);
  return {
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certPem: forge.pki.certificateToPem(certificate),
  };
}

export function issueClientCertificate(
  authority: KeyAndCertificate,
  commonName: string,
  pfxPassword = "",
): ClientCertificate {
  const { keys, certificate } = issue(authority, commonName, [
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
    { name: "extKeyUsage", clientAuth: true },
  ]);
  const caCertificate = forge.pki.certificateFromPem(authority.certPem);
  // 3DES: OpenSSL 3 (inside Node) no longer reads forge's default RC2-40 PKCS#12 encryption.
  const pkcs12 = forge.pkcs12.toPkcs12Asn1(
    keys.privateKey,
    [certificate, caCertificate],
    pfxPassword,
    { algorithm: "3des" },
  );
  return {
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certPem: forge.pki.certificateToPem(certificate),
    pfx: Buffer.from(forge.asn1.toDer(pkcs12).getBytes(), "binary"),
  };
}
