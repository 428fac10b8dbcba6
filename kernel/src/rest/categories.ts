// Category schemas of the organisation (`portals/self`) or of a group (`community/groups/{id}`),
// and the categories of items; CategorySchemaManager calls these with its owner's URL.
import type { Category } from "../content/category-schema-manager";
import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

/** REST: `{owner}/categorySchema`. */
export async function getCategorySchema(
  session: Session,
  ownerUrl: string,
): Promise<{ categorySchema?: Category[]; [key: string]: unknown }> {
  return session.get(`${ownerUrl}/categorySchema`);
}

/** REST: `{owner}/assignCategorySchema`. */
export async function assignCategorySchema(
  session: Session,
  ownerUrl: string,
  trees: Category[],
): Promise<SuccessResponse> {
  return session.post(`${ownerUrl}/assignCategorySchema`, {
    categorySchema: { categorySchema: trees },
  });
}

/** REST: `{owner}/deleteCategorySchema`. */
export async function deleteCategorySchema(
  session: Session,
  ownerUrl: string,
): Promise<SuccessResponse> {
  return session.post(`${ownerUrl}/deleteCategorySchema`);
}

/**
 * REST: `content/updateItems` (the organisation's categories) or a group's
 * `updateCategories`: per item, its category paths.
 */
export async function updateItemCategories(
  session: Session,
  url: "content/updateItems" | `${string}/updateCategories`,
  items: Record<string, { categories: string[] }>[],
): Promise<{ results?: { itemId: string; success: boolean }[] }> {
  return session.post(url, { items });
}
