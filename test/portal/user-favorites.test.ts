import { ADMIN, type PortalClient, startTestPortal } from "./helpers";

type Json = Record<string, unknown>;

// Every user has a favorites group (favGroupId), as on ArcGIS Online: a private group of their
// own that only its id reaches, and that goes when the user goes.
describe("favorites groups", () => {
  let client: PortalClient;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    client = await startTestPortal({ demo: true });
    admin = await client.tokenFor(ADMIN.username, ADMIN.password);
    user = await client.tokenFor("user", "tsgis-user-1");
  });

  afterAll(async () => {
    await client?.portal.close();
  });

  it("names the same private group of the user's own in every full view", async () => {
    const self = await client.get("/community/self", { token: user });
    const favGroupId = self.favGroupId as string;
    expect(typeof favGroupId).toBe("string");
    expect((await client.get("/community/users/user", { token: user })).favGroupId).toBe(
      favGroupId,
    );
    expect((await client.get("/community/users/user", { token: admin })).favGroupId).toBe(
      favGroupId,
    );
    const portal = await client.get("/portals/self", { token: user });
    expect((portal.user as Json).favGroupId).toBe(favGroupId);
    const group = await client.get(`/community/groups/${favGroupId}`, { token: user });
    expect(group).toMatchObject({ id: favGroupId, owner: "user", isFav: true, access: "private" });
  });

  it("shows favorites groups in no search, membership list or title check", async () => {
    const self = await client.get("/community/self", { token: user });
    expect((self.groups as Json[]).map((group) => group.id)).not.toContain(self.favGroupId);
    const found = await client.get("/community/groups", { q: "title:Favorites", token: admin });
    expect(found.total).toBe(0);
    const created = await client.post("/community/createGroup", {
      token: admin,
      title: "Favorites",
      access: "org",
    });
    expect(created.success).toBe(true);
  });

  it("deletes the favorites group with its user, whom it does not hold back", async () => {
    const favGroupId = (await client.get("/community/self", { token: user })).favGroupId as string;
    const deleted = await client.post("/community/users/user/delete", { token: admin });
    expect(deleted).toMatchObject({ success: true, username: "user" });
    const group = await client.get(`/community/groups/${favGroupId}`, { token: admin });
    expect(group.error).toMatchObject({ code: 400 });
  });
});
