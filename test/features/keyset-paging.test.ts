import { DEMO_PUBLISHER, type FeaturePortal, startFeaturePortal } from "./service-fixture";

const MAX_RECORDS = 3;

describe("query pages by resultOffset in object id order (keyset paging)", () => {
  let portal: FeaturePortal;
  let token: string;
  let layerUrl: string;

  beforeAll(async () => {
    portal = await startFeaturePortal();
    token = await portal.token(DEMO_PUBLISHER);
    const created = await portal.call(
      "/sharing/rest/content/users/publisher/createService",
      {
        createParameters: { name: "Keyset", capabilities: "Query,Editing", maxRecordCount: 3 },
        outputType: "featureService",
      },
      token,
    );
    const serviceUrl = created.serviceurl as string;
    const defined = await portal.call(
      `${serviceUrl.replace("/rest/services/", "/rest/admin/services/")}/addToDefinition`,
      {
        addToDefinition: {
          layers: [
            {
              name: "Rows",
              geometryType: "esriGeometryPoint",
              fields: [{ name: "rank", type: "esriFieldTypeInteger" }],
            },
          ],
        },
      },
      token,
    );
    expect(defined.success).toBe(true);
    layerUrl = `${serviceUrl}/0`;
    const adds = Array.from({ length: 10 }, (_, index) => ({ attributes: { rank: index + 1 } }));
    const edits = await portal.call(`${layerUrl}/applyEdits`, { adds }, token);
    expect(edits.error).toBeUndefined();
    expect((edits.addResults as unknown[]).length).toBe(10);
  });

  afterAll(async () => {
    await portal.portal.close();
  });

  const page = async (
    resultOffset: number,
    extra: Record<string, unknown> = {},
  ): Promise<{ ranks: number[]; exceeded: boolean }> => {
    const answer = await portal.call(
      `${layerUrl}/query`,
      { where: "1=1", outFields: "rank", resultOffset, ...extra },
      token,
    );
    if (answer.error) throw new Error(answer.error.message);
    return {
      ranks: (answer.features as { attributes: { rank: number } }[]).map(
        (feature) => feature.attributes.rank,
      ),
      exceeded: answer.exceededTransferLimit === true,
    };
  };

  it("reads every row once across sequential pages, flagging all but the last", async () => {
    const pages = [];
    for (let offset = 0; offset < 12; offset += MAX_RECORDS) pages.push(await page(offset));
    expect(pages.map((entry) => entry.ranks)).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
    expect(pages.map((entry) => entry.exceeded)).toEqual([true, true, true, false]);
  });

  it("answers pages asked for out of order, again, or at any offset the same way", async () => {
    expect((await page(6)).ranks).toEqual([7, 8, 9]);
    expect((await page(3)).ranks).toEqual([4, 5, 6]);
    expect((await page(6)).ranks).toEqual([7, 8, 9]);
    expect((await page(4)).ranks).toEqual([5, 6, 7]);
    expect((await page(2, { resultRecordCount: 2 })).ranks).toEqual([3, 4]);
    expect(await page(10)).toEqual({ ranks: [], exceeded: false });
    expect(await page(50)).toEqual({ ranks: [], exceeded: false });
  });

  it("pages a where clause by its own offsets", async () => {
    const first = await page(0, { where: "rank > 4" });
    const second = await page(3, { where: "rank > 4" });
    expect([first.ranks, second.ranks]).toEqual([
      [5, 6, 7],
      [8, 9, 10],
    ]);
    expect([first.exceeded, second.exceeded]).toEqual([true, false]);
  });

  it("follows edits made between pages: offsets count the rows as they are now", async () => {
    expect((await page(0)).ranks).toEqual([1, 2, 3]);
    // The page at offset 3 was read before; deleting a row ahead of it moves it by one.
    const deleted = await portal.call(`${layerUrl}/applyEdits`, { deletes: "2" }, token);
    expect(deleted.error).toBeUndefined();
    expect((await page(3)).ranks).toEqual([5, 6, 7]);
    const added = await portal.call(
      `${layerUrl}/applyEdits`,
      { adds: [{ attributes: { rank: 11 } }] },
      token,
    );
    expect(added.error).toBeUndefined();
    expect((await page(6)).ranks).toEqual([8, 9, 10]);
    expect(await page(9)).toEqual({ ranks: [11], exceeded: false });
  });
});
