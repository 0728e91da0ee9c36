/**
 * Backups and restores of the SQLite database (`npm run backup`, `npm run restore`). Everything that
 * knows SQLite's files lives here, beside the client; the scripts only print.
 *
 * Backups use SQLite's online backup API: it copies a consistent snapshot while the app goes on
 * writing (WAL mode), and the copy is a single self-contained file.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrationsFolder } from "./client.server";
import { bookings, ledgerEntries, providers, reviews, services, users } from "./schema";

/** The tables whose row counts a backup and a restore report, with the words people use for them. */
export const KEY_TABLES = [
  { table: getTableName(users), label: "accounts" },
  { table: getTableName(providers), label: "providers" },
  { table: getTableName(services), label: "services" },
  { table: getTableName(bookings), label: "bookings" },
  { table: getTableName(ledgerEntries), label: "ledger entries" },
  { table: getTableName(reviews), label: "reviews" },
] as const;

export type RowCounts = Record<string, number>;

/** drizzle's record of applied migrations: present in every database this app has opened. */
const MIGRATIONS_TABLE = "__drizzle_migrations";
/** What every marketplace database has had since budgets and bookings arrived (migration 0002). */
const REQUIRED_TABLES = [MIGRATIONS_TABLE, ...KEY_TABLES.map((t) => t.table).filter((t) => t !== "reviews")];
const SQLITE_HEADER = "SQLite format 3\0";
/** Copy every page in one step: one read snapshot, so writes from the running app cannot restart it. */
const ALL_PAGES = 0x7fffffff;

export function rowCounts(sqlite: Database.Database): RowCounts {
  const present = new Set(
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all()
      .map((name) => String(name)),
  );
  const counts: RowCounts = {};
  for (const { table } of KEY_TABLES) {
    // An older backup may predate a table (reviews); migrations add it on restore.
    counts[table] = present.has(table) ? Number(sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()) : 0;
  }
  return counts;
}

/** "12 accounts, 8 providers, …" */
export function describeCounts(counts: RowCounts): string {
  return KEY_TABLES.map(({ table, label }) => `${(counts[table] ?? 0).toLocaleString("en-GB")} ${label}`).join(", ");
}

/** "1.4 MB" */
export function describeSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface BackupOptions {
  /**
   * Pages copied per step (default: all at once). Small steps let other work run between them;
   * a write through another connection between steps makes SQLite start the copy again.
   */
  pagesPerStep?: number;
  /** Called between steps, before the next one. */
  onStep?: (progress: { totalPages: number; remainingPages: number }) => void;
}

/**
 * Writes a consistent copy of the open database to `destination` (which must not exist yet) and
 * returns its size. The copy is written beside the destination first and renamed into place, so an
 * interrupted backup never leaves a file that looks complete.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  destination: string,
  options: BackupOptions = {},
): Promise<{ path: string; bytes: number }> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose another file for the backup.`);
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  removeDatabaseFiles(partial);
  try {
    await sqlite.backup(partial, {
      progress: (progress) => {
        options.onStep?.(progress);
        return options.pagesPerStep ?? ALL_PAGES;
      },
    });
    // The copy inherits WAL mode; rollback-journal mode makes it one file that opens anywhere, even read-only.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
  } finally {
    removeDatabaseFiles(partial);
  }
  return { path: destination, bytes: statSync(destination).size };
}

export type BackupCheck =
  | { ok: true; path: string; bytes: number; counts: RowCounts; migrations: number }
  | { ok: false; path: string; problem: string };

/**
 * Is this file a sound backup of this marketplace? A SQLite database that passes
 * `PRAGMA integrity_check`, has the app's tables, and was not made by a newer version of the app
 * (its migrations would be unknown here). Opens the file read-only.
 */
export function checkBackupFile(path: string): BackupCheck {
  const refuse = (problem: string): BackupCheck => ({ ok: false, path, problem });
  if (!existsSync(path)) return refuse(`There is no file at ${path}.`);
  const stats = statSync(path);
  if (!stats.isFile()) return refuse(`${path} is not a file.`);
  if (readHeader(path) !== SQLITE_HEADER) return refuse(`${path} is not a SQLite database.`);
  // A live database's newest changes may sit in its -wal file, which a restore would not copy.
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    return refuse(
      `${path} has a write-ahead log (${wal}) beside it, so it is a live database rather than a backup. ` +
        "Make a backup of it with `npm run backup` and restore that.",
    );
  }

  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== "ok") {
      return refuse(`${path} fails SQLite's integrity check: ${problems.slice(0, 3).join("; ")}`);
    }
    const tables = new Set(
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all()
        .map((name) => String(name)),
    );
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      return refuse(
        `${path} is a SQLite database but not a marketplace database: it has no ${missing.join(", ")} table.`,
      );
    }
    const newestApplied = Number(
      sqlite.prepare(`SELECT coalesce(max(created_at), 0) FROM "${MIGRATIONS_TABLE}"`).pluck().get(),
    );
    const known = readMigrationFiles({ migrationsFolder: migrationsFolder() });
    const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
    if (newestApplied > newestKnown) {
      return refuse(`${path} was made by a newer version of the marketplace; update this copy before restoring it.`);
    }
    const migrations = Number(sqlite.prepare(`SELECT count(*) FROM "${MIGRATIONS_TABLE}"`).pluck().get());
    return { ok: true, path, bytes: stats.size, counts: rowCounts(sqlite), migrations };
  } catch (error) {
    // better-sqlite3 says "file is not a database" or "database disk image is malformed".
    return refuse(
      `${path} cannot be read as a SQLite database: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    sqlite?.close();
  }
}

/**
 * Keeps a copy of the database at `databasePath` before it is replaced. Uses the backup API; if the
 * database cannot be read (a corrupt database is a common reason to restore), copies its files as
 * they are instead. Returns null when there is no database to keep.
 */
export async function safetyCopy(
  databasePath: string,
  destination: string,
): Promise<{ path: string; bytes: number; raw: boolean } | null> {
  if (!existsSync(databasePath)) return null;
  if (existsSync(destination)) throw new Error(`${destination} already exists; the safety copy would overwrite it.`);
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(databasePath, { fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    return { ...(await backupDatabase(sqlite, destination)), raw: false };
  } catch {
    sqlite?.close();
    sqlite = null;
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(databasePath, destination);
    if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, `${destination}-wal`);
    return { path: destination, bytes: statSync(destination).size, raw: true };
  } finally {
    sqlite?.close();
  }
}

/**
 * Puts the backup at `backupPath` in place of the database at `databasePath`. Nothing may have the
 * database open. The old -wal, -shm and -journal files go first: SQLite would otherwise replay or
 * roll back the old database's changes into the restored one.
 */
export function replaceDatabaseFile(backupPath: string, databasePath: string): void {
  mkdirSync(dirname(databasePath), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(backupPath, incoming);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${databasePath}${suffix}`, { force: true });
  // A rename within one folder is atomic: the database is either the old file or the whole backup.
  renameSync(incoming, databasePath);
}

export interface RestoreResult {
  check: Extract<BackupCheck, { ok: true }>;
  safetyCopy: Awaited<ReturnType<typeof safetyCopy>>;
}

/**
 * Checks the backup, keeps a safety copy of the current database, and puts the backup in its place.
 * Throws (changing nothing) when the file is not a sound backup of this app. The caller opens the
 * result with openDatabase, which applies any newer migrations.
 */
export async function restoreDatabaseFile(options: {
  backupPath: string;
  databasePath: string;
  safetyCopyPath: string;
}): Promise<RestoreResult> {
  if (resolve(options.backupPath) === resolve(options.databasePath)) {
    throw new BackupRefusedError("The backup is the database itself; give the path of a backup file.");
  }
  const check = checkBackupFile(options.backupPath);
  if (!check.ok) throw new BackupRefusedError(check.problem);
  const kept = await safetyCopy(options.databasePath, options.safetyCopyPath);
  replaceDatabaseFile(options.backupPath, options.databasePath);
  return { check, safetyCopy: kept };
}

export class BackupRefusedError extends Error {
  override name = "BackupRefusedError";
}

/** "20261125T102030Z": sorts by time and is safe in file names on every system. */
export function backupTimestamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

function readHeader(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    closeSync(fd);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}
