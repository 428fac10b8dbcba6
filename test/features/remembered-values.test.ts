import Database from "better-sqlite3";
import { migrate } from "../../portal/src/db/migrate";
import { migrations } from "../../portal/src/db/migrations";
import { rememberedValue } from "../../portal/src/db/remembered-values";

describe("rememberedValue: a layer's count or extent, read once while its features are unchanged", () => {
  let db: Database.Database;
  let reads: number;

  const addFeature = (objectId: number): void => {
    db.prepare(
      "INSERT INTO features (service_id, layer_id, object_id, attributes_json) VALUES ('s', 0, ?, '{}')",
    ).run(objectId);
  };

  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db, migrations);
    // Feature rows alone, without the service and layer they would belong to.
    db.pragma("foreign_keys = OFF");
    for (const objectId of [1, 2, 3]) addFeature(objectId);
    reads = 0;
    // Counts how often SQLite really evaluates the aggregate.
    db.function("counted", (value: unknown) => {
      reads++;
      return value;
    });
  });

  afterEach(() => db.close());

  const count = (min: number): unknown =>
    rememberedValue(db, "SELECT counted(COUNT(*)) FROM features WHERE object_id >= ?", [min]);

  it("reads once per statement and parameters, then answers from memory", () => {
    expect(count(1)).toBe(3);
    expect(count(1)).toBe(3);
    expect(reads).toBe(1);
    expect(count(2)).toBe(2);
    expect(reads).toBe(2);
  });

  it("reads again once features are added, changed or deleted", () => {
    expect(count(1)).toBe(3);
    addFeature(4);
    expect(count(1)).toBe(4);
    db.prepare("UPDATE features SET object_id = 0 WHERE object_id = 4").run();
    expect(count(1)).toBe(3);
    db.prepare("DELETE FROM features WHERE object_id = 1").run();
    expect(count(1)).toBe(2);
    expect(reads).toBe(4);
  });

  it("reads again once a layer or a service changes (a view's definition lives there)", () => {
    expect(count(1)).toBe(3);
    db.prepare(
      "INSERT INTO feature_layers (service_id, layer_id, definition_json) VALUES ('s', 0, '{}')",
    ).run();
    expect(count(1)).toBe(3);
    db.prepare("UPDATE feature_layers SET definition_json = '{\"id\":0}'").run();
    expect(count(1)).toBe(3);
    expect(reads).toBe(3);
  });

  it("keeps answering from memory when other tables are written (a sign-in stores a token)", () => {
    expect(count(1)).toBe(3);
    db.prepare("CREATE TABLE other (x INTEGER)").run();
    db.prepare("INSERT INTO other (x) VALUES (1)").run();
    expect(count(1)).toBe(3);
    expect(reads).toBe(1);
  });
});
