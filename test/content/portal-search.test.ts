import { startTestPortal, type PortalClient } from "../portal/helpers";

/** The portal's search and item REST endpoints, spoken to over HTTP without the client. */
describe("portal search and items", () => {
  let portal: PortalClient;
  let adminToken: string;
  let userToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startTestPortal({ demo: true });
    adminToken = await portal.tokenFor("admin", "tsgis-admin-1");
    userToken = await portal.tokenFor("user", "tsgis-user-1");
    const add = async (token: string, owner: string, fields: Record<string, string>) => {
      const body = await portal.post(`/content/users/${owner}/addItem`, { token, ...fields });
      expect(body.success).toBe(true);
      return body.id as string;
    };
    ids.lakes = await add(adminToken, "admin", {
      title: "Lakes of Finland",
      type: "Web Map",
      tags: "water,lakes",
      snippet: "Every lake",
      text: JSON.stringify({ operationalLayers: [] }),
      extent: "20,60,30,70",
    });
    ids.rivers = await add(adminToken, "admin", {
      title: "Rivers",
      type: "Web Mapping Application",
      tags: "water,rivers",
      url: "https://example.com/rivers",
    });
    ids.private = await add(userToken, "user", {
      title: "Secret notes",
      type: "CSV",
      tags: "notes",
    });
    ids.org = await add(userToken, "user", {
      title: "Org water notes",
      type: "CSV",
      tags: "water",
    });
    await portal.post(`/content/items/${ids.lakes}/share`, { token: adminToken, everyone: "true" });
    await portal.post(`/content/items/${ids.org}/share`, { token: userToken, org: "true" });
  });

  afterAll(async () => {
    await portal.portal.close();
  });

  const search = (params: Record<string, string>) => portal.get("/search", params);
  const titles = (body: Record<string, unknown>) =>
    (body.results as { title: string }[]).map((r) => r.title).sort();

  it("finds public items anonymously and hides private and org items", async () => {
    const body = await search({ q: "water" });
    expect(titles(body)).toEqual(["Lakes of Finland"]);
    expect(body.total).toBe(1);
    expect(body.nextStart).toBe(-1);
  });

  it("shows org items to members and private items only to their owner and admins", async () => {
    expect(titles(await search({ q: "water", token: userToken }))).toEqual([
      "Lakes of Finland",
      "Org water notes",
    ]);
    const publisher = await portal.tokenFor("publisher", "tsgis-publisher-1");
    expect(titles(await search({ q: "notes", token: publisher }))).toEqual(["Org water notes"]);
    expect(titles(await search({ q: "notes", token: adminToken }))).toEqual([
      "Org water notes",
      "Secret notes",
    ]);
  });

  it("reads fields, phrases, boolean operators, parentheses, wildcards and ranges", async () => {
    const as = (q: string) => search({ q, token: adminToken }).then(titles);
    expect(await as('type:"Web Map"')).toEqual(["Lakes of Finland"]);
    expect(await as("type:web")).toEqual(["Lakes of Finland", "Rivers"]);
    expect(await as("tags:water AND NOT type:csv")).toEqual(["Lakes of Finland", "Rivers"]);
    expect(await as("title:lak* OR title:secret")).toEqual(["Lakes of Finland", "Secret notes"]);
    expect(await as("(owner:user) AND -tags:water")).toEqual(["Secret notes"]);
    expect(await as('title:"water notes"')).toEqual(["Org water notes"]);
    expect(await as(`id:${ids.rivers}`)).toEqual(["Rivers"]);
    expect(await as("owner:adm*")).toEqual(["Lakes of Finland", "Rivers"]);
    const future = Date.now() + 3600_000;
    expect(await as(`modified:[0 TO ${future}] AND owner:user`)).toEqual([
      "Org water notes",
      "Secret notes",
    ]);
    expect(await as(`created:[${future} TO *]`)).toEqual([]);
  });

  it("sorts, pages 1-based with nextStart, counts fields and filters by bbox", async () => {
    const first = await search({
      q: "*",
      token: adminToken,
      sortField: "title",
      sortOrder: "asc",
      num: "2",
      countFields: "type",
    });
    expect((first.results as { title: string }[]).map((r) => r.title)).toEqual([
      "Lakes of Finland",
      "Org water notes",
    ]);
    expect(first.nextStart).toBe(3);
    const counts = (
      first.aggregations as {
        counts: { fieldName: string; fieldValues: { value: string; count: number }[] }[];
      }
    ).counts;
    expect(counts[0].fieldName).toBe("type");
    expect(counts[0].fieldValues).toContainEqual({ value: "CSV", count: 2 });
    const last = await search({
      q: "*",
      token: adminToken,
      sortField: "title",
      num: "2",
      start: "3",
    });
    expect((last.results as { title: string }[]).map((r) => r.title)).toEqual([
      "Rivers",
      "Secret notes",
    ]);
    expect(last.nextStart).toBe(-1);
    expect(titles(await search({ q: "*", bbox: "25,65,26,66", token: adminToken }))).toEqual([
      "Lakes of Finland",
    ]);
  });

  it("reports bad search input naming the parameter", async () => {
    expect((await search({ q: 'title:"open' })).error?.message).toContain("'q'");
    expect((await search({ q: "x", sortField: "color" })).error?.message).toContain("'sortField'");
    expect((await search({ q: "x", num: "abc" })).error?.message).toContain("'num'");
    expect((await search({ q: "x", bbox: "1,2" })).error?.message).toContain("'bbox'");
  });

  it("hides private items from others and lets only owners and admins change them", async () => {
    const anonymous = await portal.get(`/content/items/${ids.private}`);
    expect(anonymous.error?.message).toBe("Item does not exist or is inaccessible.");
    const missing = await portal.get("/content/items/0123456789abcdef0123456789abcdef");
    expect(missing.error?.message).toBe("Item does not exist or is inaccessible.");
    expect((await portal.get(`/content/items/${ids.private}`, { token: adminToken })).title).toBe(
      "Secret notes",
    );
    const orgForAnonymous = await portal.get(`/content/items/${ids.org}`);
    expect(orgForAnonymous.error?.code).toBe(403);
    const publisher = await portal.tokenFor("publisher", "tsgis-publisher-1");
    const denied = await portal.post(`/content/users/user/items/${ids.org}/update`, {
      token: publisher,
      title: "Hijacked",
    });
    expect(denied.error?.code).toBe(403);
    const data = await fetch(`${portal.rest}/content/items/${ids.lakes}/data`);
    expect(await data.json()).toEqual({ operationalLayers: [] });
  });

  it("refuses to delete protected items", async () => {
    await portal.post(`/content/users/user/items/${ids.private}/protect`, { token: userToken });
    const refused = await portal.post(`/content/users/user/items/${ids.private}/delete`, {
      token: userToken,
    });
    expect(refused.error?.message).toContain("protection");
    await portal.post(`/content/users/user/items/${ids.private}/unprotect`, { token: userToken });
    const deleted = await portal.post(`/content/users/user/items/${ids.private}/delete`, {
      token: userToken,
    });
    expect(deleted.success).toBe(true);
  });
});
