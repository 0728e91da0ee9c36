/**
 * Opens the SQLite database (WAL mode) and applies drizzle-kit migrations.
 * The only place that knows the database driver.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { LOCALITIES } from "./localities";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** Where migrations live, worked out from this file so it holds from any working directory. */
export function migrationsFolder(): string {
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  // In the Remix server bundle this file is inlined into build/; the migrations stay in db/.
  return process.env.MIGRATIONS_DIR ?? resolve(here, here.endsWith("build") ? "../db/migrations" : "migrations");
}

export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH ?? resolve("data", "marketplace.sqlite");
}

export function openDatabase(path = defaultDatabasePath(), options: { migrate?: boolean } = {}): DatabaseHandle {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers wait for each other instead of failing at once under parallel bookings.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) {
    migrate(db, { migrationsFolder: migrationsFolder() });
    db.insert(schema.localities)
      .values([...LOCALITIES])
      .onConflictDoNothing()
      .run();
  }
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * Runs `work` inside one `BEGIN IMMEDIATE` transaction: the write lock is taken at the start, so a
 * re-check of availability inside it cannot race another writer.
 */
export function immediateTransaction<T>(database: DatabaseHandle, work: (db: Db) => T): T {
  return database.sqlite.transaction(() => work(database.db)).immediate();
}
