// gis.admin.passwordPolicy against the portal over HTTP: portals/self/securityPolicy, its update
// and reset, the rules taking effect on new passwords, the sign-in lock-out following the
// policy, and who may change it.
import { inspect } from "node:util";
import { GIS, PasswordPolicy } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin.passwordPolicy", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  it("reads the default policy, as any member may", async () => {
    const manager = org.admin.admin.passwordPolicy;
    expect(manager).toBeInstanceOf(PasswordPolicy);
    expect(inspect(manager)).toBe(`<PasswordPolicy url:"${org.admin.url}">`);
    expect(await org.user.admin.passwordPolicy.getPolicy()).toMatchObject({
      type: "default",
      minLength: 8,
      minLetter: 1,
      minDigit: 1,
    });
    expect(await org.user.admin.passwordPolicy.getLockoutPolicy()).toEqual({
      maxAttempts: 5,
      lockoutDuration: 15,
    });
  });

  it("changes the rules, which new passwords must then follow, and resets them", async () => {
    const manager = org.admin.admin.passwordPolicy;
    expect(await manager.setPolicy({ minLength: 12, minUpper: 1, historySize: 4 })).toBe(true);
    const policy = await manager.getPolicy();
    expect(policy).toMatchObject({ type: "custom", minLength: 12, minUpper: 1, historySize: 4 });
    expect(policy.modified).toBeGreaterThan(0);

    const ana = await org.admin.users.create(
      "ana_policy",
      "Long-enough-pass-1",
      "Ana",
      "Policy",
      "ana@example.com",
    );
    expect(ana).not.toBeNull();
    const weak = await arcgisFailure(ana!.reset({ newPassword: "short-pass-1" }));
    expect(weak.message).toMatch(/newPassword/);
    expect(await ana!.reset({ newPassword: "Another-long-pass-2" })).toBe(true);

    // null removes one rule; the others stay.
    await manager.setPolicy({ minUpper: null });
    const fewer = await manager.getPolicy();
    expect(fewer.minUpper).toBeUndefined();
    expect(fewer.minLength).toBe(12);

    expect(await manager.reset()).toBe(true);
    expect((await manager.getPolicy()).type).toBe("default");
    expect(await ana!.reset({ newPassword: "plain-pass-3" })).toBe(true);
  });

  it("puts a saved policy back whole", async () => {
    const manager = org.admin.admin.passwordPolicy;
    await manager.setPolicy({ minLength: 10, minOther: 1 });
    const saved = await manager.getPolicy();
    await manager.setPolicy({ minLength: 20, minLower: 2, minOther: null });
    await manager.setPolicy(saved);
    const restored = await manager.getPolicy();
    expect(restored).toMatchObject({ minLength: 10, minOther: 1 });
    expect(restored.minLower).toBeUndefined();

    await manager.reset();
    const defaults = await manager.getPolicy();
    await manager.setPolicy({ minLength: 30 });
    await manager.setPolicy(defaults);
    expect(await manager.getPolicy()).toMatchObject({ type: "default", minLength: 8 });
  });

  it("locks an account after the policy's number of wrong passwords", async () => {
    const manager = org.admin.admin.passwordPolicy;
    await org.admin.users.create("lee_lockout", "Lee-password-1", "Lee", "Lock", "lee@example.com");
    expect(await manager.setLockoutPolicy({ maxAttempts: 3, lockoutDuration: 30 })).toBe(true);
    expect(await manager.getLockoutPolicy()).toEqual({ maxAttempts: 3, lockoutDuration: 30 });

    const signIn = (password: string): Promise<GIS> =>
      GIS.connect({ url: org.portal.url, username: "lee_lockout", password, setActive: false });
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(signIn("wrong-password-9")).rejects.toThrow();
    }
    const locked = (await arcgisFailure(signIn("Lee-password-1"))) as unknown as {
      details: string[];
    };
    expect(locked.details.join(" ")).toMatch(/locked/);
    await manager.reset();
  });

  it("checks the rules before any request", async () => {
    const manager = org.admin.admin.passwordPolicy;
    await expect(manager.setPolicy({ minLength: 7.5 })).rejects.toThrow(/policy.minLength/);
    await expect(manager.setPolicy({ minSymbols: 1 } as never)).rejects.toThrow(
      /policy.minSymbols: not a password policy rule/,
    );
    await expect(manager.setLockoutPolicy({ attempts: 3 } as never)).rejects.toThrow(
      /lockout.attempts/,
    );
    // The portal holds the ranges of the REST reference and names the parameter it refuses.
    const short = await arcgisFailure(manager.setPolicy({ minLength: 4 }));
    expect(short).toMatchObject({ code: 400, message: expect.stringMatching(/minLength/) });
    const lockout = await arcgisFailure(manager.setLockoutPolicy({ maxAttempts: 1 }));
    expect(lockout.message).toMatch(/maxAttempts/);
  });

  it("refuses a non-administrator and an anonymous caller", async () => {
    expect(
      (await arcgisFailure(org.user.admin.passwordPolicy.setPolicy({ minLength: 9 }))).code,
    ).toBe(403);
    expect((await arcgisFailure(org.publisher.admin.passwordPolicy.reset())).code).toBe(403);
    expect((await arcgisFailure(org.anonymous.admin.passwordPolicy.getPolicy())).code).toBe(499);
    expect((await org.admin.admin.passwordPolicy.getPolicy()).minLength).toBe(8);
  });
});
