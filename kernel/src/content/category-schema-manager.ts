import {
  assignCategorySchema,
  deleteCategorySchema,
  getCategorySchema,
  updateItemCategories,
} from "../rest/categories";
import { inspect } from "node:util";
import type { GIS } from "../gis";
import { plainObject } from "../arguments";

/** A content category and its subcategories. */
export interface Category {
  title: string;
  description?: string;
  categories?: Category[];
}

/**
 * The content category schema of the organisation (`gis.content.categories`) or of a group
 * (`group.categories`). Python: `arcgis.gis.CategorySchemaManager`.
 * @example
 * await gis.content.categories.setSchema([{ title: "Categories", categories: [{ title: "Water" }] }]);
 */
export class CategorySchemaManager {
  /**
   * Usually reached as `gis.content.categories` or `group.categories`.
   * Python: `CategorySchemaManager(base_url, gis=None)`.
   * @example
   * const categories = gis.content.categories;
   * @param baseUrl `portals/self` or `community/groups/{id}`, relative to the Sharing REST root.
   */
  constructor(
    private readonly baseUrl: string,
    private readonly gis: GIS,
  ) {}

  /**
   * The raw category schema document. Python: `CategorySchemaManager.properties`.
   * @example
   * const props = await gis.content.categories.getProperties();
   */
  async getProperties(): Promise<Record<string, unknown>> {
    return getCategorySchema(this.gis.session, this.baseUrl);
  }

  /**
   * The category trees. Python: `CategorySchemaManager.schema` (getter).
   * @example
   * const trees = await gis.content.categories.getSchema();
   */
  async getSchema(): Promise<Category[]> {
    const answer = await getCategorySchema(this.gis.session, this.baseUrl);
    return answer.categorySchema ?? [];
  }

  /**
   * Replaces the category trees. Python: `CategorySchemaManager.schema` (setter).
   * @example
   * await gis.content.categories.setSchema([{ title: "Categories", categories: [{ title: "Soil" }] }]);
   */
  async setSchema(schema: Category[] | { categorySchema: Category[] }): Promise<boolean> {
    const trees = Array.isArray(schema) ? schema : plainObject(schema, "schema").categorySchema;
    if (!Array.isArray(trees) || trees.some((tree) => !tree || typeof tree.title !== "string")) {
      throw new TypeError("schema: expected a list of categories, each with a title");
    }
    const answer = await assignCategorySchema(this.gis.session, this.baseUrl, trees);
    return answer.success === true;
  }

  /**
   * Removes the category schema. Python: `CategorySchemaManager.delete()`.
   * @example
   * await group.categories.delete();
   */
  async delete(): Promise<boolean> {
    const answer = await deleteCategorySchema(this.gis.session, this.baseUrl);
    return answer.success === true;
  }

  /**
   * Sets the categories of items: `[{ [itemId]: { categories: ["/Categories/Water"] } }, …]`.
   * Returns item id → success. Python: `CategorySchemaManager.assign_to_items(items)`.
   * @example
   * await gis.content.categories.assignToItems([{ [item.id]: { categories: ["/Categories/Water"] } }]);
   */
  async assignToItems(
    items: Record<string, { categories: string[] }>[],
  ): Promise<Record<string, boolean>> {
    if (!Array.isArray(items) || items.length === 0 || items.length > 100) {
      throw new TypeError("items: expected a list of 1 to 100 { itemId: { categories } } objects");
    }
    for (const [index, entry] of items.entries()) {
      plainObject(entry, `items[${index}]`);
      for (const value of Object.values(entry)) {
        if (
          !value ||
          !Array.isArray(value.categories) ||
          value.categories.some((c) => typeof c !== "string")
        ) {
          throw new TypeError(`items[${index}]: expected { itemId: { categories: [paths] } }`);
        }
      }
    }
    const url = this.baseUrl.startsWith("community/groups/")
      ? (`${this.baseUrl}/updateCategories` as const)
      : "content/updateItems";
    const answer = await updateItemCategories(this.gis.session, url, items);
    return Object.fromEntries(
      (answer.results ?? []).map((result) => [result.itemId, result.success]),
    );
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `CategorySchemaManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.content.categories));
   */
  [inspect.custom](): string {
    return `<CategorySchemaManager url:"${this.baseUrl}">`;
  }
}
