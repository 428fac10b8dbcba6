// gis.admin.credits and gis.admin.usageReports against a portal started as ArcGIS Online
// (deployment: "online", portals/self isPortal: false): credit budgeting per member, usage
// counted from what the portal records; and each kind of portal refusing the other's members
// by name, before any request.
import { inspect } from "node:util";
import { parseArguments } from "../../portal/src/cli/parse-arguments";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin on an ArcGIS Online-flavoured portal", () => {
  let online: TestOrg;
  let enterprise: TestOrg;

  beforeAll(async () => {
    online = await startTestOrg({ deployment: "online" });
    enterprise = await startTestOrg();
  });
  afterAll(() => closeAll(online, enterprise));

  it("says isPortal: false and holds credits", async () => {
    expect(online.admin.properties.isPortal).toBe(false);
    const credits = online.admin.admin.credits;
    expect(credits.credits).toBe(1000);
    expect(credits.isEnabled).toBe(false);
    expect(credits.defaultLimit).toBe(-1);
    expect(inspect(credits)).toBe(`<CreditManager url:"${online.portal.url}">`);
  });

  it("turns budgeting on, sets the default, and allocates and deallocates a member's credits", async () => {
    const credits = online.admin.admin.credits;
    expect(await credits.enable()).toBe(true);
    expect(credits.isEnabled).toBe(true);
    expect(await credits.setDefaultLimit(50)).toBe(true);
    expect(credits.defaultLimit).toBe(50);

    expect(await credits.allocate("publisher", 120.5)).toBe(true);
    const publisher = await online.admin.users.get("publisher");
    expect(publisher?.assignedCredits).toBe(120.5);
    expect(await credits.deallocate("publisher")).toBe(true);
    expect((await online.admin.users.get("publisher"))?.assignedCredits).toBe(-1);
    expect(await credits.allocate("publisher", 10)).toBe(true);
    expect(await credits.allocate("publisher")).toBe(true);
    expect((await online.admin.users.get("publisher"))?.assignedCredits).toBe(-1);

    expect(await credits.disable()).toBe(true);
    expect(credits.isEnabled).toBe(false);
    expect((await arcgisFailure(credits.allocate("nobody-here", 5))).code).toBe(400);
  });

  it("checks credit arguments in the client and the portal", async () => {
    const credits = online.admin.admin.credits;
    await expect(credits.allocate("publisher", -5)).rejects.toThrow(/credits/);
    await expect(credits.allocate("", 5)).rejects.toThrow(/username/);
    await expect(credits.setDefaultLimit(Number.NaN)).rejects.toThrow(/value/);
    const raw = await arcgisFailure(
      online.admin.session.post("portals/self/assignUserCredits", {
        userAssignments: '[{"username":"publisher","credits":"lots"}]',
      }),
    );
    expect(raw.code).toBe(400);
    expect(JSON.stringify(raw)).toMatch(/userAssignments/);
    const badList = await arcgisFailure(
      online.admin.session.post("portals/self/unassignUserCredits", { usernames: "[1,2]" }),
    );
    expect(JSON.stringify(badList)).toMatch(/usernames/);
  });

  it("reports usage from the sign-ins and items the portal recorded", async () => {
    const item = await online.publisher.content.add({ title: "Used", type: "Web Map", text: "{}" });
    expect(item.id).toBeTruthy();
    const report = await online.admin.admin.usageReports.users({ timeFrame: "today" });
    expect(report.period).toBe("1h");
    const count = (etype: string, username: string): number =>
      report.data
        .filter((s) => s.etype === etype && s.username === username)
        .flatMap((s) => s.num ?? [])
        .reduce((total, [, value]) => total + Number(value), 0);
    expect(count("signins", "publisher")).toBeGreaterThanOrEqual(1);
    expect(count("itemsCreated", "publisher")).toBe(1);
    expect(count("itemsCreated", "admin")).toBe(0);

    const credit = await online.admin.admin.usageReports.credit({ timeFrame: "week" });
    expect(credit.period).toBe("1d");
    expect(inspect(online.admin.admin.usageReports)).toBe(
      `<AGOLUsageReports url:"${online.portal.url}">`,
    );
    expect(credit.data.map((s) => s.etype).sort()).toEqual(["itemsCreated", "signins"]);
    expect(await online.admin.admin.credits.creditUsage()).toEqual({ portal: 0 });

    await expect(online.admin.admin.usageReports.users({ timeFrame: "fortnight" })).rejects.toThrow(
      /timeFrame/,
    );
    const tooFine = await arcgisFailure(
      online.admin.session.get("portals/self/usage", {
        startTime: 0,
        endTime: Date.now(),
        period: "1h",
      }),
    );
    expect(JSON.stringify(tooFine)).toMatch(/period/);
    const missing = await arcgisFailure(online.admin.session.get("portals/self/usage", {}));
    expect(JSON.stringify(missing)).toMatch(/startTime/);
  });

  it("refuses non-administrators", async () => {
    expect((await arcgisFailure(online.user.admin.credits.allocate("user", 1))).code).toBe(403);
    expect((await arcgisFailure(online.publisher.admin.credits.deallocate("user"))).code).toBe(403);
    expect((await arcgisFailure(online.user.admin.usageReports.users())).code).toBe(403);
  });

  it("refuses Enterprise-only members by name, and Enterprise refuses the Online ones", async () => {
    for (const member of ["logs", "system", "machines", "federation", "servers"] as const) {
      expect(() => online.admin.admin[member]).toThrow(
        new RegExp(`gis\\.admin\\.${member} is available on ArcGIS Enterprise only`),
      );
    }
    for (const member of ["credits", "usageReports"] as const) {
      expect(() => enterprise.admin.admin[member]).toThrow(
        new RegExp(`gis\\.admin\\.${member} is available on ArcGIS Online only`),
      );
    }
    // Licences exist on both.
    expect((await online.admin.admin.license.all()).length).toBeGreaterThan(0);
    // The Online-flavoured portal has no /portaladmin, nor Enterprise credit routes.
    const response = await fetch(`${online.portal.url}/portaladmin/logs/query?f=json`);
    expect(response.status).toBe(404);
    const noCredits = await arcgisFailure(
      enterprise.admin.session.post("portals/self/assignUserCredits", {
        userAssignments: '[{"username":"publisher","credits":1}]',
      }),
    );
    expect(noCredits.code).toBe(400);
  });

  it("is chosen on the command line with --deployment", () => {
    expect(parseArguments(["--deployment", "online"], {}).deployment).toBe("online");
    expect(parseArguments(["--deployment=enterprise"], {}).deployment).toBe("enterprise");
    expect(() => parseArguments(["--deployment", "cloud"], {})).toThrow(/--deployment/);
  });
});
