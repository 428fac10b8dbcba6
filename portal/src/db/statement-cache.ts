import type Database from "better-sqlite3";

const MAX_STATEMENTS = 256;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const rawCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement for `sql`, compiled once per database and reused: compiling is a large
 * share of a hot read such as a search page. Only for statements run with get/all/run in their
 * default mode (pluck, raw or iterate would leak into the next user). The least recently used
 * statement goes when the cache is full, since SQL with a variable list of `?` has many texts.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  return cached(caches, db, sql, (statement) => statement);
}

/**
 * The same for a read whose rows come as arrays of column values (`raw` mode, kept in a cache of
 * its own): better-sqlite3 makes arrays much faster than objects, which counts when a page reads
 * thousands of rows.
 */
export function cachedRawStatement(db: Database.Database, sql: string): Database.Statement {
  return cached(rawCaches, db, sql, (statement) => statement.raw(true));
}

function cached(
  caches: WeakMap<Database.Database, Map<string, Database.Statement>>,
  db: Database.Database,
  sql: string,
  prepare: (statement: Database.Statement) => Database.Statement,
): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const found = cache.get(sql);
  if (found) {
    cache.delete(sql);
    cache.set(sql, found);
    return found;
  }
  const statement = prepare(db.prepare(sql));
  cache.set(sql, statement);
  if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
  return statement;
}
