import Database from "better-sqlite3";
import { migrate } from "../../portal/src/db/migrate";
import { migrations } from "../../portal/src/db/migrations";
import type { Migration } from "@tsgis/portal";

describe("schema migrations", () => {
  it("applies every migration once and records the version", () => {
    const db = new Database(":memory:");
    expect(migrate(db, migrations)).toBe(migrations.length);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(migrate(db, migrations)).toBe(migrations.length);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["organisation", "tokens", "users"]));
    db.close();
  });

  it("runs only the migrations a database lacks", () => {
    const db = new Database(":memory:");
    const applied: number[] = [];
    const step = (version: number): Migration => ({
      version,
      name: `step ${version}`,
      up: () => void applied.push(version),
    });
    migrate(db, [step(1)]);
    migrate(db, [step(1), step(2), step(3)]);
    expect(applied).toEqual([1, 2, 3]);
    db.close();
  });

  it("rolls a failing migration back and refuses gaps and newer databases", () => {
    const db = new Database(":memory:");
    const failing: Migration = {
      version: 1,
      name: "fails",
      up: (database) => {
        database.exec("CREATE TABLE half (x)");
        throw new Error("boom");
      },
    };
    expect(() => migrate(db, [failing])).toThrow("boom");
    expect(db.pragma("user_version", { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    const gap: Migration = { version: 2, name: "gap", up: () => undefined };
    expect(() => migrate(db, [gap])).toThrow(/expected 1/);
    db.pragma("user_version = 5");
    expect(() => migrate(db, [])).toThrow(/newer/);
    db.close();
  });
});
