// Cross-origin access: preflights on every route, the Origin reflected on answers (errors too),
// and the organisation's allowedOrigins setting limiting which origins a browser may use.
import { ADMIN, startTestPortal, type PortalClient } from "./helpers";

const LAB = "http://127.0.0.1:8888";
const MAPS = "https://maps.example.com";
const OTHER = "https://elsewhere.example.org";

describe("CORS", () => {
  let client: PortalClient;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    client = await startTestPortal({ demo: true });
    adminToken = await client.tokenFor(ADMIN.username, ADMIN.password);
    userToken = await client.tokenFor("user", "tsgis-user-1");
  });
  afterAll(() => client.portal.close());

  function preflight(path: string, origin: string, requestHeaders = "x-esri-authorization") {
    return fetch(`${client.portal.url}${path}`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": requestHeaders,
      },
    });
  }

  function getFrom(path: string, origin?: string) {
    return fetch(`${client.portal.url}${path}`, { headers: origin ? { origin } : {} });
  }

  async function setAllowedOrigins(origins: string[], token: string) {
    return client.post("/portals/self/settings/update", {
      allowedOrigins: JSON.stringify(origins),
      token,
    });
  }

  describe("with allowedOrigins empty (any origin)", () => {
    it.each([
      "/sharing/rest/portals/self",
      "/sharing/rest/content/items/0123456789abcdef0123456789abcdef/data",
      "/rest/services/Hosted/Anything/FeatureServer/0/query",
      "/rest/info",
      "/no/such/route",
    ])("answers a preflight for %s with 204 and the allowed headers", async (path) => {
      const response = await preflight(path, LAB, "x-esri-authorization,content-type,x-custom");
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(LAB);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      const allowed = response.headers
        .get("access-control-allow-headers")!
        .split(",")
        .map((name) => name.trim().toLowerCase());
      expect(allowed).toEqual(
        expect.arrayContaining([
          "x-esri-authorization",
          "authorization",
          "content-type",
          "x-requested-with",
          "x-custom",
        ]),
      );
      expect(await response.text()).toBe("");
    });

    it("reflects the Origin on an ordinary request and keeps the answer unchanged", async () => {
      const response = await getFrom("/sharing/rest/portals/self?f=json", LAB);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(LAB);
      expect(response.headers.get("vary")).toMatch(/Origin/);
      expect(await response.json()).toMatchObject({ isPortal: true });
    });

    it("sends no CORS headers to a caller without an Origin (server-side clients)", async () => {
      const response = await getFrom("/sharing/rest/portals/self?f=json");
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(await response.json()).toMatchObject({ isPortal: true });
    });

    it("lets the browser read error answers too", async () => {
      const response = await getFrom("/sharing/rest/portals/self?f=json&token=not-a-token", LAB);
      expect(response.headers.get("access-control-allow-origin")).toBe(LAB);
      expect(await response.json()).toMatchObject({ error: { code: 498 } });
    });
  });

  describe("with allowedOrigins set", () => {
    beforeAll(async () => {
      expect(await setAllowedOrigins([`${MAPS}/`], adminToken)).toEqual({ success: true });
    });

    it("allows a listed origin (compared as an origin, trailing slash and case aside)", async () => {
      const response = await getFrom(
        "/sharing/rest/portals/self?f=json",
        "HTTPS://Maps.Example.com",
      );
      expect(response.headers.get("access-control-allow-origin")).toBe("HTTPS://Maps.Example.com");
      const pre = await preflight("/rest/services/Hosted/Anything/FeatureServer/0/query", MAPS);
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe(MAPS);
    });

    it("refuses another origin: no CORS headers on the answer or the preflight", async () => {
      const response = await getFrom("/sharing/rest/portals/self?f=json", OTHER);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      const pre = await preflight("/sharing/rest/portals/self", OTHER);
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
      expect(pre.headers.get("access-control-allow-headers")).toBeNull();
      expect(pre.headers.get("access-control-allow-methods")).toBeNull();
    });

    it("always allows the portal's own origin", async () => {
      const own = new URL(client.portal.url).origin;
      const response = await getFrom("/sharing/rest/portals/self?f=json", own);
      expect(response.headers.get("access-control-allow-origin")).toBe(own);
    });

    it("lists the setting in portals/self/settings", async () => {
      const settings = await client.get("/portals/self/settings", { token: adminToken });
      expect(settings.allowedOrigins).toEqual([`${MAPS}/`]);
    });

    it("lets only administrators change it", async () => {
      expect(await setAllowedOrigins([OTHER], userToken)).toMatchObject({
        error: { code: 403 },
      });
      const response = await getFrom("/sharing/rest/portals/self?f=json", OTHER);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("refuses a value that is not a list, naming the field, and keeps the old one", async () => {
      const answer = await client.post("/portals/self/settings/update", {
        allowedOrigins: '"https://one.example"',
        token: adminToken,
      });
      expect(JSON.stringify(answer)).toMatch(/allowedOrigins/);
      expect(answer.error?.code).toBe(400);
      const settings = await client.get("/portals/self/settings", { token: adminToken });
      expect(settings.allowedOrigins).toEqual([`${MAPS}/`]);
    });

    it("allows any origin again once the list is emptied", async () => {
      expect(await setAllowedOrigins([], adminToken)).toEqual({ success: true });
      const response = await getFrom("/sharing/rest/portals/self?f=json", OTHER);
      expect(response.headers.get("access-control-allow-origin")).toBe(OTHER);
    });
  });
});
