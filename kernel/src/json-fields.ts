/**
 * Makes every top-level field of a REST JSON document readable as a property of `target`
 * (`user.fullName`, `group.title`), always reading the latest document, so an object that
 * refreshes itself after an update shows the new values. Fields that clash with a method or
 * getter of the class are left to the class.
 */
export function exposeJsonFields(target: object, read: () => Record<string, unknown>): void {
  for (const key of Object.keys(read())) {
    const own = Object.getOwnPropertyDescriptor(target, key);
    const definedHere = own !== undefined && own.get !== undefined && own.configurable === true;
    if (key in target && !definedHere) continue;
    Object.defineProperty(target, key, {
      get: () => read()[key],
      enumerable: true,
      configurable: true,
    });
  }
}
