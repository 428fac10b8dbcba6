import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { User, type GIS } from "tsgis";
import { arcgisFailure, DEMO, startTestOrg, type TestOrg } from "./helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("users: UserManager, User, InvitationManager against the portal", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-users-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function member(
    username: string,
    options: Parameters<GIS["users"]["create"]>[5] = {},
  ): Promise<User> {
    const user = await org.admin.users.create(
      username,
      `${username}-pass-1`,
      "First",
      "Last",
      `${username}@example.com`,
      options,
    );
    if (!user) throw new Error(`could not create ${username}`);
    return user;
  }

  it("creates members with role, user type, credits, groups and thumbnail", async () => {
    const group = (await org.admin.groups.create("Newcomers", "new", { access: "org" }))!;
    const thumbnail = path.join(folder, "face.png");
    fs.writeFileSync(thumbnail, PNG);
    const user = await member("creator1", {
      role: "org_publisher",
      userType: "creator",
      credits: 250,
      groups: [group],
      description: "Made by a test",
      thumbnail,
    });
    expect(user).toBeInstanceOf(User);
    expect(user.toJSON()).toMatchObject({
      username: "creator1",
      fullName: "First Last",
      email: "creator1@example.com",
      role: "org_publisher",
      roleId: "org_publisher",
      userLicenseTypeId: "creatorUT",
      assignedCredits: 250,
      description: "Made by a test",
      thumbnail: "face.png",
    });
    expect((await user.getGroups()).map((g) => g.title)).toEqual(["Newcomers"]);
    expect(await user.getThumbnail()).toEqual(PNG);
    const saved = await user.downloadThumbnail({ saveFolder: folder + "/dl" });
    expect(fs.readFileSync(saved!)).toEqual(PNG);
    expect(await user.deleteThumbnail()).toBe(true);
    expect(user.thumbnail).toBeNull();
    expect(await user.getThumbnail()).toBeNull();
    expect(inspect(user)).toBe("<User username:creator1>");
    expect(user._repr_html_()).toContain("First Last");

    const viewer = await member("viewer2", { role: "viewer", userType: "viewer" });
    expect(viewer.toJSON()).toMatchObject({
      roleId: "iAAAAAAAAAAAAAAA",
      level: "1",
      userLicenseTypeId: "viewerUT",
    });
  });

  it("refuses bad input before sending, and creation by non-administrators", async () => {
    await expect(org.admin.users.create("abc", "x-password", "A", "B", "a@b.c")).rejects.toThrow(
      RangeError,
    );
    await expect(org.admin.users.create("abcdef", "short", "A", "B", "a@b.c")).rejects.toThrow(
      /password/,
    );
    await expect(
      org.admin.users.create("abcdef", "long-enough", "A", "B", "not-mail"),
    ).rejects.toThrow(/email/);
    await expect(
      org.admin.users.create("abcdef", "long-enough", "A", "B", "a@b.c", { level: 3 }),
    ).rejects.toThrow(/level/);
    await expect(
      org.admin.users.create("abcdef", "long-enough", "A", "B", "a@b.c", { role: 5 as never }),
    ).rejects.toThrow(/role/);
    const denied = await arcgisFailure(
      org.user.users.create("sneaky1", "sneaky-pass", "S", "N", "s@example.com"),
    );
    expect(denied.code).toBe(403);
    const incompatible = await arcgisFailure(
      org.admin.users.create("mismatch1", "mismatch-pass", "M", "M", "m@example.com", {
        role: "org_admin",
        userType: "viewer",
      }),
    );
    expect(incompatible.code).toBe(400);
    expect(await org.admin.users.get("mismatch1")).toBeNull();
    expect(
      await org.admin.users.create("creator1", "another-pass", "C", "C", "c@example.com"),
    ).toBeNull();
  });

  it("gets users by username or id, null when unknown or hidden", async () => {
    const user = (await org.admin.users.get("user"))!;
    expect(user.fullName).toBe("Uma User");
    expect((await org.admin.users.get(user.id!))?.username).toBe("user");
    expect(await org.admin.users.get("no_such_user")).toBeNull();
    expect(await org.anonymous.users.get("user")).toBeNull();
    await expect(org.admin.users.get("")).rejects.toThrow(TypeError);
  });

  it("searches within the organisation, pages, filters by role and user type", async () => {
    for (let index = 0; index < 7; index++) await member(`bulk_user_${index}`);
    const all = await org.admin.users.search(null, { maxUsers: -1 });
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.map((u) => u.username)).toEqual(
      [...all.map((u) => u.username)].sort((a, b) =>
        a.toLowerCase().localeCompare(b.toLowerCase()),
      ),
    );
    const three = await org.admin.users.search("username:bulk_user_*", {
      maxUsers: 3,
      sortOrder: "desc",
    });
    expect(three.map((u) => u.username)).toEqual(["bulk_user_6", "bulk_user_5", "bulk_user_4"]);
    const publishers = await org.user.users.search("", { role: "org_publisher", maxUsers: -1 });
    expect(publishers.map((u) => u.username).sort()).toEqual(["creator1", "publisher"]);
    const viewers = await org.admin.users.search("", { userType: "viewer" });
    expect(viewers.map((u) => u.username)).toEqual(["viewer2"]);
    expect(await org.anonymous.users.search("", { outsideOrg: true })).toEqual([]);
    await expect(org.admin.users.search("", { maxUsers: 1.5 })).rejects.toThrow(RangeError);
    await expect(org.admin.users.search("", { sortOrder: "sideways" as never })).rejects.toThrow(
      RangeError,
    );
  });

  it("advanced search returns counts, dicts or users from any start", async () => {
    expect(
      await org.admin.users.advancedSearch("username:bulk_user_*", { returnCount: true }),
    ).toBe(7);
    const page = (await org.admin.users.advancedSearch("username:bulk_user_*", {
      maxUsers: 2,
      start: 3,
      asDict: true,
    })) as {
      results: { username: string }[];
      nextStart: number;
      total: number;
    };
    expect(page.results.map((u) => u.username)).toEqual(["bulk_user_2", "bulk_user_3"]);
    expect(page).toMatchObject({ total: 7, nextStart: 5 });
    const users = (await org.admin.users.advancedSearch("username:bulk_user_*", {
      maxUsers: -1,
    })) as { results: User[] };
    expect(users.results).toHaveLength(7);
    expect(users.results[0]).toBeInstanceOf(User);
    await expect(org.admin.users.advancedSearch(5 as never)).rejects.toThrow(TypeError);
    await expect(org.admin.users.advancedSearch("x", { start: 0 })).rejects.toThrow(RangeError);
  });

  it("updates profiles: own ones, and others' only as an administrator", async () => {
    const mine = org.user.users.me!;
    expect(
      await mine.update({
        description: "Field analyst",
        tags: ["field", "gis"],
        access: "org",
        preferredView: "GIS",
      }),
    ).toBe(true);
    expect(mine.toJSON()).toMatchObject({
      description: "Field analyst",
      tags: ["field", "gis"],
      preferredView: "GIS",
    });
    const other = (await org.user.users.get("publisher"))!;
    expect((await arcgisFailure(other.update({ description: "hacked" }))).code).toBe(403);
    const asAdmin = (await org.admin.users.get("publisher"))!;
    expect(await asAdmin.update({ firstName: "Patricia" })).toBe(true);
    expect(asAdmin.firstName).toBe("Patricia");
    await expect(mine.update({ access: "everyone" as never })).rejects.toThrow(RangeError);
    await expect(mine.update({ securityQuestion: 3 })).rejects.toThrow(/securityAnswer/);
    await expect(mine.update({ securityQuestion: 20, securityAnswer: "x" })).rejects.toThrow(
      RangeError,
    );
    expect(await mine.update({ securityQuestion: 3, securityAnswer: "Ford" })).toBe(true);
  });

  it("changes roles, levels and user types with the privilege rules", async () => {
    const target = await member("promoted1");
    expect(await target.updateRole("org_publisher")).toBe(true);
    expect(target.role).toBe("org_publisher");
    expect(target.privileges).toContain("portal:publisher:publishFeatures");
    expect((await arcgisFailure(target.updateLicenseType("viewer"))).code).toBe(400);
    expect(await target.updateRole("viewer")).toBe(true);
    expect(target.level).toBe("1");
    expect(await target.updateLicenseType("viewer")).toBe(true);
    expect(target.userLicenseTypeId).toBe("viewerUT");
    expect((await arcgisFailure(target.updateRole("org_admin"))).code).toBe(400);
    expect(await target.updateLicenseType("creatorUT")).toBe(true);
    expect(await target.updateLevel(2)).toBe(true);
    expect(target.level).toBe("2");
    const types = await target.userTypes();
    expect(types).toMatchObject({ userLicenseType: { id: "creatorUT" } });
    expect((await target.getBundles()).map((b) => b.id)).toContain("fieldAppsBundle");
    expect(await target.getProvisions()).toEqual([]);
    const asUser = (await org.user.users.get("promoted1"))!;
    expect((await arcgisFailure(asUser.updateRole("org_admin"))).code).toBe(403);
    expect((await arcgisFailure(asUser.updateLevel(1))).code).toBe(403);
    expect((await arcgisFailure(org.admin.users.me!.updateRole("org_user"))).code).toBe(400);
    await expect(target.updateLevel(3)).rejects.toThrow(RangeError);
    await expect(target.updateRole("" as never)).rejects.toThrow(TypeError);
    await expect(target.updateLicenseType(7 as never)).rejects.toThrow(TypeError);
  });

  it("resets passwords: with the current one for oneself, directly as an administrator", async () => {
    const target = await member("resetme1");
    const gis = await org.connect("resetme1", "resetme1-pass-1");
    const me = gis.users.me!;
    expect(
      (await arcgisFailure(me.reset({ password: "wrong-pass", newPassword: "next-pass-1" }))).code,
    ).toBe(400);
    const oldToken = (await gis.session.auth.token(gis.session)) as string;
    expect(await me.reset({ password: "resetme1-pass-1", newPassword: "next-pass-1" })).toBe(true);
    await expect(org.connect("resetme1", "resetme1-pass-1")).rejects.toThrow();
    // A new password ends the sessions of the old one, the caller's own included.
    const self = await fetch(
      `${org.portal.url}/sharing/rest/community/self?f=json&token=${oldToken}`,
    );
    expect(((await self.json()) as { error?: { code: number } }).error?.code).toBe(498);
    expect(await target.reset({ newPassword: "admin-set-pass-1" })).toBe(true);
    const again = await org.connect("resetme1", "admin-set-pass-1");
    expect(again.users.me?.username).toBe("resetme1");
    const meAgain = again.users.me!;
    expect(await meAgain.reset({ resetByEmail: true })).toBe(true);
    await expect(meAgain.reset({})).rejects.toThrow(/newPassword/);
    await expect(meAgain.reset({ resetByEmail: true, password: "x" })).rejects.toThrow(/password/);
    const other = (await org.user.users.get("resetme1"))!;
    expect((await arcgisFailure(other.reset({ newPassword: "stolen-pass-1" }))).code).toBe(403);
  });

  it("disables and enables members, one by one and in bulk", async () => {
    const target = await member("toggle1");
    const second = await member("toggle2");
    expect(await target.disable()).toBe(true);
    expect(target.disabled).toBe(true);
    await expect(org.connect("toggle1", "toggle1-pass-1")).rejects.toThrow();
    expect(await target.enable()).toBe(true);
    expect((await org.connect("toggle1", "toggle1-pass-1")).users.me?.username).toBe("toggle1");
    expect(await org.admin.users.disableUsers([target, "toggle2"])).toBe(true);
    expect((await org.admin.users.get("toggle2"))?.disabled).toBe(true);
    expect(await org.admin.users.enableUsers(["toggle1", second])).toBe(true);
    expect((await org.admin.users.get("toggle2"))?.disabled).toBe(false);
    expect(await org.admin.users.disableUsers(["admin"])).toBe(false);
    expect((await arcgisFailure(org.user.users.disableUsers("toggle1"))).code).toBe(403);
    const asUser = (await org.user.users.get("toggle1"))!;
    expect((await arcgisFailure(asUser.disable())).code).toBe(403);
    await expect(org.admin.users.enableUsers([])).rejects.toThrow(TypeError);
  });

  it("invites by e-mail and manages the invitations", async () => {
    expect(
      await org.admin.users.invite("someone@example.com", {
        role: "org_publisher",
        expiration: "1 Week",
      }),
    ).toBe(true);
    const invitations = await org.admin.users.invitations.list();
    const invitation = invitations.find((i) => i.email === "someone@example.com")!;
    expect(invitation).toMatchObject({ role: "org_publisher", level: "2" });
    expect(await org.admin.users.invitations.get(invitation.id as string)).toMatchObject({
      email: "someone@example.com",
    });
    expect(await org.admin.users.invitations.delete(invitation.id as string)).toBe(true);
    expect(await org.admin.users.invitations.get(invitation.id as string)).toBeNull();
    expect((await arcgisFailure(org.user.users.invite("x@example.com"))).code).toBe(403);
    expect((await arcgisFailure(org.user.users.invitations.list())).code).toBe(403);
    await expect(org.admin.users.invite("not an address")).rejects.toThrow(/email/);
    await expect(
      org.admin.users.invite("a@b.co", { expiration: "1 Month" as never }),
    ).rejects.toThrow(RangeError);
    await expect(org.admin.users.invitations.get("")).rejects.toThrow(TypeError);
  });

  it("signs up new users only where the portal allows it", async () => {
    expect(
      (
        await arcgisFailure(
          org.anonymous.users.signup("newbie", "newbie-pass-1", "New Bie", "n@example.com"),
        )
      ).code,
    ).toBe(400);
    await org.admin.updateProperties({ portalProperties: { allowSelfSignup: true } });
    const user = await org.anonymous.users.signup(
      "newbie",
      "newbie-pass-1",
      "New Bie",
      "n@example.com",
    );
    expect(user?.username).toBe("newbie");
    expect((await org.connect("newbie", "newbie-pass-1")).users.me?.role).toBe("org_user");
    await expect(
      org.anonymous.users.signup("nb", "newbie-pass-1", "N", "n@example.com"),
    ).rejects.toThrow(RangeError);
  });

  it("sends notifications that users read", async () => {
    expect(
      await org.admin.users.sendNotification(
        ["user", org.publisher.users.me!],
        "Maintenance",
        "Tonight at six",
      ),
    ).toBe(true);
    const notes = await org.user.users.me!.getNotifications();
    expect(notes[0]).toMatchObject({
      type: "builtin_message",
      data: { subject: "Maintenance", message: "Tonight at six" },
    });
    expect(
      (await arcgisFailure(org.user.users.sendNotification(["publisher"], "Hi", "there"))).code,
    ).toBe(403);
    const others = (await org.user.users.get("publisher"))!;
    expect((await arcgisFailure(others.getNotifications())).code).toBe(403);
    await expect(
      org.admin.users.sendNotification(["user"], "x", "y", { type: "push" }),
    ).rejects.toThrow(/clientId/);
  });

  it("reports groups per user, counts and licence types", async () => {
    const group = (await org.admin.groups.create("Reporting", "r", { access: "org" }))!;
    await group.addUsers(["user"]);
    const report = await org.admin.users.userGroups(["user", "admin"]);
    expect(report.find((r) => r.username === "user")?.groups).toContain(group.id);
    expect(report.find((r) => r.username === "admin")?.groups).toContain(group.id);
    const byType = await org.admin.users.counts({ type: "user_type", asDf: false });
    expect(byType.find((row) => row.key === "viewerUT")?.count).toBeGreaterThanOrEqual(1);
    const byRole = await org.admin.users.counts({ type: "role" });
    expect(byRole.find((row) => row.key === "org_admin")?.count).toBe(2);
    const types = await org.user.users.getLicenseTypes();
    expect(types.map((t) => t.id)).toEqual(["creatorUT", "editorUT", "viewerUT"]);
    expect((await arcgisFailure(org.user.users.counts())).code).toBe(403);
    // Members do not see a colleague's groups; only administrators do.
    expect(await org.user.users.userGroups(["admin"])).toEqual([{ username: "admin", groups: [] }]);
    expect((await arcgisFailure(org.anonymous.users.userGroups(["admin"]))).code).toBe(400);
    await expect(org.admin.users.counts({ type: "apps" as never })).rejects.toThrow(RangeError);
  });

  it("keeps defaults for new members in the user settings", async () => {
    const group = (await org.admin.groups.create("Everyone new", "n", { access: "org" }))!;
    expect(
      await org.admin.users.setUserSettings({
        role: "org_publisher",
        userLicenseType: "creator",
        groups: [group],
        userType: "both",
      }),
    ).toBe(true);
    expect(await org.admin.users.getUserSettings()).toEqual({
      role: "org_publisher",
      userLicenseType: "creatorUT",
      groups: [group.id],
      userType: "both",
    });
    const fresh = await member("defaulted1");
    expect((await fresh.getGroups()).map((g) => g.id)).toContain(group.id);
    expect(fresh.esriAccess).toBe(true);
    expect(await org.admin.users.setUserSettings(null)).toBe(true);
    expect(await org.admin.users.getUserSettings()).toEqual({});
    expect((await arcgisFailure(org.user.users.getUserSettings())).code).toBe(403);
    await expect(org.admin.users.setUserSettings([] as never)).rejects.toThrow(TypeError);
  });

  it("grants Esri access as an administrator, never to oneself", async () => {
    const target = await member("esri_user1");
    expect(target.esriAccess).toBe(false);
    expect(await target.setEsriAccess(true)).toBe(true);
    expect(target.esriAccess).toBe(true);
    const gis = await org.connect("esri_user1", "esri_user1-pass-1");
    expect((await arcgisFailure(gis.users.me!.setEsriAccess(false))).code).toBe(403);
    await expect(target.setEsriAccess("yes" as never)).rejects.toThrow(TypeError);
  });

  it("links and unlinks accounts", async () => {
    await member("linked1");
    const other = await org.connect("linked1", "linked1-pass-1");
    const me = org.user.users.me!;
    expect(await me.linkAccount("linked1", other)).toBe(true);
    expect((await me.getLinkedAccounts()).map((u) => u.username)).toEqual(["linked1"]);
    expect((await other.users.me!.getLinkedAccounts()).map((u) => u.username)).toEqual(["user"]);
    expect(await me.unlinkAccount("linked1")).toBe(true);
    expect(await me.getLinkedAccounts()).toEqual([]);
    expect((await arcgisFailure(me.unlinkAccount("linked1"))).code).toBe(400);
    await expect(me.linkAccount("someone_else", other)).rejects.toThrow(/userGis/);
    await expect(me.linkAccount("linked1", org.anonymous)).rejects.toThrow(/userGis/);
  });

  it("deletes users, refusing owners of content unless it is reassigned", async () => {
    const leaver = await member("leaver1");
    const gis = await org.connect("leaver1", "leaver1-pass-1");
    const group = (await gis.groups.create("Leaver's group", "l", { access: "org" }))!;
    const refused = await arcgisFailure(leaver.delete());
    expect(refused.message).toMatch(/own/);
    expect((await arcgisFailure((await org.user.users.get("leaver1"))!.delete())).code).toBe(403);
    expect(await leaver.delete({ reassignTo: "admin" })).toBe(true);
    expect(await org.admin.users.get("leaver1")).toBeNull();
    expect((await org.admin.groups.get(group.id))?.owner).toBe("admin");
    const plain = await member("leaver2");
    expect(await plain.delete()).toBe(true);
    await expect(plain.delete({ reassignTo: 5 as never })).rejects.toThrow(TypeError);
    void DEMO;
  });
});
