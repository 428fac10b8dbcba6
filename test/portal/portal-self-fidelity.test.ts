import { ADMIN, type PortalClient, startTestPortal } from "./helpers";

type Json = Record<string, unknown>;

// The values behind portals/self keys that mean something on this portal: the basemap
// gallery, storage measured on the data directory, token lifetime, contacts.
describe("portals/self values that mean something here", () => {
  let client: PortalClient;
  let token: string;

  beforeAll(async () => {
    client = await startTestPortal({ tokenLifetimeSeconds: 3 * 3600 });
    token = await client.tokenFor(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await client?.portal.close();
  });

  const self = (): Promise<Json> => client.get("/portals/self", { token });

  it("names a basemap gallery group that exists and holds the default basemap", async () => {
    const portal = await self();
    const query = portal.basemapGalleryGroupQuery as string;
    expect(portal.vectorBasemapGalleryGroupQuery).toBe(query);
    const anonymous = await client.get("/community/groups", { q: query });
    const groups = anonymous.results as { id: string; access: string }[];
    expect(groups).toHaveLength(1);
    expect(groups[0].access).toBe("public");

    const content = await client.get(`/content/groups/${groups[0].id}/search`, { q: "*" });
    const items = content.results as { id: string; type: string }[];
    expect(items.map((item) => item.type)).toEqual(["Web Map"]);
    const webMap = (await client.get(`/content/items/${items[0].id}/data`)) as {
      baseMap: { baseMapLayers: unknown[] };
    };
    const defaultBasemap = portal.defaultBasemap as { baseMapLayers: unknown[] };
    expect(webMap.baseMap.baseMapLayers).toEqual(defaultBasemap.baseMapLayers);
  });

  it("makes the gallery once, however often portals/self is read", async () => {
    const query = (await self()).basemapGalleryGroupQuery as string;
    await self();
    const found = await client.get("/community/groups", { q: query, token });
    expect(found.total).toBe(1);
  });

  it("keeps the gallery's Web Map on the default basemap an administrator sets", async () => {
    const basemap = {
      title: "Plain",
      baseMapLayers: [{ id: "plain", layerType: "ArcGISTiledMapServiceLayer", url: "http://x/y" }],
    };
    const updated = await client.post("/portals/self/update", {
      token,
      defaultBasemap: JSON.stringify(basemap),
    });
    expect(updated.success).toBe(true);
    const query = (await self()).basemapGalleryGroupQuery as string;
    const group = ((await client.get("/community/groups", { q: query })).results as Json[])[0];
    const content = await client.get(`/content/groups/${String(group.id)}/search`, { q: "*" });
    const [item] = content.results as { id: string }[];
    const webMap = (await client.get(`/content/items/${item.id}/data`)) as {
      baseMap: Record<string, unknown>;
    };
    expect(webMap.baseMap).toEqual(basemap);
  });

  it("measures storage on the data directory", async () => {
    const before = await self();
    expect(before.databaseUsage as number).toBeGreaterThan(0);
    expect(before.storageUsage as number).toBeGreaterThan(before.databaseUsage as number);
    expect(before.storageQuota as number).toBeGreaterThan(before.storageUsage as number);
    const added = await client.post(`/content/users/${ADMIN.username}/addItem`, {
      token,
      title: "Big notes",
      type: "Web Map",
      text: JSON.stringify({ notes: "x".repeat(200_000) }),
    });
    expect(added.success).toBe(true);
    const after = await self();
    expect(after.storageUsage as number).toBeGreaterThanOrEqual(
      (before.storageUsage as number) + 200_000,
    );
    // A user's storage is what their items hold.
    const me = await client.get("/community/self", { token });
    const item = await client.get(`/content/items/${String(added.id)}`, { token });
    expect(me.storageUsage as number).toBeGreaterThanOrEqual(item.size as number);
    expect(item.size as number).toBeGreaterThan(200_000);
    const other = await client.get(`/community/users/${ADMIN.username}`, { token });
    expect(other.storageUsage).toBe(me.storageUsage);
  });

  it("reports the token lifetime, the administrators and the settings it shares", async () => {
    const portal = await self();
    expect(portal.maxTokenExpirationMinutes).toBe(180);
    expect(portal.contacts).toEqual([ADMIN.username]);
    const settings = await client.get("/portals/self/settings", { token });
    expect(settings.helperServices).toEqual(portal.helperServices);
    expect(settings.defaultExtent).toEqual(portal.defaultExtent);
    expect(settings.allowedOrigins).toEqual(portal.allowedOrigins);
  });

  it("tells anonymous callers nothing about storage or the signed-in user", async () => {
    const portal = await client.get("/portals/self");
    expect(portal.storageUsage).toBeUndefined();
    expect(portal.user).toBeUndefined();
    expect(typeof portal.basemapGalleryGroupQuery).toBe("string");
  });
});
