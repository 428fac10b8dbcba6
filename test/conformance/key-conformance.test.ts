import { compareKeys, loadDescription } from "./key-conformance";

describe("compareKeys", () => {
  it("counts keys present with a listed type", () => {
    const result = compareKeys({ a: "string", b: "number|null" }, { a: "x", b: null, extra: 1 });
    expect(result).toMatchObject({ total: 2, matching: 2, ratio: 1, problems: [] });
  });

  it("names absent and mistyped keys", () => {
    const result = compareKeys({ a: "string", b: "boolean", c: "array" }, { a: 1, c: [] });
    expect(result.matching).toBe(1);
    expect(result.problems).toEqual(["a: number, expected string", "b: missing"]);
  });

  it("walks nested objects and the first element of arrays", () => {
    const description = {
      error: { type: "object", keys: { code: "number", messageCode: "string" } },
      results: { type: "array", keys: { id: "string" } },
    };
    const result = compareKeys(description, { error: { code: 499 }, results: [{ id: 7 }] });
    expect(result.total).toBe(5);
    expect(result.problems).toEqual([
      "error.messageCode: missing",
      "results[0].id: number, expected string",
    ]);
  });

  it("reads every description with its sources", () => {
    for (const name of ["portal-self", "feature-layer", "error-token-required"]) {
      const description = loadDescription(name);
      expect(description.source.length).toBeGreaterThan(0);
      expect(Object.keys(description.keys).length).toBeGreaterThan(0);
    }
  });
});
