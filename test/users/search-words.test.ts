// Field searches over users and groups match whole words of the text, also the last word of a
// sentence: "… layers and basemaps." is found by `description:basemaps`, as ArcGIS Online finds
// Esri's basemap groups in the groups guide.
import { startTestOrg, type TestOrg } from "./helpers";

describe("word matching in user and group searches", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });

  afterAll(() => org.close());

  it("finds a word that ends a sentence, and still matches dotted names whole", async () => {
    const group = await org.admin.groups.create("Polar maps", "search-words", {
      access: "public",
      description: "Ready-to-use maps, layers and basemaps.",
      snippet: "Contact polar.team@example.com",
    });
    try {
      const titles = async (query: string) =>
        (await org.anonymous.groups.search(query)).map((found) => found.title);
      expect(await titles("description:basemaps")).toEqual(["Polar maps"]);
      expect(await titles("owner:admin AND description:basemaps")).toEqual(["Polar maps"]);
      expect(await titles("snippet:polar.team@example.com")).toEqual(["Polar maps"]);
      expect(await titles("description:basemap")).toEqual([]);
    } finally {
      await group?.delete();
    }
  });
});
