import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { ArcGISError, Group, GroupApplication } from "tsgis";
import { arcgisFailure, startTestOrg, type TestOrg } from "./helpers";

// A 1×1 PNG, enough for the portal to accept as a thumbnail.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("groups: GroupManager, Group, GroupApplication against the portal", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-groups-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("creates a group with every option and reads it back", async () => {
    const thumbnail = path.join(folder, "crew.png");
    fs.writeFileSync(thumbnail, PNG);
    const group = await org.admin.groups.create("Field crews", ["field", "crews"], {
      description: "Crews working outdoors",
      snippet: "Outdoor crews",
      access: "org",
      thumbnail,
      isInvitationOnly: false,
      sortField: "title",
      sortOrder: "asc",
      isViewOnly: true,
      autoJoin: false,
      providerGroupName: "crews",
      provider: "enterprise",
      maxFileSize: 2048,
      usersUpdateItems: true,
    });
    expect(group).toBeInstanceOf(Group);
    const fetched = await org.admin.groups.get(group!.id);
    expect(fetched?.toJSON()).toMatchObject({
      title: "Field crews",
      tags: ["field", "crews"],
      owner: "admin",
      access: "org",
      description: "Crews working outdoors",
      snippet: "Outdoor crews",
      sortField: "title",
      sortOrder: "asc",
      isViewOnly: true,
      provider: "enterprise",
      providerGroupName: "crews",
      maxFileSize: 2048,
      capabilities: ["updateitemcontrol"],
      thumbnail: "crew.png",
      userMembership: { username: "admin", memberType: "owner" },
    });
    expect(fetched?.title).toBe("Field crews");
    expect(await fetched!.getThumbnail()).toEqual(PNG);
    const saved = await fetched!.downloadThumbnail({ saveFolder: path.join(folder, "out") });
    expect(fs.readFileSync(saved!)).toEqual(PNG);
    expect(inspect(fetched)).toBe('<Group title:"Field crews" owner:admin>');
    expect(fetched!._repr_html_()).toContain("Field crews");
    expect(fetched!.homepage).toBe(`${org.portal.url}/home/group.html?id=${group!.id}`);
    // refresh() resolves with the group itself, as Item.refresh() does.
    await group!.update({ snippet: "Crews, refreshed" });
    expect(await fetched!.refresh()).toBe(fetched);
    expect(fetched!.snippet).toBe("Crews, refreshed");
  });

  it("defaults to a public group and creates from a dictionary", async () => {
    const group = await org.publisher.groups.createFromDict({ title: "Publishers", tags: "pub" });
    expect(group?.access).toBe("public");
    expect(group?.owner).toBe("publisher");
    await expect(org.publisher.groups.createFromDict({ tags: "x" })).rejects.toThrow(/title/);
  });

  it("refuses duplicate titles, missing privileges and bad input", async () => {
    await org.user.groups.create("Uma's group", "mine", { access: "private" });
    expect((await arcgisFailure(org.user.groups.create("Uma's group", "again"))).code).toBe(400);
    const viewer = await org.admin.users.create(
      "viewer1",
      "viewer-pass-1",
      "Vi",
      "Ewer",
      "vi@example.com",
      {
        role: "viewer",
        userType: "viewerUT",
      },
    );
    expect(viewer).not.toBeNull();
    const viewerGis = await org.connect("viewer1", "viewer-pass-1");
    const denied = await arcgisFailure(viewerGis.groups.create("Nope", "x", { access: "private" }));
    expect(denied).toMatchObject({ code: 403 });
    await expect(org.admin.groups.create("", "x")).rejects.toThrow(TypeError);
    await expect(org.admin.groups.create("T", 5 as never)).rejects.toThrow(/tags/);
    await expect(
      org.admin.groups.create("T", "x", { access: "everyone" as never }),
    ).rejects.toThrow(RangeError);
    await expect(org.admin.groups.create("T", "x", { thumbnail: "/no/such.png" })).rejects.toThrow(
      /thumbnail/,
    );
  });

  it("gets groups by id, hides private ones and answers null for unknown ids", async () => {
    const secret = await org.admin.groups.create("Secret", "s", { access: "private" });
    expect(await org.user.groups.get(secret!.id)).toBeNull();
    expect(await org.anonymous.groups.get(secret!.id)).toBeNull();
    expect(await org.admin.groups.get("0123456789abcdef0123456789abcdef")).toBeNull();
    await expect(org.admin.groups.get("")).rejects.toThrow(TypeError);
  });

  it("searches with the query syntax, sorts and pages", async () => {
    for (let index = 0; index < 12; index++) {
      await org.publisher.groups.create(`Paged ${String(index).padStart(2, "0")}`, ["paged"], {
        access: "org",
      });
    }
    const all = await org.user.groups.search("tags:paged", { maxGroups: -1 });
    expect(all).toHaveLength(12);
    expect(all.map((g) => g.title)).toEqual([...all.map((g) => g.title)].sort());
    const few = await org.user.groups.search("tags:paged", { maxGroups: 5, sortOrder: "desc" });
    expect(few.map((g) => g.title)).toEqual([
      "Paged 11",
      "Paged 10",
      "Paged 09",
      "Paged 08",
      "Paged 07",
    ]);
    const either = await org.admin.groups.search('title:"Paged 03" OR title:Secret');
    expect(either.map((g) => g.title).sort()).toEqual(["Paged 03", "Secret"]);
    const notPaged = await org.admin.groups.search("owner:publisher AND NOT tags:paged");
    expect(notPaged.map((g) => g.title)).toEqual(["Publishers"]);
    const anonymous = await org.anonymous.groups.search("", { outsideOrg: true });
    expect(anonymous.every((g) => g.access === "public")).toBe(true);
    expect((await org.user.groups.search("title:Secret")).length).toBe(0);
    await expect(org.user.groups.search("x", { maxGroups: -5 })).rejects.toThrow(RangeError);
    await expect(org.user.groups.search("x", { sortField: "colour" })).rejects.toThrow(RangeError);
    expect((await arcgisFailure(org.user.groups.search("title:(open"))).code).toBe(400);
  });

  it("updates only the given fields, clears empty ones on request, and refuses non-managers", async () => {
    const group = (await org.publisher.groups.create("Updatable", "u", {
      snippet: "short",
      description: "long",
      access: "org",
    }))!;
    expect(await group.update({ title: "Updated", tags: "a,b", description: "" })).toBe(true);
    expect(group.title).toBe("Updated");
    expect(group.tags).toEqual(["a", "b"]);
    expect(group.description).toBe("long");
    expect(await group.update({ description: "", clearEmptyFields: true })).toBe(true);
    expect(group.description).toBeNull();
    expect(group.snippet).toBe("short");
    const asUser = (await org.user.groups.get(group.id))!;
    expect((await arcgisFailure(asUser.update({ title: "Hijack" }))).code).toBe(403);
    const asAdmin = (await org.admin.groups.get(group.id))!;
    expect(await asAdmin.update({ snippet: "admin edit" })).toBe(true);
    await expect(group.update({ sortOrder: "up" as never })).rejects.toThrow(RangeError);
    await expect(group.update({ isViewOnly: "yes" as never })).rejects.toThrow(TypeError);
  });

  it("adds and removes users, reporting who was not added or removed", async () => {
    const group = (await org.publisher.groups.create("Members", "m", { access: "org" }))!;
    expect(await group.addUsers(["user", "nobody-here"])).toEqual({ notAdded: ["nobody-here"] });
    expect(await group.getMembers()).toEqual({
      owner: "publisher",
      admins: ["publisher"],
      users: ["user"],
    });
    expect(await group.removeUsers(["user", "publisher", "ghost"])).toEqual({
      notRemoved: ["publisher", "ghost"],
    });
    expect((await group.getMembers()).users).toEqual([]);
    const asUser = (await org.user.groups.get(group.id))!;
    expect((await arcgisFailure(asUser.addUsers("user"))).code).toBe(403);
    expect((await arcgisFailure(asUser.getMembers())).code).toBe(403);
    await expect(group.addUsers([])).rejects.toThrow(TypeError);
    await expect(group.addUsers([42 as never])).rejects.toThrow(/usernames/);
  });

  it("invites users, who accept from their invitations", async () => {
    const group = (await org.admin.groups.create("Invited", "i", { access: "private" }))!;
    expect(await group.inviteUsers(["user"], { role: "group_admin", expiration: 60 })).toBe(true);
    const invitations = await org.user.session.get<{
      userInvitations: { id: string; role: string }[];
    }>("community/users/user/invitations");
    expect(invitations.userInvitations).toHaveLength(1);
    expect(invitations.userInvitations[0].role).toBe("group_admin");
    await org.user.session.post(
      `community/users/user/invitations/${invitations.userInvitations[0].id}/accept`,
    );
    expect((await group.getMembers()).admins).toContain("user");
    const asPublisher = await org.publisher.groups.get(group.id);
    expect(asPublisher).toBeNull();
    await expect(group.inviteUsers(["user"], { role: "boss" as never })).rejects.toThrow(
      RangeError,
    );
    await expect(group.inviteUsers(["user"], { expiration: 0 })).rejects.toThrow(RangeError);
  });

  it("keeps the deprecated inviteByEmail, with a warning", async () => {
    const group = (await org.admin.groups.create("By email", "e", { access: "org" }))!;
    const emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      expect(await group.inviteByEmail("nobody@example.com", "Join us")).toBe(true);
      expect(await group.inviteByEmail("nobody@example.com", "Join us")).toBe(true);
      expect(emitWarning).toHaveBeenCalledTimes(1);
      expect(String(emitWarning.mock.calls[0][0])).toMatch(/deprecated.*inviteUsers/);
    } finally {
      emitWarning.mockRestore();
    }
    await expect(group.inviteByEmail("", "x")).rejects.toThrow(TypeError);
    await expect(
      group.inviteByEmail("a@b.c", "x", { expiration: "1 Year" as never }),
    ).rejects.toThrow(RangeError);
  });

  it("lets users apply to join; managers accept or decline; members leave", async () => {
    const group = (await org.publisher.groups.create("Open house", "o", { access: "org" }))!;
    const asUser = (await org.user.groups.get(group.id))!;
    expect(await asUser.join()).toBe(true);
    expect((await arcgisFailure(asUser.join())).code).toBe(400);
    expect((await arcgisFailure(asUser.getApplications())).code).toBe(403);
    const applications = await group.getApplications();
    expect(applications).toHaveLength(1);
    expect(applications[0]).toBeInstanceOf(GroupApplication);
    expect(applications[0].properties).toMatchObject({ username: "user", fullName: "Uma User" });
    expect(await applications[0].accept()).toBe(true);
    expect((await group.getMembers()).users).toEqual(["user"]);
    expect(await asUser.leave()).toBe(true);
    expect((await arcgisFailure(asUser.leave())).code).toBe(400);
    expect((await arcgisFailure(group.leave())).code).toBe(400);

    await asUser.join();
    const [again] = await group.getApplications();
    expect(await again.decline()).toBe(true);
    expect(await group.getApplications()).toEqual([]);
    expect((await group.getMembers()).users).toEqual([]);
    const notifications = await org.user.session.get<{ notifications: { type: string }[] }>(
      "community/users/user/notifications",
    );
    expect(notifications.notifications.map((n) => n.type)).toEqual(
      expect.arrayContaining(["group_application_accepted", "group_application_declined"]),
    );

    const closed = (await org.publisher.groups.create("Invitation only", "c", {
      access: "org",
      isInvitationOnly: true,
    }))!;
    const closedAsUser = (await org.user.groups.get(closed.id))!;
    expect((await arcgisFailure(closedAsUser.join())).code).toBe(403);
    expect(
      (await arcgisFailure(org.anonymous.session.post(`community/groups/${group.id}/join`))).code,
    ).toBe(499);
    expect(() => new GroupApplication("", org.admin)).toThrow(TypeError);
  });

  it("protects groups from deletion and deletes unprotected ones", async () => {
    const group = (await org.publisher.groups.create("Keep me", "k", { access: "org" }))!;
    expect(await group.setProtected(true)).toBe(true);
    expect(group.protected).toBe(true);
    expect((await org.admin.groups.get(group.id))!.protected).toBe(true);
    expect((await arcgisFailure(group.delete())).message).toMatch(/protected/);
    const asUser = (await org.user.groups.get(group.id))!;
    expect((await arcgisFailure(asUser.setProtected(false))).code).toBe(403);
    expect((await arcgisFailure(asUser.delete())).code).toBe(403);
    await expect(group.setProtected("yes" as never)).rejects.toThrow(TypeError);
    expect(await group.setProtected(false)).toBe(true);
    expect(await group.delete()).toBe(true);
    expect(await org.admin.groups.get(group.id)).toBeNull();
  });

  it("reassigns a group to a new owner", async () => {
    const group = (await org.user.groups.create("Handover", "h", { access: "private" }))!;
    expect((await arcgisFailure(group.reassignTo("nobody-at-all"))).code).toBe(400);
    const asPublisher = await org.publisher.groups.get(group.id);
    expect(asPublisher).toBeNull();
    expect(await group.reassignTo("publisher")).toBe(true);
    expect(group.owner).toBe("publisher");
    const members = await (await org.publisher.groups.get(group.id))!.getMembers();
    expect(members.owner).toBe("publisher");
    // As on ArcGIS Online, the old owner stays a plain member, no longer a manager.
    expect(members.admins.sort()).toEqual(["publisher"]);
    expect(members.users).toEqual(["user"]);
    await expect(group.reassignTo(7 as never)).rejects.toThrow(TypeError);
  });

  it("notifies members, and only members", async () => {
    const group = (await org.admin.groups.create("Notified", "n", { access: "org" }))!;
    await group.addUsers("publisher");
    expect(
      await group.notify(["publisher"], "Hello", "Meeting at nine", { method: "builtin" }),
    ).toBe(true);
    const inbox = await org.publisher.session.get<{
      notifications: { type: string; data: unknown }[];
    }>("community/users/publisher/notifications");
    expect(inbox.notifications[0]).toMatchObject({
      type: "group_builtin_message",
      data: { subject: "Hello", message: "Meeting at nine", from: "admin" },
    });
    const outsider = await arcgisFailure(group.notify(["user"], "Hi", "there"));
    expect(outsider).toBeInstanceOf(ArcGISError);
    expect(outsider.code).toBe(400);
    await expect(group.notify(["publisher"], "Hi", "x", { method: "push" })).rejects.toThrow(
      /clientId/,
    );
    await expect(group.notify(["publisher"], "", "x")).rejects.toThrow(/subject/);
  });
});
