// gis.admin.categorySchema against the portal over HTTP: the organisation's content categories
// (portals/self/categorySchema, assignCategorySchema, deleteCategorySchema), the same manager as
// gis.content.categories, and who may change them.
import { CategorySchemaManager } from "tsgis";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "../users/helpers";

describe("gis.admin.categorySchema", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => closeAll(org));

  const schema = [
    {
      title: "Categories",
      categories: [{ title: "Water", categories: [{ title: "Rivers" }] }, { title: "Soil" }],
    },
  ];

  it("is the organisation's category schema manager", () => {
    expect(org.admin.admin.categorySchema).toBeInstanceOf(CategorySchemaManager);
    expect(org.admin.admin.categorySchema).toBe(org.admin.content.categories);
  });

  it("assigns, lists and deletes the organisation's categories", async () => {
    const categories = org.admin.admin.categorySchema;
    expect(await categories.getSchema()).toEqual([]);
    expect(await categories.setSchema(schema)).toBe(true);
    expect(await org.user.admin.categorySchema.getSchema()).toEqual(schema);
    const portal = await org.admin.session.get<{ hasCategorySchema: boolean }>("portals/self");
    expect(portal.hasCategorySchema).toBe(true);

    expect(await categories.delete()).toBe(true);
    expect(await categories.getSchema()).toEqual([]);
    await expect(categories.setSchema([{ name: "no title" }] as never)).rejects.toThrow(/schema/);
  });

  it("refuses a non-administrator's changes", async () => {
    await org.admin.admin.categorySchema.setSchema(schema);
    expect((await arcgisFailure(org.user.admin.categorySchema.setSchema([]))).code).toBe(403);
    expect((await arcgisFailure(org.publisher.admin.categorySchema.delete())).code).toBe(403);
    expect(await org.admin.admin.categorySchema.getSchema()).toEqual(schema);
    await org.admin.admin.categorySchema.delete();
  });
});
