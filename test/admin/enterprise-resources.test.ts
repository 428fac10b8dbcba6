// gis.admin.system, .machines, .federation and .servers against the portal over HTTP: read
// from how the portal runs (its URL, data directory, machine, itself as hosting server), and
// refused to non-administrators.
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { Machine } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin system, machines, federation and servers", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  it("reads and sets system properties", async () => {
    const system = org.admin.admin.system;
    expect(await system.getProperties()).toMatchObject({
      WebContextURL: org.portal.url,
      privatePortalURL: org.portal.url,
    });
    expect(await system.setProperties({ disableSignup: "true" })).toBe(true);
    expect(await system.getProperties()).toMatchObject({
      WebContextURL: org.portal.url,
      disableSignup: "true",
    });
    await expect(system.setProperties(null as unknown as Record<string, unknown>)).rejects.toThrow(
      /properties/,
    );
    expect(inspect(system)).toBe(`<System url:"${org.portal.url}/portaladmin/system">`);
  });

  it("lists the data directories, no web adaptor, and the licence summary from the members", async () => {
    const system = org.admin.admin.system;
    const directories = await system.getDirectories();
    expect(directories.map((d) => [d.name, d.directoryType])).toEqual([
      ["content", "CONTENT"],
      ["db", "DATABASE"],
    ]);
    expect(directories[0].physicalPath).toBe(path.join(org.portal.dataDir, "items"));
    expect(await system.getWebAdaptors()).toEqual([]);

    const before = await system.getLicenses();
    await org.admin.users.create("member77", "member77-pass-1", "Mem", "Ber", "m77@example.com", {
      role: "viewer",
      userType: "viewer",
    });
    const after = await system.getLicenses();
    expect(after.currentRegisteredMembers).toBe((before.currentRegisteredMembers as number) + 1);
    const viewers = (after.features as { id: string; currentRegisteredMembers: number }[]).find(
      (f) => f.id === "viewerUT",
    );
    expect(viewers?.currentRegisteredMembers).toBe(1);
  });

  it("lists the machine the portal runs on and its status", async () => {
    const machines = await org.admin.admin.machines.list();
    expect(machines).toHaveLength(1);
    const [machine] = machines;
    expect(machine).toBeInstanceOf(Machine);
    expect(machine.name).toBe(os.hostname().toUpperCase());
    expect(machine.properties.adminURL).toBe(`${org.portal.url}/portaladmin`);
    expect(await machine.status()).toMatchObject({ status: "success" });
    expect(await org.admin.admin.machines.get(os.hostname().toLowerCase())).toBeInstanceOf(Machine);
    expect(await org.admin.admin.machines.get("elsewhere")).toBeNull();
    const unknown = await arcgisFailure(
      org.admin.session.get(`${org.portal.url}/portaladmin/machines/status/elsewhere`),
    );
    expect(unknown.message).toMatch(/elsewhere/);
    expect(inspect(machine)).toBe(`<Machine name:"${machine.name}">`);
  });

  it("lists the portal itself as its federated hosting server", async () => {
    const { servers } = await org.admin.admin.federation.getServers();
    expect(servers).toEqual([
      expect.objectContaining({ url: org.portal.url, serverRole: "HOSTING_SERVER" }),
    ]);
    expect(await org.admin.admin.servers.list()).toEqual(servers);
    expect(await org.admin.admin.servers.get({ role: "hosting_server" })).toHaveLength(1);
    expect(await org.admin.admin.servers.get({ role: "FEDERATED_SERVER" })).toEqual([]);
    expect(await org.admin.admin.servers.get({ function: "GeoAnalytics" })).toEqual([]);
    await expect(org.admin.admin.servers.get({ role: 3 as unknown as string })).rejects.toThrow(
      /role/,
    );
    expect(inspect(org.admin.admin.servers)).toBe(`<ServerManager url:"${org.portal.url}">`);
    expect(inspect(org.admin.admin.federation)).toBe(
      `<Federation url:"${org.portal.url}/portaladmin/federation">`,
    );
    expect(inspect(org.admin.admin.machines)).toBe(
      `<Machines url:"${org.portal.url}/portaladmin/machines">`,
    );
  });

  it("refuses non-administrators", async () => {
    const user = org.user.admin;
    for (const call of [
      user.system.getProperties(),
      user.system.setProperties({ disableSignup: "false" }),
      user.system.getDirectories(),
      user.system.getLicenses(),
      user.machines.list(),
      user.federation.getServers(),
      org.publisher.admin.servers.list(),
    ]) {
      expect((await arcgisFailure(call)).code).toBe(403);
    }
    expect((await org.admin.admin.system.getProperties()).disableSignup).toBe("true");
  });
});
