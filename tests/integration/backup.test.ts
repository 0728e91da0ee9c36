/**
 * Backups and restores against real SQLite files and the test Meilisearch: a backup taken while
 * bookings are being made is one consistent snapshot, a restore brings back the same rows and the
 * same money, the search index is rebuilt from it, and files that are not backups are refused.
 * Ends with `npm run backup` and `npm run restore` run as the commands people type.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkLedgerInvariants } from "../../app/domain/ledger";
import type { Actor } from "../../app/domain/permissions";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { createBooking } from "../../app/services/bookings/create.server";
import { listBudgetHolders } from "../../app/services/budgets/budget-accounts.server";
import { ledgerOf } from "../../app/services/budgets/ledger.server";
import { createAppContext, type AppContext } from "../../app/services/context.server";
import { DEMO_BUDGET_HOLDERS } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import {
  backupDatabase,
  BackupRefusedError,
  checkBackupFile,
  replaceDatabaseFile,
  restoreDatabaseFile,
} from "../../db/backup.server";
import { bookings, ledgerEntries, providers, reviews, services, users } from "../../db/schema";
import { createSearchClient } from "../../search/client.server";
import { countListedServices } from "../../search/documents.server";
import { rebuildSearchIndexFromDatabase } from "../../scripts/lib/search-index";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const meili = inject("meili");
const client = createSearchClient(meili);
const ctx = tempAppContext();
const dir = mkdtempSync(join(tmpdir(), "care-backup-"));
const createdIndexes: string[] = [];
const nextWeek = addLocalDays(londonDateOf(new Date()), 7);

let holders: Actor[] = [];
let serviceId = "";

beforeAll(async () => {
  await withDemoData(ctx);
  const council = await makeCouncilAdmin(ctx);
  const staff = await makeProvider(ctx, { name: "Backup Test Home Care", approvedBy: council });
  serviceId = makeService(ctx, staff, { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] });
  holders = DEMO_BUDGET_HOLDERS.map((holder) => {
    const row = ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, holder.email)).get();
    if (!row) throw new Error(`demo holder ${holder.email} missing`);
    return { userId: row.id, role: "budget_holder", providerId: null };
  });
}, 60_000);

afterAll(async () => {
  for (const uid of createdIndexes) await client.deleteIndexIfExists(uid);
  ctx.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** One booking of one hour next week, as the holder; returns its id. */
function book(on: AppContext, holder: Actor, hour: number): string {
  const result = createBooking(on, holder, holder.userId, serviceId, {
    startDate: nextWeek,
    days: [],
    startTime: `${String(hour).padStart(2, "0")}:00`,
    durationMinutes: 60,
    weeks: 1,
  });
  if (!result.ok) throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result.bookingId;
}

const KEY_TABLES = { users, providers, services, bookings, ledgerEntries, reviews };

function keyCounts(on: AppContext): Record<keyof typeof KEY_TABLES, number> {
  const db = on.database.db;
  const entries = Object.entries(KEY_TABLES).map(([name, table]) => [
    name,
    db.select({ n: count() }).from(table).get()?.n ?? -1,
  ]);
  return Object.fromEntries(entries) as Record<keyof typeof KEY_TABLES, number>;
}

/** Per budget holder (by email): the ledger summed per account, and what the ledger's own checks say. */
function ledgerByHolder(
  on: AppContext,
): Record<string, { budget: number; card: number; entries: number; problems: string[] }> {
  const result: Record<string, { budget: number; card: number; entries: number; problems: string[] }> = {};
  for (const holder of listBudgetHolders(on)) {
    const entries = ledgerOf(on.database.db, holder.id);
    result[holder.email] = {
      budget: entries.filter((e) => e.account === "budget").reduce((sum, e) => sum + e.amountPence, 0),
      card: entries.filter((e) => e.account === "card").reduce((sum, e) => sum + e.amountPence, 0),
      entries: entries.length,
      problems: checkLedgerInvariants(entries),
    };
  }
  return result;
}

function bookingIdsIn(path: string): Set<string> {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set(sqlite.prepare("SELECT id FROM bookings").pluck().all() as string[]);
  } finally {
    sqlite.close();
  }
}

const backupPath = join(dir, "backups", "marketplace-test.sqlite");
let atBackup: { counts: ReturnType<typeof keyCounts>; ledger: ReturnType<typeof ledgerByHolder> } | null = null;

describe("backup", () => {
  it("is one consistent snapshot taken while bookings are made, and holds nothing made after it", async () => {
    // The app in another process would be another connection to the same file.
    const otherConnection = createAppContext({ databasePath: ctx.database.sqlite.name, secureCookies: false });
    const before = keyCounts(ctx);
    const madeDuring: string[] = [];
    let steps = 0;
    let restarts = 0;
    let lastRemaining = Infinity;
    try {
      await backupDatabase(ctx.database.sqlite, backupPath, {
        // A few pages a step, so the bookings below land between steps.
        pagesPerStep: 20,
        onStep: ({ remainingPages }) => {
          steps++;
          if (remainingPages >= lastRemaining) restarts++;
          lastRemaining = remainingPages;
          if (steps <= 6) {
            const holder = holders[steps % holders.length]!;
            // Alternate: the backup's own connection, then another one (which makes SQLite start the copy again).
            madeDuring.push(book(steps % 2 === 0 ? otherConnection : ctx, holder, 8 + steps));
          }
        },
      });
      // Nothing else runs between the last step and here: this is the state the backup must hold.
      atBackup = { counts: keyCounts(ctx), ledger: ledgerByHolder(ctx) };
    } finally {
      otherConnection.database.close();
    }
    expect(steps).toBeGreaterThan(6);
    expect(restarts).toBeGreaterThan(0);
    expect(atBackup.counts.bookings).toBe(before.bookings + 6);

    const after = book(ctx, holders[0]!, 18);

    const check = checkBackupFile(backupPath);
    expect(check).toMatchObject({ ok: true });
    const inBackup = bookingIdsIn(backupPath);
    expect(madeDuring.filter((id) => inBackup.has(id))).toEqual(madeDuring);
    expect(inBackup.has(after)).toBe(false);
    expect(inBackup.size).toBe(atBackup.counts.bookings);
    // A single file: the copy does not depend on a -wal beside it.
    expect(existsSync(`${backupPath}-wal`)).toBe(false);
    expect(existsSync(`${backupPath}.partial`)).toBe(false);
    await expect(backupDatabase(ctx.database.sqlite, backupPath)).rejects.toThrow(/already exists/);
  });
});

describe("restore", () => {
  it("removes the replaced database's write-ahead log, which SQLite would otherwise replay into the backup", () => {
    const target = join(dir, "stale-log", "marketplace.sqlite");
    // A database whose latest change is still only in its -wal file, as after a crash.
    const old = createAppContext({ databasePath: target, secureCookies: false });
    old.database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    old.database.sqlite.pragma("wal_autocheckpoint = 0");
    for (let i = 0; i < 50; i++) old.database.sqlite.prepare("DELETE FROM localities WHERE rowid = ?").run(i);
    copyFileSync(`${target}-wal`, join(dir, "stale-log", "left-behind-wal"));
    old.database.close();
    copyFileSync(join(dir, "stale-log", "left-behind-wal"), `${target}-wal`);

    replaceDatabaseFile(backupPath, target);
    const restored = new Database(target, { readonly: true });
    try {
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(restored.prepare("SELECT count(*) FROM bookings").pluck().get()).toBe(atBackup!.counts.bookings);
    } finally {
      restored.close();
    }
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  it("brings back the same rows and the same money per budget holder, and rebuilds search from them", async () => {
    expect(atBackup).not.toBeNull();
    // An existing database at the target: it is kept before being replaced.
    const target = join(dir, "restored", "marketplace.sqlite");
    const existing = createAppContext({ databasePath: target, secureCookies: false });
    await makeCouncilAdmin(existing);
    existing.database.sqlite.prepare("UPDATE users SET name = 'Before the restore'").run();
    existing.database.close();

    const safetyCopyPath = join(dir, "restored", "backups", "before-restore.sqlite");
    const { check, safetyCopy } = await restoreDatabaseFile({ backupPath, databasePath: target, safetyCopyPath });
    expect(check.ok).toBe(true);
    expect(safetyCopy).toMatchObject({ path: safetyCopyPath, raw: false });
    const kept = new Database(safetyCopyPath, { readonly: true });
    expect(kept.prepare("SELECT name FROM users").pluck().all()).toEqual(["Before the restore"]);
    kept.close();

    // The normal way in, as the restore command and the app open it.
    const restored = createAppContext({ databasePath: target, secureCookies: false });
    try {
      const integrity = restored.database.sqlite.pragma("integrity_check", { simple: true });
      expect(integrity).toBe("ok");
      expect(keyCounts(restored)).toEqual(atBackup!.counts);
      const ledger = ledgerByHolder(restored);
      expect(ledger).toEqual(atBackup!.ledger);
      expect(Object.keys(ledger)).toEqual(expect.arrayContaining(DEMO_BUDGET_HOLDERS.map((h) => h.email)));
      for (const holder of Object.values(ledger)) expect(holder.problems).toEqual([]);

      const indexUid = `backup_test_${randomBytes(6).toString("hex")}`;
      createdIndexes.push(indexUid);
      const lines: string[] = [];
      const { indexed } = await rebuildSearchIndexFromDatabase({
        db: restored.database.db,
        meili,
        indexUid,
        log: (line) => lines.push(line),
      });
      const listed = countListedServices(restored.database.db);
      expect(listed).toBeGreaterThan(10);
      expect(indexed).toBe(listed);
      expect((await client.index(indexUid).getStats()).numberOfDocuments).toBe(listed);
      const found = await client.index(indexUid).search("Backup Test Home Care");
      expect(found.hits.map((h) => h.id)).toContain(serviceId);
      expect(lines.join("\n")).toContain(`Indexed ${listed} services`);
    } finally {
      restored.database.close();
    }
  }, 60_000);

  it("refuses a file that is not a SQLite database, and changes nothing", async () => {
    const notSqlite = join(dir, "notes.txt");
    writeFileSync(notSqlite, "These are not the tables you are looking for.\n".repeat(200));
    expect(checkBackupFile(notSqlite)).toEqual({
      ok: false,
      path: notSqlite,
      problem: `${notSqlite} is not a SQLite database.`,
    });
    const target = join(dir, "untouched", "marketplace.sqlite");
    await expect(
      restoreDatabaseFile({ backupPath: notSqlite, databasePath: target, safetyCopyPath: join(dir, "untouched.bak") }),
    ).rejects.toBeInstanceOf(BackupRefusedError);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, "untouched.bak"))).toBe(false);
  });

  it("refuses a SQLite database without the marketplace's tables", () => {
    const other = join(dir, "other-app.sqlite");
    const sqlite = new Database(other);
    sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
    sqlite.close();
    const check = checkBackupFile(other);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.problem).toMatch(
      /not a marketplace database: it has no __drizzle_migrations, users, providers, services, bookings, ledger_entries table/,
    );
  });

  it("refuses a damaged backup", () => {
    const damaged = join(dir, "damaged.sqlite");
    copyFileSync(backupPath, damaged);
    // Overwrite the middle of the file (b-tree pages) with noise, keeping the header.
    const sqlite = new Database(damaged);
    const pageSize = Number(sqlite.pragma("page_size", { simple: true }));
    const pages = Number(sqlite.pragma("page_count", { simple: true }));
    sqlite.close();
    const noise = Buffer.alloc(pageSize * 4, 0x5a);
    const handle = openSync(damaged, "r+");
    writeSync(handle, noise, 0, noise.length, pageSize * Math.floor(pages / 2));
    closeSync(handle);
    const check = checkBackupFile(damaged);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.problem).toMatch(/integrity check|cannot be read as a SQLite database/);
  });
});

/** Runs a script as `npm run` would (tsx), from the project folder. */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
    const child = spawn(process.execPath, ["--import", "tsx", resolve("scripts", script), ...args], {
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
    child.once("error", fail);
    child.once("exit", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe("the commands", () => {
  it("npm run backup copies the open database, npm run restore puts it back and rebuilds search", async () => {
    const out = join(dir, "cli", "backup.sqlite");
    // This process keeps the database open, as the running app would.
    const backup = await runScript("backup.ts", ["--out", out], { DATABASE_PATH: ctx.database.sqlite.name });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const counts = keyCounts(ctx);
    expect(backup.stdout).toContain(`Backup: ${out}`);
    expect(backup.stdout).toContain("Integrity check: ok");
    expect(backup.stdout).toContain(`${counts.users} accounts`);
    expect(backup.stdout).toContain(`${counts.bookings} bookings`);
    expect(backup.stdout).toContain(`${counts.ledgerEntries} ledger entries`);

    // Its own embedded Meilisearch: the command rebuilds the live "services" index, which must not be
    // the one on a MEILI_HOST the test run may be pointed at.
    const target = join(dir, "cli", "restored", "marketplace.sqlite");
    const restore = await runScript("restore.ts", [out], {
      DATABASE_PATH: target,
      MEILI_HOST: undefined,
      MEILI_MASTER_KEY: undefined,
      MEILI_DATA_DIR: join(dir, "cli", "meili"),
    });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("The app must be stopped while restoring");
    const restored = createAppContext({ databasePath: target, secureCookies: false });
    try {
      expect(keyCounts(restored)).toEqual(counts);
      expect(restore.stdout).toContain(`Indexed ${countListedServices(restored.database.db)} services`);
    } finally {
      restored.database.close();
    }

    const refused = await runScript("restore.ts", [join(dir, "notes.txt")], { DATABASE_PATH: target });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not a SQLite database");
    expect(refused.stderr).toContain("The database was not changed.");
  }, 60_000);
});
