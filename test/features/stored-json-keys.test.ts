import fc from "fast-check";
import { hasKeysInOrder } from "../../portal/src/features/stored-json-keys";

const quoted = (keys: readonly string[]): string[] => keys.map((key) => JSON.stringify(key));

/** What the function must answer, found by parsing. */
function parsedAnswer(text: string, keys: readonly string[]): boolean {
  const actual = Object.keys(JSON.parse(text) as object);
  return actual.length === keys.length && actual.every((key, index) => key === keys[index]);
}

describe("hasKeysInOrder: a stored object's keys, read from its JSON text", () => {
  it("answers true for the keys in their order and false otherwise", () => {
    const text = JSON.stringify({ rank: 1, label: "Point 1", when: null });
    expect(hasKeysInOrder(text, quoted(["rank", "label", "when"]))).toBe(true);
    expect(hasKeysInOrder(text, quoted(["label", "rank", "when"]))).toBe(false);
    expect(hasKeysInOrder(text, quoted(["rank", "label"]))).toBe(false);
    expect(hasKeysInOrder(text, quoted(["rank", "label", "when", "extra"]))).toBe(false);
    expect(hasKeysInOrder("{}", [])).toBe(true);
    expect(hasKeysInOrder("{}", quoted(["rank"]))).toBe(false);
    expect(hasKeysInOrder(text, [])).toBe(false);
  });

  it("is not fooled by values that look like keys, nested values or escapes", () => {
    const tricky = {
      a: 'x","b":1,"c',
      b: { a: 1, "}": [1, "]", { "\\": '"' }] },
      c: ["a", { b: "c" }],
      'd"e': "\\",
    };
    const text = JSON.stringify(tricky);
    expect(hasKeysInOrder(text, quoted(["a", "b", "c", 'd"e']))).toBe(true);
    expect(hasKeysInOrder(text, quoted(["a", "b", "c"]))).toBe(false);
    expect(hasKeysInOrder(text, quoted(["a", "b", "c", "d"]))).toBe(false);
  });

  it("answers false, never a wrong true, for text JSON.stringify would not write", () => {
    expect(hasKeysInOrder('{ "a": 1 }', quoted(["a"]))).toBe(false);
    expect(hasKeysInOrder("[1]", [])).toBe(false);
    expect(hasKeysInOrder("null", [])).toBe(false);
  });

  it("agrees with parsing for any stored object and any asked-for keys", () => {
    const value = fc.jsonValue({ maxDepth: 2 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
        fc.boolean(),
        (object, otherKeys, askOwnKeys) => {
          const text = JSON.stringify(object);
          const keys = askOwnKeys ? Object.keys(JSON.parse(text) as object) : otherKeys;
          expect(hasKeysInOrder(text, quoted(keys))).toBe(parsedAnswer(text, keys));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
