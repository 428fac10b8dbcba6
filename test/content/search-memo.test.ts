import Database from "better-sqlite3";
import { SearchMemo } from "../../portal/src/search/search-memo";

describe("SearchMemo: a search's count and order, computed once per state of the database", () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
  });

  afterEach(() => db.close());

  it("counts a query once while nothing is written, for every page and request", () => {
    let counted = 0;
    const count = () => ++counted * 100;
    expect(new SearchMemo(db).total("q", count)).toBe(100);
    expect(new SearchMemo(db).total("q", count)).toBe(100);
    expect(new SearchMemo(db).total("other", count)).toBe(200);
    expect(counted).toBe(2);
  });

  it("sorts once per query and order, and again after any write", () => {
    let sorted = 0;
    const sort = () => {
      sorted++;
      return [3, 1, 2];
    };
    const memo = new SearchMemo(db);
    memo.order("q", "title ASC", sort);
    memo.order("q", "title ASC", sort);
    memo.order("q", "title DESC", sort);
    expect(sorted).toBe(2);
    db.prepare("INSERT INTO t (x) VALUES (1)").run();
    memo.order("q", "title ASC", sort);
    expect(sorted).toBe(3);
    let counted = 0;
    memo.total("q", () => ++counted);
    db.prepare("DELETE FROM t").run();
    memo.total("q", () => ++counted);
    expect(counted).toBe(2);
  });
});
