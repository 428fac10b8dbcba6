import type { Item } from "./item";

/** The item's owner, loading the item first when only its id is known. */
export async function ownerOf(item: Item): Promise<string> {
  if (!item.owner) await item.refresh();
  return item.owner as string;
}
