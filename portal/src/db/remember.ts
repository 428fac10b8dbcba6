/**
 * The value under `key` in `map`, computed and kept when absent (`has`, so an `undefined` value
 * is kept too); when the map holds more than `limit`, the least recently used entry goes.
 */
export function remember<T>(map: Map<string, T>, key: string, limit: number, compute: () => T): T {
  if (map.has(key)) {
    const found = map.get(key) as T;
    map.delete(key);
    map.set(key, found);
    return found;
  }
  const value = compute();
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as string);
  return value;
}
