import Database from "better-sqlite3";
import { rememberedValue } from "../../portal/src/db/remembered-values";

describe("rememberedValue: a layer's count or extent, read once while nothing changes", () => {
  let db: Database.Database;
  let reads: number;

  beforeEach(() => {
    db = new Database(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
    db.prepare("INSERT INTO t (x) VALUES (1), (2), (3)").run();
    reads = 0;
    // Counts how often SQLite really evaluates the aggregate.
    db.function("counted", (value: unknown) => {
      reads++;
      return value;
    });
  });

  afterEach(() => db.close());

  const count = (min: number): unknown =>
    rememberedValue(db, "SELECT counted(COUNT(*)) FROM t WHERE x >= ?", [min]);

  it("reads once per statement and parameters, then answers from memory", () => {
    expect(count(1)).toBe(3);
    expect(count(1)).toBe(3);
    expect(reads).toBe(1);
    expect(count(2)).toBe(2);
    expect(reads).toBe(2);
  });

  it("reads again once the database is written to", () => {
    expect(count(1)).toBe(3);
    db.prepare("INSERT INTO t (x) VALUES (4)").run();
    expect(count(1)).toBe(4);
    db.prepare("DELETE FROM t WHERE x = 1").run();
    expect(count(1)).toBe(3);
    expect(reads).toBe(3);
  });
});
