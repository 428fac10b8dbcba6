import { ADMIN, startTestPortal, type PortalClient } from "./helpers";

describe("community users", () => {
  let client: PortalClient;
  let adminToken: string;
  let userToken: string;
  beforeAll(async () => {
    client = await startTestPortal({ demo: true });
    adminToken = await client.tokenFor(ADMIN.username, ADMIN.password);
    userToken = await client.tokenFor("user", "tsgis-user-1");
  });
  afterAll(() => client.portal.close());

  it("returns the signed-in user's full JSON from community/self", async () => {
    const self = await client.get("/community/self", { token: userToken });
    expect(self).toMatchObject({
      username: "user",
      role: "org_user",
      roleId: "org_user",
      provider: "arcgis",
      userLicenseTypeId: "creatorUT",
      groups: [],
    });
    expect(self.privileges).toContain("portal:user:createItem");
    expect(self.privileges).not.toContain("portal:admin:viewUsers");
    expect(typeof self.id).toBe("string");
    expect(typeof self.created).toBe("number");
  });

  it("gives publishers and admins their role's privileges", async () => {
    const publisher = await client.get("/community/users/publisher", {
      token: await client.tokenFor("publisher", "tsgis-publisher-1"),
    });
    expect(publisher.role).toBe("org_publisher");
    expect(publisher.privileges).toContain("portal:publisher:publishFeatures");
    const admin = await client.get("/community/self", { token: adminToken });
    expect(admin.privileges).toContain("portal:admin:updateUsers");
  });

  it("shows other members a subset and administrators everything", async () => {
    const seenByUser = await client.get("/community/users/publisher", { token: userToken });
    expect(seenByUser).toMatchObject({ username: "publisher", fullName: "Pat Publisher" });
    expect(seenByUser).not.toHaveProperty("email");
    expect(seenByUser).not.toHaveProperty("privileges");
    const seenByAdmin = await client.get("/community/users/publisher", { token: adminToken });
    expect(seenByAdmin).toHaveProperty("email");
    expect(seenByAdmin).toHaveProperty("privileges");
  });

  it("hides organisation-only profiles from anonymous callers", async () => {
    const anonymous = await client.get("/community/users/publisher");
    expect(anonymous.error).toMatchObject({ code: 400, message: "User not found" });
  });

  it("reports unknown users in the ArcGIS error format", async () => {
    const body = await client.get("/community/users/nobody", { token: adminToken });
    expect(body.error).toMatchObject({ code: 400, message: "User not found", details: [] });
  });
});
