/**
 * The demo data, seeded once per integration run for each set of options, then copied into each suite's
 * own fresh database. Seeding runs every use case (bookings, acceptances, deliveries, reviews, quality
 * scores) and takes about 8 s of CPU; copying the result takes milliseconds. Each suite still has its own
 * file, and the seed itself still runs, through the same code, the first time it is asked for.
 */
import type Database from "better-sqlite3";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { AppContext } from "../../app/services/context.server";
import { seedDemoData, type DemoAccount, type SeedOptions } from "../../app/seed/seed.server";
import { seedIfEmpty } from "../../server/startup.server";
import { tempAppContext } from "./temp-app-context";

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplates: string;
  }
}

/** The migrations table: the same in both files. (SQLite's own tables are left out by name.) */
const MIGRATIONS_TABLE = "__drizzle_migrations";

function templatePath(ctx: AppContext, options: SeedOptions): string {
  const { log: _log, ...rest } = options;
  const key = JSON.stringify({ ...rest, counting: ctx.searchCounter !== null })
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .slice(0, 180);
  return join(inject("demoTemplates"), `${key}.sqlite`);
}

/** Copies every row of `from` into `sqlite`'s tables, which are migrated and empty. */
function copyRows(from: string, sqlite: Database.Database): void {
  sqlite.pragma("foreign_keys = OFF");
  sqlite.prepare("ATTACH DATABASE ? AS template").run(from);
  try {
    const tables = sqlite
      .prepare("SELECT name FROM template.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    sqlite.transaction(() => {
      for (const table of tables.filter((t) => t !== MIGRATIONS_TABLE)) {
        sqlite.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM template."${table}"`);
      }
      // AUTOINCREMENT counters (the outboxes), so new rows follow the copied ones as after a real seed.
      sqlite.exec(
        "DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM template.sqlite_sequence",
      );
    })();
  } finally {
    sqlite.exec("DETACH DATABASE template");
    sqlite.pragma("foreign_keys = ON");
  }
}

/** Writes the database to `path` whole (through a temporary name, so a reader never sees half a file). */
function saveAs(sqlite: Database.Database, path: string): void {
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  sqlite.prepare("VACUUM INTO ?").run(partial);
  renameSync(partial, path);
}

/** seedDemoData(ctx, options), from this run's copy when there is one. */
export async function withDemoData(ctx: AppContext, options: SeedOptions = {}): Promise<DemoAccount[]> {
  const path = templatePath(ctx, options);
  const accountsPath = `${path}.accounts.json`;
  if (existsSync(path) && existsSync(accountsPath)) {
    copyRows(path, ctx.database.sqlite);
    return JSON.parse(readFileSync(accountsPath, "utf8")) as DemoAccount[];
  }
  const accounts = await seedDemoData(ctx, options);
  writeFileSync(accountsPath, JSON.stringify(accounts));
  saveAs(ctx.database.sqlite, path);
  return accounts;
}

/**
 * A database file with the demo data exactly as `npm start` makes it on an empty database, for an app process to start on: copy it to the app's DATABASE_PATH.
 */
export async function demoDatabaseFile(): Promise<string> {
  const path = join(inject("demoTemplates"), "app-start.sqlite");
  if (existsSync(path)) return path;
  const ctx = tempAppContext();
  try {
    await seedIfEmpty(ctx, () => {});
    saveAs(ctx.database.sqlite, path);
  } finally {
    ctx.cleanup();
  }
  return path;
}
