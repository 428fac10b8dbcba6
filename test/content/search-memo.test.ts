import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type PortalDatabase } from "../../portal/src/db/open-database";
import { SearchMemo } from "../../portal/src/search/search-memo";

describe("SearchMemo: a search's count and order, computed once per state of what searches read", () => {
  let dataDir: string;
  let db: PortalDatabase;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-memo-"));
    db = openDatabase(dataDir);
    // The rows below stand alone; their users, groups and organisation do not matter here.
    db.pragma("foreign_keys = OFF");
    db.prepare(
      `INSERT INTO items (id, owner, org_id, title, type, created, modified)
       VALUES ('i1', 'ann', 'org', 'First', 'CSV', 1, 1)`,
    ).run();
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function countsAfter(write: () => void): number {
    let counted = 0;
    const count = () => ++counted;
    new SearchMemo(db).total("q", count);
    write();
    new SearchMemo(db).total("q", count);
    return counted;
  }

  it("counts a query once while nothing is written, for every page and request", () => {
    let counted = 0;
    const count = () => ++counted * 100;
    expect(new SearchMemo(db).total("q", count)).toBe(100);
    expect(new SearchMemo(db).total("q", count)).toBe(100);
    expect(new SearchMemo(db).total("other", count)).toBe(200);
    expect(counted).toBe(2);
  });

  it("keeps its totals across writes that searches do not read (a sign-in, a log line)", () => {
    expect(
      countsAfter(() => {
        db.prepare(
          `INSERT INTO tokens (token_hash, username, expires, client, referer, ip, created)
           VALUES ('h', 'ann', 9, 'referer', '', '', 1)`,
        ).run();
        db.prepare("UPDATE users SET last_login = 5").run();
      }),
    ).toBe(1);
  });

  it.each([
    [
      "an item added",
      "INSERT INTO items (id, owner, org_id, title, type, created, modified) VALUES ('i2', 'ann', 'org', 'T', 'CSV', 1, 1)",
    ],
    ["an item changed", "UPDATE items SET access = 'public' WHERE id = 'i1'"],
    ["an item deleted", "DELETE FROM items WHERE id = 'i1'"],
    [
      "an item shared with a group",
      "INSERT INTO item_groups (item_id, group_id, shared) VALUES ('i1', 'g1', 1)",
    ],
    [
      "a member added to a group",
      "INSERT INTO group_members (group_id, username, member_type, joined) VALUES ('g1', 'bob', 'member', 1)",
    ],
    [
      "an item's categories changed",
      "INSERT INTO item_categories (item_id, category) VALUES ('i1', '/Categories/Water')",
    ],
  ])("counts again after %s", (_what, sql) => {
    expect(countsAfter(() => db.prepare(sql).run())).toBe(2);
  });

  it("reads a first page once per query, order and size, and again after a change", () => {
    let read = 0;
    const top = () => {
      read++;
      return [7, 3];
    };
    const memo = new SearchMemo(db);
    expect(memo.firstPage("q", "title ASC", 2, top)).toEqual([7, 3]);
    memo.firstPage("q", "title ASC", 2, top);
    memo.firstPage("q", "title ASC", 10, top);
    memo.firstPage("q", "title DESC", 2, top);
    expect(read).toBe(3);
    db.prepare("UPDATE items SET access = 'org' WHERE id = 'i1'").run();
    memo.firstPage("q", "title ASC", 2, top);
    expect(read).toBe(4);
  });

  it("sorts once per query and order, and again after a change to the items", () => {
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
    db.prepare("UPDATE items SET title = 'Renamed' WHERE id = 'i1'").run();
    memo.order("q", "title ASC", sort);
    expect(sorted).toBe(3);
  });
});
