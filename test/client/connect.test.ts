import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS, env } from "tsgis";
import {
  startFlakyFront,
  startForwardProxy,
  startRecordingServer,
  type RunningServer,
} from "../support/http-servers";
import { closeAll } from "../support/teardown";

const ADMIN = { username: "admin", password: "tsgis-admin-1" };
const USER = { username: "user", password: "tsgis-user-1" };

describe("GIS.connect against the portal", () => {
  let portal: RunningPortal;
  const opened: GIS[] = [];
  async function connect(options: Parameters<typeof GIS.connect>[0]): Promise<GIS> {
    const gis = await GIS.connect(options);
    opened.push(gis);
    return gis;
  }

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
  });
  afterAll(async () => {
    for (const gis of opened) gis.close();
    await portal.close();
  });

  it("connects anonymously", async () => {
    const gis = await connect({ url: portal.url });
    expect(gis.url).toBe(portal.url);
    expect(gis.users.me).toBeNull();
    expect(typeof gis.properties.name).toBe("string");
    expect(gis.properties.user).toBeUndefined();
    expect(gis.version.length).toBeGreaterThan(0);
    expect(gis.version.every((part) => Number.isInteger(part))).toBe(true);
  });

  it("accepts the URL forms users type", async () => {
    for (const form of [`${portal.url}/`, `${portal.url}/home`, `${portal.url}/sharing/rest/`]) {
      const gis = await connect({ url: form });
      expect(gis.url).toBe(portal.url);
    }
  });

  it("signs in with a built-in login", async () => {
    const gis = await connect({ url: portal.url, ...ADMIN });
    expect(gis.users.me?.username).toBe("admin");
    expect(gis.users.me?.role).toBe("org_admin");
    expect(gis.properties.user?.username).toBe("admin");
  });

  it("reports a wrong password as an ArcGISError with the portal's code", async () => {
    const failure = await GIS.connect({
      url: portal.url,
      username: "admin",
      password: "nope",
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArcGISError);
    const error = failure as ArcGISError;
    expect(error.code).toBe(400);
    expect(error.details.join(" ")).toMatch(/Invalid username or password/);
    expect(error.url).toBe(`${portal.url}/sharing/rest/generateToken`);
    expect(`${error.message} ${error.stack}`).not.toContain("nope");
  });

  it("signs in with an existing token", async () => {
    const response = await fetch(`${portal.url}/sharing/rest/generateToken`, {
      method: "POST",
      body: new URLSearchParams({ ...USER, client: "referer", referer: "http", f: "json" }),
    });
    const { token } = (await response.json()) as { token: string };
    const gis = await connect({ url: portal.url, token });
    expect(gis.users.me?.username).toBe("user");
  });

  it("renews an expired built-in login without the caller noticing", async () => {
    const gis = await connect({ url: portal.url, ...ADMIN });
    portal.expireAllTokens();
    await expect(gis.getOrgSettings()).resolves.toEqual(expect.any(Object));
    portal.expireAllTokens();
    await expect(gis.updateProperties({ description: "renewed" })).resolves.toBe(true);
    expect(gis.properties.description).toBe("renewed");
  });

  it("cannot renew a token it was only handed", async () => {
    const login = await connect({ url: portal.url, ...USER });
    const response = await fetch(`${portal.url}/sharing/rest/generateToken`, {
      method: "POST",
      body: new URLSearchParams({ ...USER, client: "referer", referer: "http", f: "json" }),
    });
    const { token } = (await response.json()) as { token: string };
    const gis = await connect({ url: portal.url, token });
    portal.expireAllTokens();
    await expect(gis.getOrgSettings()).rejects.toMatchObject({ name: "ArcGISError", code: 498 });
    await expect(login.getOrgSettings()).resolves.toEqual(expect.any(Object));
  });

  it("updates properties as an administrator and refuses others", async () => {
    const admin = await connect({ url: portal.url, ...ADMIN });
    await expect(admin.updateProperties({ description: "Our organisation" })).resolves.toBe(true);
    expect(admin.properties.description).toBe("Our organisation");

    const user = await connect({ url: portal.url, ...USER });
    await expect(user.updateProperties({ description: "mine now" })).rejects.toMatchObject({
      name: "ArcGISError",
      code: 403,
    });
    await expect(admin.updateProperties(null as never)).rejects.toThrow(/^propertiesDict: /);
  });

  it("reads and writes the organisation settings", async () => {
    const admin = await connect({ url: portal.url, ...ADMIN });
    const banner = {
      text: "Maintenance tonight",
      bgColor: "grey",
      fontColor: "blue",
      enabled: true,
    };
    await expect(admin.setOrgSettings({ informationalBanner: banner })).resolves.toBe(true);
    const settings = await admin.getOrgSettings();
    expect(settings.informationalBanner).toMatchObject(banner);

    const user = await connect({ url: portal.url, ...USER });
    await expect(user.setOrgSettings({ informationalBanner: banner })).rejects.toMatchObject({
      code: 403,
    });
  });

  it("becomes the active GIS unless told not to", async () => {
    const active = await connect({ url: portal.url });
    expect(env.activeGis).toBe(active);
    const passive = await connect({ url: portal.url, setActive: false });
    expect(env.activeGis).toBe(active);
    expect(env.activeGis).not.toBe(passive);
  });
});

describe("where the token goes", () => {
  let portal: RunningPortal;
  let front: Awaited<ReturnType<typeof startFlakyFront>>;
  const servers: RunningServer[] = [];
  let gis: GIS;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    front = await startFlakyFront(portal.url);
    gis = await GIS.connect({ url: front.url, ...ADMIN, setActive: false });
  });
  afterAll(async () => {
    await closeAll(gis, ...servers, front, portal);
  });

  it("sends the token to the portal in the header, never in the URL", async () => {
    front.requests.length = 0;
    await gis.getOrgSettings();
    const request = front.requests.find((r) => r.url.includes("portals/self/settings"));
    expect(request?.headers["x-esri-authorization"]).toMatch(/^Bearer \S+/);
    expect(request?.url).not.toMatch(/token=/);
  });

  it("sends no token to a host that is not federated with the portal", async () => {
    const foreign = await startRecordingServer((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ currentVersion: 11.3 }));
    });
    servers.push(foreign);
    await gis.session.get(`${foreign.url}/server/rest/services/Roads/FeatureServer/0`);
    expect(foreign.requests.length).toBeGreaterThan(0);
    for (const request of foreign.requests) {
      expect(request.headers["x-esri-authorization"]).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
      expect(request.url).not.toMatch(/token=/);
    }
  });

  it("sends the token to a server federated with the portal", async () => {
    const federated = await startRecordingServer((req, res) => {
      res.setHeader("Content-Type", "application/json");
      const owningSystemUrl = front.url;
      res.end(
        JSON.stringify(req.url.includes("/rest/info") ? { owningSystemUrl } : { layers: [] }),
      );
    });
    servers.push(federated);
    await gis.session.get(`${federated.url}/server/rest/services/Parcels/FeatureServer`);
    const info = federated.requests.find((r) => r.url.includes("/rest/info"));
    const service = federated.requests.find((r) => r.url.includes("Parcels"));
    expect(info?.headers["x-esri-authorization"]).toBeUndefined();
    expect(service?.headers["x-esri-authorization"]).toMatch(/^Bearer \S+/);
  });

  it("retries a read after a 503 and does not retry a write", async () => {
    front.requests.length = 0;
    front.failNext(1, 503);
    await expect(gis.getOrgSettings()).resolves.toEqual(expect.any(Object));
    expect(front.requests.filter((r) => r.url.includes("portals/self/settings"))).toHaveLength(2);

    front.requests.length = 0;
    front.failNext(1, 503);
    await expect(gis.updateProperties({ description: "write once" })).rejects.toMatchObject({
      code: 503,
    });
    expect(front.requests.filter((r) => r.url.includes("/update"))).toHaveLength(1);
    front.failNext(0, 503);
  });
});

describe("proxies and client certificates", () => {
  it("goes through an HTTP proxy on loopback when one is set", async () => {
    const portal = await startPortal({ port: 0, demo: true });
    const proxy = await startForwardProxy();
    try {
      const gis = await GIS.connect({
        url: portal.url,
        ...ADMIN,
        proxyHost: "127.0.0.1",
        proxyPort: proxy.port,
        setActive: false,
      });
      expect(gis.users.me?.username).toBe("admin");
      expect(
        proxy.seen.some((line) => line.startsWith(`POST ${portal.url}/sharing/rest/generateToken`)),
      ).toBe(true);
      expect(proxy.seen.some((line) => line.includes("/sharing/rest/portals/self"))).toBe(true);
      gis.close();
    } finally {
      await proxy.close();
      await portal.close();
    }
  });

  describe("PKI against a TLS portal", () => {
    let portal: RunningPortal;
    let dir: string;
    beforeAll(async () => {
      portal = await startPortal({ port: 0, demo: true, tls: { requestClientCert: true } });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-pki-"));
    });
    afterAll(async () => {
      await portal.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("signs in with a PEM certificate and key", async () => {
      const issued = portal.tls!.issueClientCertificate("publisher");
      fs.writeFileSync(path.join(dir, "publisher.key"), issued.keyPem);
      fs.writeFileSync(path.join(dir, "publisher.crt"), issued.certPem);
      const gis = await GIS.connect({
        url: portal.url,
        keyFile: path.join(dir, "publisher.key"),
        certFile: path.join(dir, "publisher.crt"),
        verifyCert: false,
        setActive: false,
      });
      expect(portal.url.startsWith("https://")).toBe(true);
      expect(gis.users.me?.username).toBe("publisher");
      gis.close();
    });

    it("signs in with a PFX certificate and its password, and refuses a wrong one", async () => {
      const issued = portal.tls!.issueClientCertificate("user", { pfxPassword: "pfx-secret" });
      const pfx = path.join(dir, "user.pfx");
      fs.writeFileSync(pfx, issued.pfx);
      const gis = await GIS.connect({
        url: portal.url,
        certFile: pfx,
        password: "pfx-secret",
        verifyCert: false,
        setActive: false,
      });
      expect(gis.users.me?.username).toBe("user");
      gis.close();
      await expect(
        GIS.connect({ url: portal.url, certFile: pfx, password: "wrong", verifyCert: false }),
      ).rejects.toThrow();
    });

    it("refuses a self-signed portal certificate unless verifyCert is false", async () => {
      await expect(GIS.connect({ url: portal.url, setActive: false })).rejects.toThrow(
        /certificate/i,
      );
    });
  });
});

describe("bad input is refused before any request", () => {
  let recorder: RunningServer;
  beforeAll(async () => {
    recorder = await startRecordingServer();
  });
  afterAll(() => recorder.close());
  afterEach(() => expect(recorder.requests).toHaveLength(0));

  it.each([
    [{ url: "http://exa mple.com" }, /^url: /],
    [{ url: "ftp://example.com" }, /^url: /],
    [{ url: 42 }, /^url: expected a string, got 42$/],
    [{ user_name: "x" }, /unknown option "user_name"/],
    [{ verify_cert: false }, /unknown option "verify_cert" \(did you mean "verifyCert"\?\)/],
    [{ verifyCert: "no" }, /^verifyCert: expected true or false, got "no"$/],
    [{ proxyPort: 70000, proxyHost: "127.0.0.1" }, /^proxyPort: 70000 is outside 1…65535$/],
    [{ timeout: -1 }, /^timeout: expected a number greater than 0, got -1$/],
    // A secret of the wrong type is not echoed back.
    [{ password: 91357 }, /^password: expected a string, got a number$/],
  ])("%j", async (options, message) => {
    await expect(GIS.connect(options as never)).rejects.toThrow(message);
  });

  it("names the missing password and the missing username", async () => {
    await expect(GIS.connect({ url: recorder.url, username: "admin" })).rejects.toThrow(
      /^password: /,
    );
    await expect(GIS.connect({ url: recorder.url, password: "x" })).rejects.toThrow(/^username: /);
  });

  it("refuses to send a password over plain HTTP to a remote host", async () => {
    await expect(
      GIS.connect({ url: "http://gis.example.com/portal", username: "a", password: "b" }),
    ).rejects.toThrow(/^url: built-in login sends the password, so it needs https/);
  });

  it("names missing certificate files", async () => {
    await expect(
      GIS.connect({ url: recorder.url, certFile: "/nonexistent/cert.pem", keyFile: "/x.key" }),
    ).rejects.toThrow(/^certFile: \/nonexistent\/cert.pem does not exist/);
    await expect(GIS.connect({ url: recorder.url, keyFile: "/x.key" })).rejects.toThrow(
      /^certFile: /,
    );
    await expect(GIS.connect({ url: recorder.url, certFile: "/tmp/x.pfx" })).rejects.toThrow(
      /^password: /,
    );
  });

  it("rejects options that are not an object", async () => {
    await expect(GIS.connect("https://x" as never)).rejects.toThrow(
      /^options: expected an object, got "https:\/\/x"$/,
    );
  });
});
