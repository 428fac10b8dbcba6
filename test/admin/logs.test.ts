// gis.admin.logs against the portal over HTTP: the log the portal writes (failed sign-ins,
// refused requests, changes to content and members, administrative operations), queried by
// time, level, code, user and source, its settings and clean — and never a secret in it.
import { inspect } from "node:util";
import { GIS } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin.logs", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  it("records failed sign-ins at WARNING with the username, never the password", async () => {
    expect((await org.admin.admin.logs.getSettings()).logLevel).toBe("WARNING");
    await expect(
      GIS.connect({
        url: org.portal.url,
        username: "publisher",
        password: "wrong-secret-42",
        setActive: false,
      }),
    ).rejects.toThrow();
    const { logMessages } = await org.admin.admin.logs.query({
      queryFilter: { codes: ["219000-219099"], users: ["publisher"] },
    });
    expect(logMessages).toHaveLength(1);
    expect(logMessages[0]).toMatchObject({
      type: "WARNING",
      code: 219001,
      user: "publisher",
      source: "PORTAL_ADMIN",
    });
    expect(JSON.stringify(logMessages)).not.toContain("wrong-secret-42");
  });

  it("refuses non-administrators, and logs the refusal", async () => {
    const refused = await arcgisFailure(org.user.admin.logs.query());
    expect(refused.code).toBe(403);
    expect((await arcgisFailure(org.publisher.admin.logs.clean())).code).toBe(403);
    expect((await arcgisFailure(org.user.admin.logs.getSettings())).code).toBe(403);
    const { logMessages } = await org.admin.admin.logs.query({ queryFilter: { users: ["user"] } });
    expect(logMessages.map((m) => [m.type, m.code, m.message])).toEqual([
      ["WARNING", 219002, "Refused: /portaladmin/logs/settings"],
      ["WARNING", 219002, "Refused: /portaladmin/logs/query"],
    ]);
  });

  it("writes changes once the level lets INFO through, and filters by level, user and source", async () => {
    const before = await org.admin.admin.logs.query({ level: "INFO" });
    expect(before.logMessages.some((m) => m.type === "INFO")).toBe(false);
    // What getSettings() answers (logDir and all) can be given back whole, as in Python.
    const saved = await org.admin.admin.logs.getSettings();
    expect(await org.admin.admin.logs.setSettings(saved)).toBe(true);
    await expect(org.admin.admin.logs.setSettings({ maxLogFileAge: 1.5 })).rejects.toThrow(
      /settings.maxLogFileAge: expected a whole number/,
    );

    expect(await org.admin.admin.logs.setSettings({ logLevel: "INFO" })).toBe(true);
    expect(await org.admin.admin.logs.getSettings()).toMatchObject({
      logLevel: "INFO",
      maxLogFileAge: 90,
    });
    const item = await org.publisher.content.add({ title: "Logged", type: "Web Map", text: "{}" });
    await item.delete();

    const publisher = await org.admin.admin.logs.query({
      level: "INFO",
      queryFilter: { users: ["publisher"], source: "SHARING" },
    });
    const messages = publisher.logMessages.map((m) => m.message);
    expect(messages.some((m) => /addItem succeeded/.test(m))).toBe(true);
    expect(messages.some((m) => new RegExp(`items/${item.id}/delete succeeded`).test(m))).toBe(
      true,
    );
    expect(publisher.logMessages.every((m) => m.type === "INFO" && m.source === "SHARING")).toBe(
      true,
    );
    // Newest first.
    const times = publisher.logMessages.map((m) => m.time);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const warnings = await org.admin.admin.logs.query({ level: "WARNING" });
    expect(warnings.logMessages.every((m) => m.type === "WARNING" || m.type === "SEVERE")).toBe(
      true,
    );
    const admin = await org.admin.admin.logs.query({
      level: "INFO",
      queryFilter: { source: ["PORTAL_ADMIN"], users: ["admin"] },
    });
    expect(admin.logMessages.some((m) => /settings\/edit succeeded/.test(m.message))).toBe(true);
  });

  it("pages with pageSize and limits by time", async () => {
    const page = await org.admin.admin.logs.query({ level: "INFO", pageSize: 1 });
    expect(page.logMessages).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    const older = await org.admin.admin.logs.query(page.endTime - 1, { level: "INFO" });
    expect(older.logMessages.every((m) => m.time < page.endTime)).toBe(true);
    const future = await org.admin.admin.logs.query({
      level: "INFO",
      startTime: Date.now() + 3_600_000,
      endTime: new Date(Date.now() + 1_800_000),
    });
    expect(future.logMessages).toEqual([]);
  });

  it("never writes a token", async () => {
    const { logMessages } = await org.admin.admin.logs.query({ level: "DEBUG", pageSize: 10000 });
    expect(logMessages.length).toBeGreaterThan(3);
    const text = JSON.stringify(logMessages);
    expect(text).not.toMatch(/token=/i);
    expect(text).not.toMatch(/password/i);
  });

  it("cleans the log", async () => {
    await org.admin.admin.logs.setSettings({ logLevel: "WARNING" });
    expect(await org.admin.admin.logs.clean()).toBe(true);
    expect((await org.admin.admin.logs.query({ level: "DEBUG" })).logMessages).toEqual([]);
  });

  it("checks arguments in the client and the portal", async () => {
    const logs = org.admin.admin.logs;
    await expect(logs.query({ level: "LOUD" as "INFO" })).rejects.toThrow(/level/);
    await expect(logs.query({ pageSize: 0 })).rejects.toThrow(/pageSize/);
    await expect(logs.query("yesterday")).rejects.toThrow(/startTime/);
    await expect(logs.setSettings({ maxLogFileAge: 1.5 })).rejects.toThrow(/maxLogFileAge/);
    const url = `${org.portal.url}/portaladmin/logs`;
    const badLevel = await arcgisFailure(org.admin.session.post(`${url}/query`, { level: "LOUD" }));
    expect(badLevel.code).toBe(400);
    expect(JSON.stringify(badLevel)).toMatch(/level/);
    const badFilter = await arcgisFailure(
      org.admin.session.post(`${url}/query`, { filter: '{"codes":["abc"]}' }),
    );
    expect(JSON.stringify(badFilter)).toMatch(/filter/);
    const empty = await arcgisFailure(org.admin.session.post(`${url}/settings/edit`, {}));
    expect(JSON.stringify(empty)).toMatch(/logLevel/);
    expect(inspect(logs)).toBe(`<Logs url:"${url}">`);
  });
});
