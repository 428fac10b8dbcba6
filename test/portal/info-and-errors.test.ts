import { startTestPortal, type PortalClient } from "./helpers";

describe("portal info and error format", () => {
  let client: PortalClient;
  beforeAll(async () => {
    client = await startTestPortal();
  });
  afterAll(() => client.portal.close());

  it("serves /sharing/rest and /sharing/rest/info like the real API", async () => {
    expect(await client.get("")).toEqual({ currentVersion: "2025.1" });
    const info = await client.get("/info");
    expect(info).toMatchObject({
      currentVersion: "2025.1",
      owningSystemUrl: client.portal.url,
      authInfo: { isTokenBasedSecurity: true, tokenServicesUrl: `${client.rest}/generateToken` },
    });
    expect(typeof info.fullVersion).toBe("string");
  });

  it("pretty-prints with f=pjson", async () => {
    const text = await (await fetch(`${client.rest}/info?f=pjson`)).text();
    expect(text).toContain('\n  "currentVersion": "2025.1"');
  });

  it("answers unknown REST routes with an ArcGIS error and HTTP 200", async () => {
    expect(await client.get("/no/such/thing")).toEqual({
      error: { code: 400, message: "Invalid URL", details: [] },
    });
    const outside = await fetch(`${client.portal.url}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { code: number } }).error.code).toBe(404);
  });

  it("names the parameter when a value is malformed", async () => {
    const token = await client.tokenFor("boss", "boss-password-1");
    const badJson = await client.post("/portals/self/update", { token, defaultExtent: "{oops" });
    expect(badJson.error).toMatchObject({
      code: 400,
      message: "Invalid parameter 'defaultExtent'.",
    });
    const badBoolean = await client.post("/portals/self/update", { token, canSharePublic: "yes" });
    expect(badBoolean.error?.message).toContain("canSharePublic");
    const badExpiration = await client.post("/generateToken", {
      username: "boss",
      password: "boss-password-1",
      expiration: "soon",
    });
    expect(badExpiration.error?.message).toContain("expiration");
  });

  it("reports a broken JSON body as an ArcGIS error, not a 500", async () => {
    const response = await fetch(`${client.rest}/portals/self`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { error: { code: number } };
    expect(body.error.code).toBe(400);
  });

  it("accepts multipart/form-data bodies", async () => {
    const form = new FormData();
    form.append("f", "json");
    form.append("username", "boss");
    form.append("password", "boss-password-1");
    const response = await fetch(`${client.rest}/generateToken`, { method: "POST", body: form });
    const body = (await response.json()) as { token?: string };
    expect(typeof body.token).toBe("string");
  });
});
