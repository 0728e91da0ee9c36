/**
 * Queries prepared once per database (issue #17): drizzle builds the SQL and better-sqlite3 compiles it
 * on first use; every later call only binds its values (`sql.placeholder`). On the booking path this was
 * about an eighth of each worker's CPU. `immediateTransaction` runs its work on the same `Db` and
 * connection, so a prepared query is used inside a transaction as it is outside one.
 */
import type { Db } from "./client.server";

export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const byDatabase = new WeakMap<Db, T>();
  return (db) => {
    let query = byDatabase.get(db);
    if (query === undefined) {
      query = build(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}
