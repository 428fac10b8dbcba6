import { startTestPortal, type PortalClient } from "../portal/helpers";

/**
 * Paging one search: later pages reuse the count and the order of the first, and still see
 * every change made between pages.
 */
describe("paging a portal search", () => {
  let portal: PortalClient;
  let token: string;

  const add = async (title: string): Promise<string> => {
    const body = await portal.post("/content/users/admin/addItem", {
      token,
      title,
      type: "CSV",
      tags: "paging",
    });
    expect(body.success).toBe(true);
    return body.id as string;
  };

  beforeAll(async () => {
    portal = await startTestPortal({ demo: true });
    token = await portal.tokenFor("admin", "tsgis-admin-1");
    // Titles repeat, so the order's tie-break decides where pages split.
    for (let index = 0; index < 25; index++) await add(`Paging ${String(index % 4)}`);
  });

  afterAll(async () => {
    await portal.portal.close();
  });

  const page = async (start: number, extra: Record<string, string> = {}) => {
    const body = await portal.get("/search", {
      token,
      q: "tags:paging",
      num: "10",
      start: String(start),
      ...extra,
    });
    expect(body.error).toBeUndefined();
    return {
      ids: (body.results as { id: string }[]).map((item) => item.id),
      titles: (body.results as { title: string }[]).map((item) => item.title),
      total: body.total as number,
      nextStart: body.nextStart as number,
    };
  };

  const allAtOnce = async (extra: Record<string, string> = {}) =>
    (await portal.get("/search", { token, q: "tags:paging", num: "100", ...extra })) as {
      results: { id: string }[];
      total: number;
    };

  it.each([
    ["the default order", {}],
    ["title ascending", { sortField: "title", sortOrder: "asc" }],
    ["title descending", { sortField: "title", sortOrder: "desc" }],
    ["numViews descending", { sortField: "numViews", sortOrder: "desc" }],
  ])("splits %s into pages that add up to the single answer", async (_name, sort) => {
    const whole = await allAtOnce(sort);
    expect(whole.total).toBe(25);
    // Asked for out of order, and one twice, as concurrent clients do.
    const third = await page(21, sort);
    const second = await page(11, sort);
    const first = await page(1, sort);
    expect((await page(11, sort)).ids).toEqual(second.ids);
    expect([...first.ids, ...second.ids, ...third.ids]).toEqual(
      whole.results.map((item) => item.id),
    );
    expect([first.total, second.total, third.total]).toEqual([25, 25, 25]);
    expect([first.nextStart, second.nextStart, third.nextStart]).toEqual([11, 21, -1]);
    expect(new Set([...first.ids, ...second.ids, ...third.ids]).size).toBe(25);
  });

  it("keeps sorted titles in order across pages", async () => {
    const sort = { sortField: "title", sortOrder: "desc" };
    const titles = [
      ...(await page(1, sort)).titles,
      ...(await page(11, sort)).titles,
      ...(await page(21, sort)).titles,
    ];
    expect(titles).toEqual([...titles].sort().reverse());
  });

  it("counts and orders afresh after an item is added or deleted between pages", async () => {
    const sort = { sortField: "title", sortOrder: "asc" };
    const before = await page(11, sort);
    expect(before.total).toBe(25);
    const added = await add("Paging 0 (new)");
    const after = await page(11, sort);
    expect(after.total).toBe(26);
    expect((await allAtOnce(sort)).results.map((item) => item.id)).toContain(added);
    const whole = (await allAtOnce(sort)).results.map((item) => item.id);
    expect(after.ids).toEqual(whole.slice(10, 20));
    const deleted = await portal.post(`/content/users/admin/items/${added}/delete`, { token });
    expect(deleted.success).toBe(true);
    const again = await page(11, sort);
    expect(again.total).toBe(25);
    expect(again.ids).toEqual(before.ids);
  });

  it("answers an empty page past the end", async () => {
    const beyond = await page(41);
    expect(beyond).toMatchObject({ ids: [], total: 25, nextStart: -1 });
  });
});
