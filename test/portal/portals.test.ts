import { ADMIN, startTestPortal, type PortalClient } from "./helpers";

const DENIED = {
  error: {
    code: 403,
    messageCode: "GWM_0003",
    message: "You do not have permissions to access this resource or perform this operation.",
    details: [],
  },
};

describe("portals/self", () => {
  let client: PortalClient;
  let adminToken: string;
  let userToken: string;
  beforeAll(async () => {
    client = await startTestPortal({ demo: true });
    adminToken = await client.tokenFor(ADMIN.username, ADMIN.password);
    userToken = await client.tokenFor("user", "tsgis-user-1");
  });
  afterAll(() => client.portal.close());

  it("gives anonymous callers the public subset", async () => {
    const self = await client.get("/portals/self");
    expect(self).toMatchObject({ isPortal: true, currentVersion: "2025.1", name: "tsgis portal" });
    expect(typeof self.id).toBe("string");
    expect(self.helperServices).toHaveProperty("geocode");
    expect(self).not.toHaveProperty("user");
    expect(self).not.toHaveProperty("subscriptionInfo");
  });

  it("includes the signed-in user and subscription for members", async () => {
    const self = await client.get("/portals/self", { token: adminToken });
    expect(self.user).toMatchObject({ username: "boss", role: "org_admin", orgId: self.id });
    expect(self.subscriptionInfo).toMatchObject({ state: "active" });
  });

  it("answers under the organisation's id too, and not under another id", async () => {
    const self = await client.get("/portals/self");
    expect((await client.get(`/portals/${String(self.id)}`)).id).toBe(self.id);
    expect((await client.get("/portals/notThisOne")).error?.code).toBe(400);
  });

  it("lets administrators update properties, with clearEmptyFields semantics", async () => {
    const update = await client.post("/portals/self/update", {
      token: adminToken,
      name: "Renamed",
      description: "About us",
      units: "english",
    });
    expect(update.success).toBe(true);
    let self = await client.get("/portals/self");
    expect(self).toMatchObject({ name: "Renamed", description: "About us", units: "english" });

    await client.post("/portals/self/update", { token: adminToken, description: "" });
    expect((await client.get("/portals/self")).description).toBe("About us");

    await client.post("/portals/self/update", {
      token: adminToken,
      description: "",
      clearEmptyFields: "true",
    });
    self = await client.get("/portals/self");
    expect(self.description).not.toBe("About us");
  });

  it("refuses updates from non-administrators and anonymous callers", async () => {
    expect(await client.post("/portals/self/update", { token: userToken, name: "x" })).toEqual(
      DENIED,
    );
    const self = await client.get("/portals/self");
    expect(await client.post(`/portals/${String(self.id)}/update`, { token: userToken })).toEqual(
      DENIED,
    );
    expect((await client.post("/portals/self/update", { name: "x" })).error?.code).toBe(499);
  });

  it("reads and updates organisation settings", async () => {
    const settings = await client.get("/portals/self/settings", { token: userToken });
    expect(settings).toMatchObject({ informationalBanner: {}, anonymousAccessNotice: {} });

    const banner = { text: "Maintenance tonight", bgColor: "orange", enabled: true };
    const update = await client.post("/portals/self/settings/update", {
      token: adminToken,
      informationalBanner: JSON.stringify(banner),
    });
    expect(update.success).toBe(true);
    const after = await client.get("/portals/self/settings", { token: userToken });
    expect(after.informationalBanner).toEqual(banner);

    await client.post("/portals/self/settings/update", {
      token: adminToken,
      informationalBanner: "",
      clearEmptyFields: "true",
    });
    expect(
      (await client.get("/portals/self/settings", { token: adminToken })).informationalBanner,
    ).toEqual({});

    const denied = await client.post("/portals/self/settings/update", {
      token: userToken,
      informationalBanner: "{}",
    });
    expect(denied).toEqual(DENIED);
    const bad = await client.post("/portals/self/settings/update", {
      token: adminToken,
      anonymousAccessNotice: "[1,2]",
    });
    expect(bad.error?.message).toBe("Invalid parameter 'anonymousAccessNotice'.");
  });
});
