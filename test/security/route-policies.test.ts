import { closeAll } from "../support/teardown";
import { startPortal, type RunningPortal } from "@tsgis/portal";

describe("the portal's route table", () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ port: 0 });
  });

  afterAll(async () => {
    await closeAll(portal);
  });

  it("has every route declare an access policy when it is registered", () => {
    const routes = portal.routes();
    expect(routes.length).toBeGreaterThan(150);
    const undeclared = routes
      .filter((route) => route.access === null)
      .map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
  });

  it("opens no administrative route to anyone", async () => {
    // Every administrative route names its privilege, so none of them is open to anyone.
    const adminRoutes = portal
      .routes()
      .filter((route) => /\/(admin|updateUserRole|createRole|invite)\b/.test(route.url));
    expect(adminRoutes.length).toBeGreaterThan(5);
    for (const route of adminRoutes) {
      expect({ route: route.url, policy: route.access?.name }).not.toEqual({
        route: route.url,
        policy: expect.stringMatching(/^anyone/),
      });
    }
  });
});
