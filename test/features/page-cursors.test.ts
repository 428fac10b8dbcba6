import Database from "better-sqlite3";
import { migrate } from "../../portal/src/db/migrate";
import { migrations } from "../../portal/src/db/migrations";
import { PageCursors } from "../../portal/src/features/page-cursors";

describe("PageCursors: where a query's next page starts", () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db, migrations);
    // Feature rows alone, without the service and layer they would belong to.
    db.pragma("foreign_keys = OFF");
  });

  afterEach(() => db.close());

  it("remembers a start per query and offset, for every store on the same database", () => {
    new PageCursors(db).set("q1", 2000, 2001);
    const other = new PageCursors(db);
    expect(other.get("q1", 2000)).toBe(2001);
    expect(other.get("q1", 4000)).toBeUndefined();
    expect(other.get("q2", 2000)).toBeUndefined();
    const otherDatabase = new Database(":memory:");
    migrate(otherDatabase, migrations);
    expect(new PageCursors(otherDatabase).get("q1", 2000)).toBeUndefined();
  });

  it("forgets every start once features change, and only then", () => {
    const cursors = new PageCursors(db);
    cursors.set("q1", 3, 4);
    db.prepare("CREATE TABLE other (x INTEGER)").run();
    db.prepare("INSERT INTO other (x) VALUES (1)").run();
    expect(cursors.get("q1", 3)).toBe(4);
    db.prepare(
      "INSERT INTO features (service_id, layer_id, object_id, attributes_json) VALUES ('s', 0, 1, '{}')",
    ).run();
    expect(cursors.get("q1", 3)).toBeUndefined();
    cursors.set("q1", 3, 5);
    db.prepare("UPDATE features SET attributes_json = '{\"a\":1}'").run();
    expect(cursors.get("q1", 3)).toBeUndefined();
  });

  it("keeps a bounded number of starts, dropping the least recently used", () => {
    const cursors = new PageCursors(db);
    for (let offset = 0; offset < 600; offset++) cursors.set("q", offset, offset + 1);
    expect(cursors.get("q", 0)).toBeUndefined();
    expect(cursors.get("q", 599)).toBe(600);
  });
});
