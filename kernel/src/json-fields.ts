/** What the getters read: the document each object keeps in its `json` field (private or not). */
interface JsonBacked {
  json: Record<string, unknown>;
}

/** The fields this module defined on each prototype, so they are not taken for class members. */
const definedFields = new WeakMap<object, Set<string>>();

/**
 * Makes every top-level field of `json`, the REST JSON document `target` keeps in its `json`
 * field, readable as a property of `target`
 * (`user.fullName`, `group.title`), always reading the latest document, so an object that
 * refreshes itself after an update shows the new values. Fields that clash with a member of the
 * class are left to the class.
 *
 * The getters go on the class's prototype, each defined once for all its objects: a search
 * builds thousands of Items, and a getter per field per object made each one a slow dictionary
 * object with dozens of closures. A field another object's document had reads as `undefined` on
 * an object whose document lacks it, as an absent property does.
 */
export function exposeJsonFields(target: object, json: Record<string, unknown>): void {
  const prototype = Object.getPrototypeOf(target) as object;
  let defined = definedFields.get(prototype);
  if (!defined) {
    defined = new Set();
    definedFields.set(prototype, defined);
  }
  for (const key of Object.keys(json)) {
    if (defined.has(key) || key in target) continue;
    Object.defineProperty(prototype, key, {
      get(this: JsonBacked) {
        return this.json[key];
      },
      enumerable: true,
      configurable: true,
    });
    defined.add(key);
  }
}
