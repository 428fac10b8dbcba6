import os from "node:os";
import { startPortal } from "@tsgis/portal";
import { ADMIN, startTestPortal, type PortalClient } from "./helpers";

describe("generateToken and token checking", () => {
  let client: PortalClient;
  beforeAll(async () => {
    client = await startTestPortal({ tokenLifetimeSeconds: 600 });
  });
  afterAll(() => client.portal.close());

  it("issues a token with its expiry for valid credentials", async () => {
    const before = Date.now();
    const body = await client.post("/generateToken", {
      ...ADMIN,
      client: "referer",
      referer: "http://localhost",
      expiration: "5",
    });
    expect(typeof body.token).toBe("string");
    expect(body.ssl).toBe(false);
    const expires = body.expires as number;
    expect(expires).toBeGreaterThanOrEqual(before + 5 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
  });

  it("caps the expiration at the portal's token lifetime", async () => {
    const body = await client.post("/generateToken", { ...ADMIN, expiration: "20160" });
    expect(body.expires as number).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it("refuses a wrong password with the real API's error", async () => {
    const body = await client.post("/generateToken", { username: "boss", password: "nope" });
    expect(body).toEqual({
      error: {
        code: 400,
        message: "Unable to generate token.",
        details: ["Invalid username or password."],
      },
    });
    const unknown = await client.post("/generateToken", { username: "ghost", password: "x" });
    expect(unknown).toEqual(body);
  });

  it("refuses credentials sent in a GET query string", async () => {
    const body = await client.get("/generateToken", ADMIN);
    expect(body.error?.message).toBe("Unable to generate token.");
  });

  it("accepts the token as a parameter and in either bearer header", async () => {
    const token = await client.tokenFor(ADMIN.username, ADMIN.password);
    expect((await client.get("/community/self", { token })).username).toBe("boss");
    expect((await client.post("/community/self", { token })).username).toBe("boss");
    const esriHeader = { "X-Esri-Authorization": `Bearer ${token}` };
    expect((await client.get("/community/self", {}, esriHeader)).username).toBe("boss");
    const authorization = { Authorization: `Bearer ${token}` };
    expect((await client.get("/community/self", {}, authorization)).username).toBe("boss");
  });

  it("answers 498 for unknown tokens, even on public resources", async () => {
    const invalid = { error: { code: 498, message: "Invalid token.", details: [] } };
    expect(await client.get("/community/self", { token: "forged" })).toEqual(invalid);
    expect(await client.get("/portals/self", { token: "forged" })).toEqual(invalid);
  });

  it("answers 499 when a resource needs a token and none is given", async () => {
    expect(await client.get("/community/self")).toEqual({
      error: { code: 499, message: "Token Required.", details: [] },
    });
  });

  it("refuses a referer-bound token used from another referer", async () => {
    const token = await client.tokenFor(ADMIN.username, ADMIN.password, {
      referer: "https://app.example",
    });
    const elsewhere = await client.get(
      "/community/self",
      { token },
      { Referer: "https://evil.example/" },
    );
    expect(elsewhere.error?.code).toBe(498);
    const same = await client.get(
      "/community/self",
      { token },
      { Referer: "https://app.example/x" },
    );
    expect(same.username).toBe("boss");
  });

  it("expires every token through the test hook", async () => {
    const token = await client.tokenFor(ADMIN.username, ADMIN.password);
    client.portal.expireAllTokens();
    expect((await client.get("/community/self", { token })).error?.code).toBe(498);
    const fresh = await client.tokenFor(ADMIN.username, ADMIN.password);
    expect((await client.get("/community/self", { token: fresh })).username).toBe("boss");
  });
});

/** An address of this host that is not loopback, if the machine has one. */
function externalAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
}

describe("generateToken over plain HTTP from another host", () => {
  const address = externalAddress();
  (address ? it : it.skip)("is refused, while loopback clients are served", async () => {
    const portal = await startPortal({ host: "0.0.0.0", admin: ADMIN });
    try {
      const request = (host: string): Promise<Record<string, unknown>> =>
        fetch(`http://${host}:${portal.port}/sharing/rest/generateToken`, {
          method: "POST",
          body: new URLSearchParams({ ...ADMIN, f: "json" }),
        }).then((response) => response.json() as Promise<Record<string, unknown>>);
      const remote = await request(address as string);
      expect(remote).toMatchObject({ error: { code: 403, message: "SSL Required." } });
      expect(typeof (await request("127.0.0.1")).token).toBe("string");
    } finally {
      await portal.close();
    }
  });
});
