import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Datastore, Role } from "tsgis";
import { createCertificateAuthority } from "../../portal/src/tls/certificates";
import { arcgisFailure, startTestOrg, type TestOrg } from "./helpers";

describe("roles, certificates and the data store against the portal", () => {
  let org: TestOrg;
  let folder: string;
  const pem = createCertificateAuthority().certPem;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-datastore-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("creates custom roles with privileges that drive what members may do", async () => {
    const roles = org.admin.users.roles;
    const role = (await roles.create("User admin", "Views and updates members", {
      privileges: ["portal:user:joinGroup", "portal:admin:viewUsers", "portal:admin:updateUsers"],
    }))!;
    expect(role).toBeInstanceOf(Role);
    expect(await roles.exists("User admin")).toBe(true);
    expect(await roles.exists("Administrator")).toBe(true);
    expect(await roles.exists("Nobody's role")).toBe(false);
    const fetched = (await roles.getRole(role.roleId))!;
    expect(fetched.name).toBe("User admin");
    // The REST resource's keys read as typed properties, as Python reads the role's dictionary.
    expect(fetched.id).toBe(role.roleId);
    expect(typeof fetched.created).toBe("number");
    expect(fetched.created).toBeGreaterThan(Date.parse("2020-01-01"));
    expect(fetched.modified).toBeGreaterThanOrEqual(fetched.created!);
    expect(Object.keys(fetched.toJSON())).toEqual(
      expect.arrayContaining(["id", "name", "description", "created", "modified", "privileges"]),
    );
    expect(fetched.privileges.sort()).toEqual([
      "portal:admin:updateUsers",
      "portal:admin:viewUsers",
      "portal:user:joinGroup",
    ]);
    // ArcGIS Online lists its Viewer and Data Editor roles, by their fixed ids, before custom ones.
    const listed = await roles.all();
    expect(listed.map((r) => [r.roleId, r.name])).toEqual([
      ["iAAAAAAAAAAAAAAA", "Viewer"],
      ["iBBBBBBBBBBBBBBB", "Data Editor"],
      [role.roleId, "User admin"],
    ]);
    expect(listed[1]!.privileges).toContain("features:user:edit");
    expect(listed[0]!.privileges).not.toContain("features:user:edit");
    expect(await roles.getRole("NoSuchRole000000")).toBeNull();

    const member = (await org.admin.users.create(
      "role_holder",
      "role-holder-1",
      "R",
      "H",
      "r@example.com",
      { role },
    ))!;
    expect(member.roleId).toBe(role.roleId);
    expect(member.role).toBe("org_admin");
    const gis = await org.connect("role_holder", "role-holder-1");
    expect((await gis.users.get("publisher"))?.email).toBeDefined();
    expect(
      await (await gis.users.get("user"))!.update({ description: "set by a custom role" }),
    ).toBe(true);
    expect((await arcgisFailure((await gis.users.get("user"))!.disable())).code).toBe(403);
    expect(
      (await arcgisFailure(gis.groups.create("No groups", "x", { access: "private" }))).code,
    ).toBe(403);

    expect(await fetched.setPrivileges(["portal:user:joinGroup", "portal:user:createGroup"])).toBe(
      true,
    );
    expect(
      (await arcgisFailure((await gis.users.get("user"))!.update({ description: "again" }))).code,
    ).toBe(403);
    expect(await gis.groups.create("Now allowed", "x", { access: "private" })).not.toBeNull();
    expect(member.role).toBe("org_admin");
    expect(await member.refresh()).toBe(member);
    expect(member.role).toBe("org_user");

    expect(await fetched.setName("Group maker")).toBe(true);
    expect(await fetched.setDescription("Makes groups")).toBe(true);
    const renamed = (await roles.getRole(role.roleId))!;
    expect([renamed.name, renamed.description]).toEqual(["Group maker", "Makes groups"]);
    expect((await arcgisFailure(renamed.delete())).message).toMatch(/assigned/);
    expect(await member.updateRole("org_user")).toBe(true);
    expect(await renamed.delete()).toBe(true);
    expect(await roles.exists("Group maker")).toBe(false);
  });

  it("refuses role changes without manageRoles, bad privileges and bad input", async () => {
    expect((await arcgisFailure(org.user.users.roles.create("Mine", "x"))).code).toBe(403);
    expect((await arcgisFailure(org.admin.users.roles.create("Administrator", "clash"))).code).toBe(
      400,
    );
    await expect(
      org.admin.users.roles.create("Bad", "x", { privileges: ["portal:admin:flyToTheMoon"] }),
    ).rejects.toThrow(/privileges/);
    expect(await org.admin.users.roles.exists("Bad")).toBe(false);
    await expect(org.admin.users.roles.create("", "x")).rejects.toThrow(TypeError);
    await expect(org.admin.users.roles.all({ maxRoles: -2 })).rejects.toThrow(RangeError);
    const role = (await org.admin.users.roles.create("Temporary", "t"))!;
    await expect(role.setPrivileges("portal:user:joinGroup" as never)).rejects.toThrow(TypeError);
    const asUser = new Role(org.user, role.roleId, { name: "Temporary" });
    expect((await arcgisFailure(asUser.setName("Hijacked"))).code).toBe(403);
    expect(await role.delete()).toBe(true);
  });

  it("registers, reads, updates and removes HTTPS certificates", async () => {
    const certificates = org.admin.admin.certificates;
    expect(await certificates.add("Data server", "data.example.com", pem)).toBe(true);
    const [registered] = await certificates.getCertificates();
    expect(registered).toMatchObject({
      name: "Data server",
      domain: "data.example.com",
      sslCertificate: pem.trim(),
    });
    expect((await certificates.getProperties()).certificates).toHaveLength(1);
    expect(await certificates.update(registered.id, { domain: "data2.example.com" })).toBe(true);
    expect((await certificates.get(registered.id))?.domain).toBe("data2.example.com");
    expect((await arcgisFailure(org.user.admin.certificates.getCertificates())).code).toBe(403);
    expect((await arcgisFailure(certificates.add("Bad", "not a domain!", pem))).code).toBe(400);
    await expect(certificates.add("Bad", "x.example.com", "hello")).rejects.toThrow(/certificate/);
    const broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----";
    expect((await arcgisFailure(certificates.add("Broken", "x.example.com", broken))).code).toBe(
      400,
    );
    for (let index = 0; index < 4; index++)
      await certificates.add(`c${index}`, `c${index}.example.com`, pem);
    expect(
      (await arcgisFailure(certificates.add("sixth", "six.example.com", pem))).message,
    ).toMatch(/at most 5/);
    expect(await certificates.delete(registered.id)).toBe(true);
    expect(await certificates.get(registered.id)).toBeNull();
    await expect(certificates.delete("")).rejects.toThrow(TypeError);
  });

  it("registers folders, databases, big data shares and cloud stores with the hosting server", async () => {
    const datastore = org.admin.datastore;
    const share = path.join(folder, "trips");
    fs.mkdirSync(path.join(share, "2024"), { recursive: true });
    fs.writeFileSync(path.join(share, "2024", "jan.csv"), "a,b\n1,2\n");
    const projects = (await datastore.addFolder("projects", folder))!;
    expect(projects).toBeInstanceOf(Datastore);
    expect(projects.properties).toMatchObject({
      type: "folder",
      info: { path: folder, dataStoreConnectionType: "shared" },
    });
    expect(await projects.validate()).toBe(true);
    expect(await projects.getRefCount()).toBe(0);
    const db = (await datastore.addDatabase("gisdb", "SERVER=db;DATABASE=gis", {
      connType: "serverOnly",
    }))!;
    expect(db.properties.info).toMatchObject({ isManaged: true });
    // Its JSON's fields read as properties, as on Item, User, Group and Role.
    expect(db.type).toBe("egdb");
    expect(db.info).toMatchObject({ isManaged: true });
    expect(projects.type).toBe("folder");
    const trips = (await datastore.addBigdata("trips", { serverPath: share }))!;
    expect((await trips.getDatasets()).datasets).toEqual([
      { name: "2024", format: { type: "csv" }, files: 1 },
    ]);
    fs.mkdirSync(path.join(share, "2025"));
    fs.writeFileSync(path.join(share, "2025", "feb.csv"), "a\n");
    expect(await trips.regenerate()).toBe(true);
    expect(((await trips.getManifest()).datasets as unknown[]).length).toBe(2);
    expect(await trips.setManifest({ datasets: [{ name: "only", format: { type: "csv" } }] })).toBe(
      true,
    );
    expect((await trips.getDatasets()).datasets).toEqual([
      { name: "only", format: { type: "csv" } },
    ]);
    const cloud = (await datastore.addCloudstore(
      "bucket",
      '{"accessKeyId":"k"}',
      "s3://bucket",
      "amazon",
      { folder: "gis" },
    ))!;
    expect(cloud.properties).toMatchObject({
      provider: "amazon",
      info: { objectStore: "s3://bucket/gis" },
    });

    expect((await datastore.search()).map((d) => d.path)).toEqual([
      "/bigDataFileShares/trips",
      "/cloudStores/bucket",
      "/enterpriseDatabases/gisdb",
      "/fileShares/projects",
    ]);
    expect((await datastore.search({ types: ["folder", "egdb"] })).length).toBe(2);
    expect((await datastore.search({ parentPath: "/fileShares" })).map((d) => d.path)).toEqual([
      "/fileShares/projects",
    ]);
    expect(await datastore.validate()).toBe(true);
    expect(
      await projects.update({
        info: { path: path.join(folder, "missing"), dataStoreConnectionType: "shared" },
      }),
    ).toBe(true);
    expect(await projects.validate()).toBe(false);
    expect(await datastore.validate()).toBe(false);
    expect(await datastore.setConfig({ blockDataCopy: true })).toBe(true);
    expect(await datastore.getConfig()).toEqual({ blockDataCopy: true });
    expect(await projects.delete()).toBe(true);
    expect(await datastore.get("/fileShares/projects")).toBeNull();
    expect(
      (
        await arcgisFailure(
          datastore.addFolder("gisdb", folder).then(() => datastore.addDatabase("gisdb", "x")),
        )
      ).code,
    ).toBe(400);
    expect((await arcgisFailure(org.user.datastore.search())).code).toBe(403);
    expect((await arcgisFailure(org.user.datastore.addFolder("mine", folder))).code).toBe(403);
    expect((await org.publisher.datastore.search()).length).toBeGreaterThan(0);
    await expect(datastore.addBigdata("x")).rejects.toThrow(/serverPath/);
    await expect(datastore.addCloudstore("x", "c", "o", "dropbox" as never)).rejects.toThrow(
      RangeError,
    );
    await expect(datastore.setConfig(null as never)).rejects.toThrow(TypeError);
    expect((await arcgisFailure(db.regenerate())).message).toMatch(/big data/);
  });
});
