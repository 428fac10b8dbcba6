import type { GIS } from "tsgis";
import { arcgisFailure, startTestOrg, type TestOrg } from "./helpers";

/** The Python guides' "accessing and managing users / groups" workflows, and the privilege matrix. */
describe("users and groups workflows and the authorisation matrix", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => org.close());

  it("accessing and managing users: search, custom role, role and user type, reassign, delete", async () => {
    const gis = org.admin;
    expect((await gis.users.search("username:publisher")).map((u) => u.username)).toEqual([
      "publisher",
    ]);
    const role = (await gis.users.roles.create("Analyst", "Analysis without administration", {
      privileges: [
        "portal:user:createItem",
        "portal:user:createGroup",
        "portal:user:joinGroup",
        "portal:user:shareToGroup",
      ],
    }))!;
    const analyst = (await gis.users.create(
      "analyst_1",
      "analyst-pass-1",
      "Ann",
      "Alyst",
      "ann@example.com",
      { role, userType: "creator" },
    ))!;
    expect(analyst.roleId).toBe(role.roleId);
    const analystGis = await org.connect("analyst_1", "analyst-pass-1");
    const item = await analystGis.content.add(
      { title: "Survey notes", type: "CSV", tags: ["survey"] },
      { data: Buffer.from("a,b\n1,2\n") as never },
    );
    const group = (await analystGis.groups.create("Analysts", "analysis", { access: "private" }))!;
    expect(await analyst.updateRole("org_publisher")).toBe(true);
    expect(await analyst.updateLicenseType("creatorUT")).toBe(true);
    expect(analyst.role).toBe("org_publisher");
    expect((await arcgisFailure(analyst.delete())).message).toMatch(/own/);
    expect(await analyst.delete({ reassignTo: "publisher" })).toBe(true);
    expect(await gis.users.get("analyst_1")).toBeNull();
    const moved = (await gis.content.get(item.id))!;
    expect(moved.owner).toBe("publisher");
    const folders = await (await gis.users.get("publisher"))!.getFolders();
    expect(folders.map((f) => f.title)).toContain("analyst_1_root");
    expect((await gis.groups.get(group.id))?.owner).toBe("publisher");
  });

  it("accessing and managing groups: create, members, sharing, join by application, protect, delete", async () => {
    const group = (await org.publisher.groups.create("Watershed", ["water", "rivers"], {
      access: "org",
    }))!;
    expect(await group.addUsers(["user", "admin"])).toEqual({ notAdded: [] });
    expect(await group.removeUsers(["admin"])).toEqual({ notRemoved: [] });
    const item = await org.publisher.content.add(
      { title: "River gauges", type: "CSV" },
      { data: Buffer.from("id\n1\n") as never },
    );
    await item.share({ groups: [group.id] });
    expect((await group.content()).map((i) => i.title)).toEqual(["River gauges"]);
    expect(
      (await (await org.publisher.users.get("publisher"))!.items()).map((i) => i.title),
    ).toContain("River gauges");
    expect(await group.categories.getSchema()).toEqual([]);
    const asAdmin = (await org.admin.groups.get(group.id))!;
    expect(await asAdmin.join()).toBe(true);
    const [application] = await group.getApplications();
    expect(application.properties.username).toBe("admin");
    expect(await application.accept()).toBe(true);
    expect((await group.getMembers()).users.sort()).toEqual(["admin", "user"]);
    expect(await group.setProtected(true)).toBe(true);
    expect((await arcgisFailure(group.delete())).message).toMatch(/protected/);
    expect(await group.setProtected(false)).toBe(true);
    expect(await group.delete()).toBe(true);
    expect(await org.publisher.groups.get(group.id)).toBeNull();
  });

  it("allows each admin operation exactly to the callers whose privileges grant it", async () => {
    const custom = (await org.admin.users.roles.create("Member viewer", "Views and edits members", {
      // It sees what the organisation shares, so its refusals are about the admin privileges.
      privileges: [
        "portal:user:joinGroup",
        "portal:user:viewOrgGroups",
        "portal:user:viewOrgItems",
        "portal:admin:viewUsers",
        "portal:admin:updateUsers",
      ],
    }))!;
    await org.admin.users.create("custom_one", "custom-pass-1", "C", "One", "c1@example.com", {
      role: custom,
    });
    const actors: Record<string, GIS> = {
      anonymous: org.anonymous,
      user: org.user,
      publisher: org.publisher,
      admin: org.admin,
      custom: await org.connect("custom_one", "custom-pass-1"),
    };
    let counter = 0;
    const freshMember = async (): Promise<string> => {
      const name = `matrix_${counter++}`;
      await org.admin.users.create(name, "matrix-pass-1", "M", "X", `${name}@example.com`);
      return name;
    };
    const adminGroup = (await org.admin.groups.create("Admin's group", "m", { access: "org" }))!;
    const operations: {
      name: string;
      allowedWith: (privileges: string[]) => boolean;
      run: (gis: GIS) => Promise<unknown>;
    }[] = [
      {
        name: "list members",
        allowedWith: (p) => p.includes("portal:admin:viewUsers"),
        run: (gis) => gis.session.get("portals/self/users"),
      },
      {
        name: "update a member",
        allowedWith: (p) => p.includes("portal:admin:updateUsers"),
        run: async (gis) =>
          gis.session.post(`community/users/${await freshMember()}/update`, { description: "x" }),
      },
      {
        name: "disable a member",
        allowedWith: (p) => p.includes("portal:admin:disableUsers"),
        run: async (gis) => gis.session.post(`community/users/${await freshMember()}/disable`),
      },
      {
        name: "delete a member",
        allowedWith: (p) => p.includes("portal:admin:deleteUsers"),
        run: async (gis) => gis.session.post(`community/users/${await freshMember()}/delete`),
      },
      {
        name: "change a role",
        allowedWith: (p) => p.includes("portal:admin:changeUserRoles"),
        run: async (gis) =>
          gis.session.post("portals/self/updateUserRole", {
            user: await freshMember(),
            role: "org_publisher",
          }),
      },
      {
        name: "change a user type",
        allowedWith: (p) => p.includes("portal:admin:manageLicenses"),
        run: async (gis) =>
          gis.session.post("portals/self/updateUserLicenseType", {
            users: await freshMember(),
            userLicenseType: "creatorUT",
          }),
      },
      {
        name: "invite a member",
        allowedWith: (p) => p.includes("portal:admin:inviteUsers"),
        run: (gis) => gis.users.invite(`m${counter++}@example.com`),
      },
      {
        name: "create a role",
        allowedWith: (p) => p.includes("portal:admin:manageRoles"),
        run: (gis) => gis.session.post("portals/self/createRole", { name: `Role ${counter++}` }),
      },
      {
        name: "list certificates",
        allowedWith: (p) => p.includes("portal:admin:manageSecurity"),
        run: (gis) => gis.session.get("portals/self/certificates"),
      },
      {
        name: "read the data store",
        allowedWith: (p) =>
          p.includes("portal:admin:manageServers") ||
          p.includes("portal:publisher:publishFeatures"),
        run: (gis) => gis.datastore.search(),
      },
      {
        name: "change the data store",
        allowedWith: (p) => p.includes("portal:admin:manageServers"),
        run: (gis) => gis.datastore.setConfig({ blockDataCopy: false }),
      },
      {
        name: "create a group",
        allowedWith: (p) => p.includes("portal:user:createGroup"),
        run: (gis) =>
          gis.session.post("community/createGroup", {
            title: `Group ${counter++}`,
            tags: "m",
            access: "private",
          }),
      },
      {
        name: "update another's group",
        allowedWith: (p) => p.includes("portal:admin:updateGroups"),
        run: (gis) =>
          gis.session.post(`community/groups/${adminGroup.id}/update`, {
            snippet: `s${counter++}`,
          }),
      },
      {
        name: "send notifications",
        allowedWith: (p) => p.includes("portal:admin:updateUsers"),
        run: (gis) =>
          gis.session.post("portals/self/createNotification", {
            users: "user",
            subject: "s",
            message: "m",
          }),
      },
    ];
    const cells: string[] = [];
    for (const [actor, gis] of Object.entries(actors)) {
      const privileges = gis.users.me?.privileges ?? [];
      for (const operation of operations) {
        const expected = actor !== "anonymous" && operation.allowedWith(privileges);
        let outcome: string;
        try {
          await operation.run(gis);
          outcome = "allowed";
        } catch (error) {
          outcome = `refused ${(error as { code?: number }).code}`;
        }
        const wanted = expected ? "allowed" : actor === "anonymous" ? "refused 499" : "refused 403";
        cells.push(
          `${actor} × ${operation.name}: ${outcome === wanted ? "ok" : `${outcome}, expected ${wanted}`}`,
        );
      }
    }
    expect(cells.filter((cell) => !cell.endsWith(": ok"))).toEqual([]);
    expect(cells).toHaveLength(Object.keys(actors).length * operations.length);
  });
});
