import Database from "better-sqlite3";
import { PageCursors } from "../../portal/src/features/page-cursors";

describe("PageCursors: where a query's next page starts", () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
  });

  afterEach(() => db.close());

  it("remembers a start per query and offset, for every store on the same database", () => {
    new PageCursors(db).set("q1", 2000, 2001);
    const other = new PageCursors(db);
    expect(other.get("q1", 2000)).toBe(2001);
    expect(other.get("q1", 4000)).toBeUndefined();
    expect(other.get("q2", 2000)).toBeUndefined();
    expect(new PageCursors(new Database(":memory:")).get("q1", 2000)).toBeUndefined();
  });

  it("forgets every start once the database is written to", () => {
    const cursors = new PageCursors(db);
    cursors.set("q1", 3, 4);
    db.prepare("INSERT INTO t (x) VALUES (1)").run();
    expect(cursors.get("q1", 3)).toBeUndefined();
    cursors.set("q1", 3, 5);
    db.prepare("UPDATE t SET x = 2").run();
    expect(cursors.get("q1", 3)).toBeUndefined();
  });

  it("keeps a bounded number of starts, dropping the least recently used", () => {
    const cursors = new PageCursors(db);
    for (let offset = 0; offset < 600; offset++) cursors.set("q", offset, offset + 1);
    expect(cursors.get("q", 0)).toBeUndefined();
    expect(cursors.get("q", 599)).toBe(600);
  });
});
