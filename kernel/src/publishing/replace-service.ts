import type { Item } from "../content/item";
import * as rest from "../rest/services";
import type { GIS } from "../gis";

/** Options of `gis.content.replaceService`. */
export interface ReplaceServiceOptions {
  replacedServiceName?: string | null;
  replaceMetadata?: boolean;
}

function idOf(value: Item | string, name: string): string {
  const id = typeof value === "string" ? value : value?.id;
  if (typeof id !== "string" || !/^[0-9a-f]{32}$/i.test(id))
    throw new TypeError(`${name}: expected an Item or an item id`);
  return id;
}

/**
 * The logic of `ContentManager.replaceService`: the production item keeps its id and URL and
 * serves the replacement's service; the old service is archived behind the replacement item.
 */
export async function replaceService(
  gis: GIS,
  replaceItem: Item | string,
  newItem: Item | string,
  options: ReplaceServiceOptions = {},
): Promise<boolean> {
  const toReplaceItemId = idOf(replaceItem, "replaceItem");
  const replacementItemId = idOf(newItem, "newItem");
  const owner = gis.users.me?.username;
  if (!owner) throw new TypeError("gis: replacing a service needs a signed-in user");
  const answer = await rest.replaceService(gis.session, owner, {
    toReplaceItemId,
    replacementItemId,
    replacedServiceName: options.replacedServiceName ?? undefined,
    replaceMetadata: options.replaceMetadata ?? false,
    createNewItem: false,
  });
  return answer.success === true;
}
