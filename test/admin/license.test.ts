// gis.admin.license against the portal over HTTP: app licences (portals/self/purchases), who
// holds their entitlements (content/listings/{id}/userEntitlements), granting and taking them
// (provisionUserEntitlements) within the purchased counts, user types with their member counts,
// and who may do it.
import { inspect } from "node:util";
import { License } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin.license", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  async function pro(): Promise<License> {
    const license = await org.admin.admin.license.get("arcgis pro");
    if (!license) throw new Error("no ArcGIS Pro licence");
    return license;
  }

  it("lists the organisation's app licences and finds one by title in any case", async () => {
    const all = await org.admin.admin.license.all();
    expect(all.map((l) => l.properties.listing.title)).toEqual(["ArcGIS Pro", "ArcGIS Navigator"]);
    const license = await pro();
    expect(license).toBeInstanceOf(License);
    expect(license.properties.provision?.orgEntitlements?.entitlements.desktopAdvN).toEqual({
      num: 2,
    });
    expect(await org.admin.admin.license.get("No Such App")).toBeNull();
    expect(inspect(license)).toBe(`<License title:"ArcGIS Pro" url:"${org.portal.url}">`);
    expect(inspect(org.admin.admin.license)).toBe(`<LicenseManager url:"${org.portal.url}">`);
  });

  it("assigns, adds to and revokes entitlements, and the report counts what is held", async () => {
    const license = await pro();
    expect(await license.check("publisher")).toEqual([]);
    expect(await license.userEntitlement("publisher")).toEqual({});

    expect(await license.assign("publisher", ["desktopAdvN"])).toBe(true);
    expect(await license.assign("publisher", "spatialAnalystN", { overwrite: false })).toBe(true);
    expect((await license.check("publisher")).sort()).toEqual(["desktopAdvN", "spatialAnalystN"]);
    const entry = await license.userEntitlement("PUBLISHER");
    expect(entry).toMatchObject({ username: "publisher", disconnected: false });
    expect(entry.lastLogin).toBeGreaterThan(0);

    const report = await license.getReport();
    const adv = report.find((row) => row.entitlement === "desktopAdvN");
    expect(adv).toMatchObject({ total: 2, assigned: 1, remaining: 1 });
    expect(adv?.users.map((u) => u.user)).toEqual(["publisher"]);
    expect(report.find((row) => row.entitlement === "desktopBasicN")).toMatchObject({
      total: 10,
      assigned: 0,
      remaining: 10,
    });

    expect(await license.revoke("publisher", ["desktopAdvN"])).toBe(true);
    expect(await license.check("publisher")).toEqual(["spatialAnalystN"]);
    expect(await license.revoke("publisher", "*")).toBe(true);
    expect(await license.check("publisher")).toEqual([]);
    expect(await license.revoke("publisher", "desktopAdvN")).toBe(false);
    expect(await license.all()).toEqual([]);
  });

  it("refuses more holders than were purchased and entitlements the licence lacks", async () => {
    const license = await pro();
    expect(await license.assign("admin", "desktopAdvN")).toBe(true);
    expect(await license.assign("publisher", "desktopAdvN")).toBe(true);
    const full = await arcgisFailure(license.assign("user", "desktopAdvN"));
    expect(full.message).toMatch(/Not enough 'desktopAdvN' licenses: 0 left/);
    // Re-granting to a holder does not count twice.
    expect(await license.assign("admin", ["desktopAdvN", "desktopBasicN"])).toBe(true);

    const unknown = await arcgisFailure(license.assign("user", "notAnEntitlement"));
    expect(unknown.code).toBe(400);
    expect(unknown.message).toMatch(/userEntitlements/);
    expect((await arcgisFailure(license.assign("nobody-here", "desktopBasicN"))).code).toBe(400);
    await license.revoke("admin", "*");
    await license.revoke("publisher", "*");
  });

  it("counts only members who still exist", async () => {
    const license = await pro();
    const member = await org.admin.users.create(
      "leaver1",
      "leaver1-pass-1",
      "Lee",
      "Ver",
      "leaver1@example.com",
    );
    if (!member) throw new Error("could not create leaver1");
    expect(await license.assign(member, "desktopStdN")).toBe(true);
    const before = await license.getReport();
    expect(before.find((row) => row.entitlement === "desktopStdN")?.assigned).toBe(1);
    expect(await member.delete()).toBe(true);
    const after = await license.getReport();
    expect(after.find((row) => row.entitlement === "desktopStdN")).toMatchObject({
      assigned: 0,
      remaining: 5,
    });
    expect(await license.all()).toEqual([]);
    // A new member of the same name does not inherit what the old one held.
    await org.admin.users.create("leaver1", "leaver1-pass-2", "Lee", "Two", "l2@example.com");
    expect(await license.check("leaver1")).toEqual([]);
  });

  it("counts members per user type and changes user types", async () => {
    const count = async (id: string): Promise<number> =>
      (await org.admin.admin.license.getUserTypes()).find((t) => t.id === id)?.assigned ?? -1;
    const creators = await count("creatorUT");
    const viewers = await count("viewerUT");
    const viewer = await org.admin.users.create(
      "viewer9",
      "viewer9-pass-1",
      "Vi",
      "Ewer",
      "viewer9@example.com",
      { role: "viewer", userType: "viewer" },
    );
    expect(await count("viewerUT")).toBe(viewers + 1);
    expect(viewer?.userLicenseTypeId).toBe("viewerUT");
    expect(await org.admin.admin.license.assignUserType(["viewer9"], "creator")).toBe(true);
    expect(await count("creatorUT")).toBe(creators + 1);
    expect(await count("viewerUT")).toBe(viewers);
    const types = await org.admin.admin.license.getUserTypes();
    expect(types.find((t) => t.id === "creatorUT")?.bundles.length).toBeGreaterThan(0);
  });

  it("refuses non-administrators", async () => {
    const refused = await arcgisFailure(org.user.admin.license.all());
    expect(refused.code).toBe(403);
    const license = await pro();
    const asUser = new License(org.user, license.properties);
    expect((await arcgisFailure(asUser.assign("user", "desktopBasicN"))).code).toBe(403);
    expect((await arcgisFailure(asUser.all())).code).toBe(403);
    expect(
      (await arcgisFailure(org.publisher.admin.license.assignUserType(["user"], "creator"))).code,
    ).toBe(403);
    expect(await license.check("user")).toEqual([]);
  });

  it("checks arguments before any request", async () => {
    const license = await pro();
    await expect(org.admin.admin.license.get("")).rejects.toThrow(/name/);
    await expect(license.assign("", "desktopBasicN")).rejects.toThrow(/username/);
    await expect(license.assign("user", 42 as unknown as string)).rejects.toThrow(/entitlements/);
    await expect(license.check(7 as unknown as string)).rejects.toThrow(/user/);
    await expect(org.admin.admin.license.assignUserType([], "creator")).rejects.toThrow(/users/);
    await expect(
      license.assign("user", "desktopBasicN", { overwrite: "no" as unknown as boolean }),
    ).rejects.toThrow(/overwrite/);
  });
});
