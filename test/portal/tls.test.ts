import https from "node:https";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ADMIN } from "./helpers";

interface TlsClientOptions {
  ca: string;
  cert?: string;
  key?: string;
  pfx?: Buffer;
  passphrase?: string;
}

function postOverTls(
  url: string,
  params: Record<string, string>,
  tls: TlsClientOptions,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ f: "json", ...params }).toString();
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        agent: false,
        ...tls,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("TLS and PKI sign-in", () => {
  let portal: RunningPortal;
  let rest: string;
  let ca: string;
  beforeAll(async () => {
    portal = await startPortal({ tls: { requestClientCert: true }, admin: ADMIN });
    rest = `${portal.url}/sharing/rest`;
    ca = portal.tls?.caCertPem as string;
  });
  afterAll(() => portal.close());

  it("serves HTTPS with a certificate the portal CA vouches for", async () => {
    expect(portal.url.startsWith("https://127.0.0.1:")).toBe(true);
    const token = await postOverTls(`${rest}/generateToken`, ADMIN, { ca });
    expect(token).toMatchObject({ ssl: true });
    expect(typeof token.token).toBe("string");
  });

  it("issues a token for the user named by a client certificate", async () => {
    const { certPem, keyPem } = portal.tls!.issueClientCertificate("boss");
    const body = await postOverTls(`${rest}/generateToken`, {}, { ca, cert: certPem, key: keyPem });
    expect(typeof body.token).toBe("string");
    const self = await postOverTls(
      `${rest}/community/self`,
      { token: body.token as string },
      { ca },
    );
    expect(self.username).toBe("boss");
  });

  it("signs requests in by certificate alone (web-tier PKI), also from a PFX", async () => {
    const { pfx } = portal.tls!.issueClientCertificate("boss", { pfxPassword: "secret" });
    const self = await postOverTls(`${rest}/community/self`, {}, { ca, pfx, passphrase: "secret" });
    expect(self.username).toBe("boss");
  });

  it("does not sign in certificates of unknown users, or no certificate", async () => {
    const { certPem, keyPem } = portal.tls!.issueClientCertificate("stranger");
    const stranger = await postOverTls(
      `${rest}/generateToken`,
      {},
      { ca, cert: certPem, key: keyPem },
    );
    expect(stranger).toMatchObject({ error: { code: 400, message: "Unable to generate token." } });
    const anonymous = await postOverTls(`${rest}/community/self`, {}, { ca });
    expect(anonymous).toMatchObject({ error: { code: 499 } });
  });
});
