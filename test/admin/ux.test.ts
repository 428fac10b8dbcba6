// gis.admin.ux and gis.admin.resources against the portal over HTTP: the organisation's name,
// description, summary (the localizedOrgProperties resource), featured content, default extent
// and basemap through portals/self/update, and its logo, banner and background as resources
// of portals/self (addResource, resources, removeResource, GET of a resource) — and who may.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { UX } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, DEMO, startTestOrg, type TestOrg } from "../users/helpers";

const LOGO = path.join(__dirname, "../../notebooks/data/logo.png");
const BANNER = path.join(__dirname, "../../notebooks/data/banner.png");

describe("gis.admin.ux", () => {
  let org: TestOrg;
  let downloads: string;

  beforeAll(async () => {
    org = await startTestOrg();
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-ux-"));
  });
  afterAll(async () => {
    fs.rmSync(downloads, { recursive: true, force: true });
    await closeAll(org);
  });

  /** GETs a path of the REST API as a browser would, with or without a token. */
  const fetchRest = (relative: string, token?: string): Promise<Response> =>
    fetch(`${org.portal.url}/sharing/rest/${relative}${token ? `?token=${token}` : ""}`);

  it("reads and changes the name, description and summary", async () => {
    const ux = org.admin.admin.ux;
    expect(ux).toBeInstanceOf(UX);
    expect(inspect(ux)).toBe(`<UX url:"${org.admin.url}">`);
    const defaultDescription = await ux.getDescription();

    expect(await ux.setName("Field Operations")).toBe(true);
    expect(await ux.getName()).toBe("Field Operations");
    expect(org.admin.properties.name).toBe("Field Operations");

    await ux.setDescription("<p>Maps of the field teams.</p>");
    expect(await org.user.admin.ux.getDescription()).toBe("<p>Maps of the field teams.</p>");
    await ux.setDescription(null);
    expect(await ux.getDescription()).toBe(defaultDescription);

    expect(await ux.getSummary()).toBeNull();
    await ux.setSummary("Maps and apps of the field teams.");
    expect(await ux.getSummary()).toBe("Maps and apps of the field teams.");
    // The summary lives in the resource ArcGIS keeps it in, readable by the sign-in page.
    const stored = await fetchRest("portals/self/resources/localizedOrgProperties");
    expect(await stored.json()).toEqual({
      default: { name: "Field Operations", description: "Maps and apps of the field teams." },
    });
    await ux.setName("Field Ops");
    expect(await ux.getSummary()).toBe("Maps and apps of the field teams.");
    await ux.setSummary(null);
    expect(await ux.getSummary()).toBeNull();
    await expect(ux.setSummary("x".repeat(311))).rejects.toThrow(/text: at most 310/);
  });

  it("features a group's items and sets the home page switches", async () => {
    const ux = org.admin.admin.ux;
    const group = await org.admin.groups.create("Featured maps", "featured", { access: "org" });
    if (!group) throw new Error("the group was not created");
    await ux.setFeaturedContent({ group, count: 6 });
    expect(await ux.getFeaturedContent()).toEqual({ group: group.id, count: 6 });
    expect(org.admin.properties).toMatchObject({
      homePageFeaturedContent: group.id,
      homePageFeaturedContentCount: 6,
      featuredItemsGroupQuery: `id:${group.id}`,
    });
    await ux.setFeaturedContent(null);
    expect(await ux.getFeaturedContent()).toEqual({ group: "", count: 12 });

    await ux.setDescriptionVisibility(true);
    expect(await ux.getDescriptionVisibility()).toBe(true);
    await ux.setEnableComments(false);
    expect(await ux.getEnableComments()).toBe(false);
    await ux.setEnableComments(true);
    await expect(ux.setFeaturedContent({ group: group.id, count: 101 })).rejects.toThrow(
      /content.count/,
    );
  });

  it("sets the default extent and basemap, and puts the defaults back", async () => {
    const ux = org.admin.admin.ux;
    const original = await ux.getDefaultExtent();
    const europe = { xmin: -10, ymin: 35, xmax: 30, ymax: 60, spatialReference: { wkid: 4326 } };
    await ux.setDefaultExtent(europe);
    expect(await ux.getDefaultExtent()).toEqual(europe);
    await ux.setDefaultExtent(null);
    expect(await ux.getDefaultExtent()).toEqual(original);
    await expect(ux.setDefaultExtent({ xmin: "a" })).rejects.toThrow(/extent.xmin/);

    const basemap = await ux.getDefaultBasemap();
    const renamed = { ...basemap, title: "Our basemap" };
    await ux.setDefaultBasemap(renamed);
    expect((await ux.getDefaultBasemap()).title).toBe("Our basemap");
    await ux.setDefaultBasemap(null);
    expect(await ux.getDefaultBasemap()).toEqual(basemap);
    await expect(ux.setDefaultBasemap({ title: "none" })).rejects.toThrow(/baseMapLayers/);
  });

  it("uploads the logo, banner and background, serves them to anyone, and removes them", async () => {
    const ux = org.admin.admin.ux;
    await ux.setLogo(LOGO);
    expect(org.admin.properties.thumbnail).toBe("thumbnail.png");
    const logo = await ux.getLogo(downloads);
    expect(logo).not.toBeNull();
    expect(fs.readFileSync(logo as string)).toEqual(fs.readFileSync(LOGO));
    // The sign-in page shows the logo before anyone signs in.
    const anonymous = await fetchRest("portals/self/resources/thumbnail.png");
    expect(anonymous.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await anonymous.arrayBuffer())).toEqual(fs.readFileSync(LOGO));

    await ux.setBanner(BANNER);
    const panels = org.admin.properties.rotatorPanels as { innerHTML: string }[];
    expect(panels[0].innerHTML).toContain("portals/self/resources/banner.png");
    expect(fs.readFileSync((await ux.getBanner(downloads)) as string)).toEqual(
      fs.readFileSync(BANNER),
    );
    await ux.setBackground(LOGO);
    expect(org.admin.properties.backgroundImage).toBe("background.png");
    expect(await ux.getBackground(downloads)).toBe(path.join(downloads, "background.png"));

    const keys = (await org.anonymous.admin.resources.list()).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["thumbnail.png", "banner.png", "background.png"]));

    await ux.setLogo(null);
    await ux.setBanner(null);
    await ux.setBackground(null);
    expect(org.admin.properties.thumbnail).toBeNull();
    expect(org.admin.properties.rotatorPanels).toEqual([]);
    expect(org.admin.properties.backgroundImage).toBeUndefined();
    expect(await ux.getLogo(downloads)).toBeNull();
    expect(await ux.getBanner(downloads)).toBeNull();
    const left = (await org.admin.admin.resources.list()).map((r) => r.key);
    expect(left).not.toEqual(expect.arrayContaining(["thumbnail.png"]));
    expect(left).not.toContain("banner.png");
    expect(left).not.toContain("background.png");
    const gone = (await (await fetchRest("portals/self/resources/thumbnail.png")).json()) as {
      error: { message: string };
    };
    expect(gone.error.message).toMatch(/does not exist/);
  });

  it("checks image arguments before any request", async () => {
    const ux = org.admin.admin.ux;
    await expect(ux.setLogo("/tmp/logo.bmp")).rejects.toThrow(/logoFile: expected a .png/);
    await expect(ux.setBanner("/no/such/banner.png")).rejects.toThrow(/bannerFile: no such file/);
    await expect(ux.setName("")).rejects.toThrow(/name/);
  });

  it("refuses a non-administrator and an anonymous caller", async () => {
    expect((await arcgisFailure(org.user.admin.ux.setName("Mine"))).code).toBe(403);
    expect((await arcgisFailure(org.publisher.admin.ux.setLogo(LOGO))).code).toBe(403);
    expect((await arcgisFailure(org.user.admin.ux.setSummary("Mine"))).code).toBe(403);
    expect((await arcgisFailure(org.anonymous.admin.ux.setDescription("x"))).code).toBe(499);
    expect(await org.admin.admin.ux.getName()).not.toBe("Mine");
  });
});

describe("gis.admin.resources", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  it("keeps org and private resources from those who may not read them", async () => {
    const resources = org.admin.admin.resources;
    expect(inspect(resources)).toBe(`<PortalResourceManager url:"${org.admin.url}">`);
    await resources.add("settings/org.json", { text: '{"a":1}', access: "org" });
    await resources.add("private.json", { text: '{"b":2}', access: "private" });
    await resources.add("public.json", { text: "{}" });

    const keysFor = async (gis: TestOrg["admin"]): Promise<string[]> =>
      (await gis.admin.resources.list()).map((r) => r.key).sort();
    expect(await keysFor(org.admin)).toEqual(["private.json", "public.json", "settings/org.json"]);
    expect(await keysFor(org.user)).toEqual(["public.json", "settings/org.json"]);
    expect(await keysFor(org.anonymous)).toEqual(["public.json"]);

    const [entry] = await resources.list();
    expect(entry).toMatchObject({ key: expect.any(String), size: expect.any(Number) });
    expect((await org.user.admin.resources.bytes("settings/org.json")).toString()).toBe('{"a":1}');
    expect(
      (await arcgisFailure(org.anonymous.admin.resources.bytes("settings/org.json"))).code,
    ).toBe(499);
    expect((await arcgisFailure(org.user.admin.resources.bytes("private.json"))).code).toBe(400);

    expect(await resources.delete("private.json")).toBe(true);
    expect(await keysFor(org.admin)).toEqual(["public.json", "settings/org.json"]);
    expect((await arcgisFailure(resources.delete("private.json"))).message).toMatch(/not exist/);
  });

  it("refuses a non-administrator's changes", async () => {
    expect((await arcgisFailure(org.user.admin.resources.add("x.json", { text: "{}" }))).code).toBe(
      403,
    );
    expect((await arcgisFailure(org.publisher.admin.resources.delete("public.json"))).code).toBe(
      403,
    );
  });

  it("names the parameter of a bad request", async () => {
    const rest = `${org.portal.url}/sharing/rest`;
    const referer = "http://localhost";
    const signIn = await fetch(`${rest}/generateToken`, {
      method: "POST",
      body: new URLSearchParams({
        f: "json",
        username: DEMO.admin.username,
        password: DEMO.admin.password,
        client: "referer",
        referer,
      }),
    });
    const { token } = (await signIn.json()) as { token: string };
    type Answer = { error?: { message: string; code: number } };
    const post = async (params: Record<string, string>): Promise<Answer> => {
      const response = await fetch(`${rest}/portals/self/addResource`, {
        method: "POST",
        headers: { referer },
        body: new URLSearchParams({ f: "json", token, ...params }),
      });
      return (await response.json()) as Answer;
    };
    expect((await post({ text: "{}" })).error?.message).toMatch(/key/);
    expect((await post({ key: "../escape.json", text: "{}" })).error).toMatchObject({
      code: 400,
      message: expect.stringMatching(/key/),
    });
    expect((await post({ key: "a.json" })).error?.message).toMatch(/file/);
    expect((await post({ key: "a.json", text: "{}", access: "world" })).error?.message).toMatch(
      /access/,
    );
    const badEscape = await fetch(`${rest}/portals/self/resources/%E0%A4%A.json?f=json`);
    expect(badEscape.status).toBe(200);
    expect(((await badEscape.json()) as Answer).error?.code).toBe(400);
    await expect(org.admin.admin.resources.add("../x", { text: "{}" })).rejects.toThrow(/key/);
    await expect(org.admin.admin.resources.add("x.json")).rejects.toThrow(/path or text/);
  });
});
