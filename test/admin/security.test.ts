// gis.admin.security against the portal over HTTP: the security keys of portals/self and
// portals/self/update — allowed origins that the CORS answers then follow, trusted servers,
// anonymous access — settings the portal cannot honour refused by name, and who may.
import { inspect } from "node:util";
import { SecurityManager } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin.security", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  /** The origin the portal lets a browser page on `origin` read its answers from, if any. */
  const corsFor = async (origin: string): Promise<string | null> => {
    const response = await fetch(`${org.portal.url}/sharing/rest/portals/self?f=json`, {
      headers: { origin },
    });
    return response.headers.get("access-control-allow-origin");
  };

  it("reads the settings of a plain-HTTP portal with built-in sign-in", async () => {
    const security = org.admin.admin.security;
    expect(security).toBeInstanceOf(SecurityManager);
    expect(inspect(security)).toBe(`<SecurityManager url:"${org.admin.url}">`);
    expect(await security.getConfig()).toEqual({
      access: "private",
      allSSL: false,
      allowedOrigins: [],
      authorizedCrossOriginDomains: [],
      canSignInArcGIS: true,
      canSignInIDP: false,
      mfaEnabled: false,
    });
  });

  it("limits the origins browsers may call from, then opens them again", async () => {
    const security = org.admin.admin.security;
    expect(await corsFor("https://elsewhere.example.com")).toBe("https://elsewhere.example.com");
    expect(await security.setConfig({ allowedOrigins: ["https://apps.example.com"] })).toBe(true);
    expect((await security.getConfig()).allowedOrigins).toEqual(["https://apps.example.com"]);
    expect(await corsFor("https://apps.example.com")).toBe("https://apps.example.com");
    expect(await corsFor("https://elsewhere.example.com")).toBeNull();

    // Origins compare as scheme://host:port in lower case, as the CORS hook compares them.
    await security.setConfig({ allowedOrigins: ["HTTPS://Apps.Example.com:8443/"] });
    expect((await security.getConfig()).allowedOrigins).toEqual(["https://apps.example.com:8443"]);
    expect(await corsFor("https://apps.example.com:8443")).toBe("https://apps.example.com:8443");

    await security.setConfig({ allowedOrigins: [] });
    expect((await security.getConfig()).allowedOrigins).toEqual([]);
    expect(await corsFor("https://elsewhere.example.com")).toBe("https://elsewhere.example.com");
  });

  it("stores trusted servers and anonymous access", async () => {
    const security = org.admin.admin.security;
    await security.setConfig({
      authorizedCrossOriginDomains: ["https://gis.example.com", "https://maps.example.com"],
      access: "public",
    });
    expect(await security.getConfig()).toMatchObject({
      access: "public",
      authorizedCrossOriginDomains: ["https://gis.example.com", "https://maps.example.com"],
    });
    expect(org.admin.properties.access).toBe("public");
    await security.setConfig({ authorizedCrossOriginDomains: [], access: "private" });
    expect(await security.getConfig()).toMatchObject({
      access: "private",
      authorizedCrossOriginDomains: [],
    });
  });

  it("refuses, by name, what the portal cannot honour, and changes nothing then", async () => {
    const security = org.admin.admin.security;
    const https = await arcgisFailure(
      security.setConfig({ allSSL: true, allowedOrigins: ["https://apps.example.com"] }),
    );
    expect(https).toMatchObject({ code: 400, message: expect.stringMatching(/allSSL/) });
    expect((await security.getConfig()).allowedOrigins).toEqual([]);
    expect((await arcgisFailure(security.setConfig({ mfaEnabled: true }))).message).toMatch(
      /mfaEnabled/,
    );
    expect((await arcgisFailure(security.setConfig({ canSignInIDP: true }))).message).toMatch(
      /canSignInIDP/,
    );
    expect((await arcgisFailure(security.setConfig({ canSignInArcGIS: false }))).message).toMatch(
      /canSignInArcGIS/,
    );
    // Saying what already holds is no change, and is accepted.
    expect(await security.setConfig({ allSSL: false, canSignInArcGIS: true })).toBe(true);
    const origin = await arcgisFailure(
      security.setConfig({ allowedOrigins: ["ftp://files.example.com"] }),
    );
    expect(origin.message).toMatch(/allowedOrigins/);
  });

  it("checks the settings before any request", async () => {
    const security = org.admin.admin.security;
    await expect(
      security.setConfig({ allowedOrigins: "https://a.example.com" } as never),
    ).rejects.toThrow(/config.allowedOrigins/);
    await expect(security.setConfig({ access: "world" } as never)).rejects.toThrow(/config.access/);
    await expect(security.setConfig({ sso: true } as never)).rejects.toThrow(
      /config.sso: not a security setting/,
    );
  });

  it("refuses a non-administrator and an anonymous caller", async () => {
    const attempt = { allowedOrigins: ["https://mine.example.com"] };
    expect((await arcgisFailure(org.user.admin.security.setConfig(attempt))).code).toBe(403);
    expect((await arcgisFailure(org.publisher.admin.security.setConfig(attempt))).code).toBe(403);
    expect((await arcgisFailure(org.anonymous.admin.security.setConfig(attempt))).code).toBe(499);
    expect((await org.admin.admin.security.getConfig()).allowedOrigins).toEqual([]);
  });
});
