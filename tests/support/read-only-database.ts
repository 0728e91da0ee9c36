/**
 * Opens another process's SQLite file read-only (no migrations, no writes), so a test can look at what
 * a running or crashed app left behind without changing it.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { DatabaseHandle } from "../../db/client.server";
import * as schema from "../../db/schema";

export function openReadOnlyDatabase(path: string): DatabaseHandle {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  // The app may be writing at the same moment; wait for its lock rather than fail.
  sqlite.pragma("busy_timeout = 5000");
  return { db: drizzle(sqlite, { schema }), sqlite, close: () => sqlite.close() };
}
