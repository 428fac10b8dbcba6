import { inspect } from "node:util";
import type { Item } from "./item";
import { requireString } from "../arguments";
import { getItemDependencies } from "../rest/items";
import {
  addItemDependencies,
  removeAllItemDependencies,
  removeItemDependency,
} from "../rest/user-items";
import { ownerOf } from "./item-owner";

const DEPENDENCY_TYPES = ["id", "url", "serverId"] as const;
type DependencyType = (typeof DEPENDENCY_TYPES)[number];

/** One dependency: an item id, a URL or a server id the item relies on. */
export interface ItemDependency {
  dependencyType: DependencyType;
  id?: string;
  url?: string;
  serverId?: string;
}

/**
 * The dependencies of an item. Python: `Item.dependencies` (an `ItemDependency` manager).
 * @example
 * await item.dependencies.add("url", "https://services.example.com/FeatureServer");
 * console.log(await item.dependencies.list());
 */
export class ItemDependencies {
  /**
   * Made by the item: use `item.dependencies`.
   * Python: `Item.dependencies`.
   * @example
   * const dependencies = item.dependencies;
   */
  constructor(private readonly item: Item) {}

  /**
   * What the item depends on.
   * Python: `ItemDependency.list()`.
   * @example
   * const deps = await item.dependencies.list();
   */
  async list(): Promise<ItemDependency[]> {
    const answer = await getItemDependencies(this.item.gis.session, this.item.id);
    return answer.list ?? [];
  }

  /**
   * Records a dependency.
   * Python: `ItemDependency.add(item_type, item)`.
   * @example
   * await item.dependencies.add("id", otherItem.id);
   */
  async add(dependencyType: DependencyType, value: string): Promise<boolean> {
    const dependency = dependencyOf(dependencyType, value);
    const answer = await addItemDependencies(
      this.item.gis.session,
      await ownerOf(this.item),
      this.item.id,
      [dependency],
    );
    return answer.success === true;
  }

  /**
   * Removes one dependency.
   * Python: `ItemDependency.remove(item_type, item)`.
   * @example
   * await item.dependencies.remove("id", otherItem.id);
   */
  async remove(dependencyType: DependencyType, value: string): Promise<boolean> {
    const dependency = dependencyOf(dependencyType, value);
    const answer = await removeItemDependency(
      this.item.gis.session,
      await ownerOf(this.item),
      this.item.id,
      dependency,
    );
    return answer.success === true;
  }

  /**
   * Removes every dependency.
   * Python: `ItemDependency.remove_all()`.
   * @example
   * await item.dependencies.removeAll();
   */
  async removeAll(): Promise<boolean> {
    const answer = await removeAllItemDependencies(
      this.item.gis.session,
      await ownerOf(this.item),
      this.item.id,
    );
    return answer.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `ItemDependencies.__repr__()`.
   * @example
   * console.log(util.inspect(item.dependencies));
   */
  [inspect.custom](): string {
    return `<ItemDependencies item:${this.item.id}>`;
  }
}

function dependencyOf(dependencyType: unknown, value: unknown): ItemDependency {
  if (!DEPENDENCY_TYPES.includes(dependencyType as DependencyType)) {
    throw new RangeError(
      `dependencyType: expected one of ${DEPENDENCY_TYPES.join(", ")}, got ${String(dependencyType)}`,
    );
  }
  const type = dependencyType as DependencyType;
  return { dependencyType: type, [type]: requireString(value, "value") };
}
