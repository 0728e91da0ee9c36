/**
 * `npm run restore <file>`: puts a backup made by `npm run backup` in place of the database, then
 * rebuilds the search index from it. Stop the app first: it keeps the old database file open.
 *
 * The backup must be a SQLite file that passes `PRAGMA integrity_check` and has the marketplace's
 * tables; otherwise nothing changes. The current database is kept first as before-restore-<UTC
 * time>.sqlite in the backups folder beside the database (data/backups/). Migrations run on the
 * restored database, so an older backup is brought up to date. Uses DATABASE_PATH, and MEILI_HOST / MEILI_MASTER_KEY or the embedded
 * Meilisearch on MEILI_DATA_DIR, as `npm run reindex` does.
 */
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  backupTimestamp,
  BackupRefusedError,
  describeCounts,
  describeSize,
  restoreDatabaseFile,
  rowCounts,
} from "../db/backup.server";
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../db/client.server";
import { rebuildSearchIndexFromDatabase } from "./lib/search-index";

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Usage: npm run restore <backup file>   (stop the app first)");
  process.exit(2);
}
const backupPath = resolve(positionals[0]!);
const databasePath = defaultDatabasePath();
let database: DatabaseHandle | null = null;
let exitCode = 0;
let restored = false;

console.log(`Restoring ${backupPath}`);
console.log(`     into ${databasePath}`);
console.log(
  "The app must be stopped while restoring (stop `npm start` now if it is running): it keeps the old database open.",
);
try {
  const { check, safetyCopy } = await restoreDatabaseFile({
    backupPath,
    databasePath,
    safetyCopyPath: join(dirname(databasePath), "backups", `before-restore-${backupTimestamp()}.sqlite`),
  });
  console.log(`Backup checked: integrity ok, ${describeSize(check.bytes)}; ${describeCounts(check.counts)}`);
  console.log(
    safetyCopy
      ? `The database it replaces is kept at ${safetyCopy.path} (${describeSize(safetyCopy.bytes)}${safetyCopy.raw ? ", copied as it was because it could not be read" : ""}).`
      : "There was no database to replace.",
  );
  restored = true;
  // The normal way in: applies any migrations newer than the backup.
  database = openDatabase(databasePath);
  console.log(`Database restored: ${describeCounts(rowCounts(database.sqlite))}`);
  console.log("Rebuilding the search index from the restored database…");
  await rebuildSearchIndexFromDatabase({ db: database.db });
  console.log("Restore complete. Start the app again with `npm start`.");
} catch (error) {
  exitCode = 1;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BackupRefusedError) {
    console.error(`\nNot restored: ${message}\nThe database was not changed.`);
  } else if (restored) {
    console.error(
      `\nThe database was restored, but the search index could not be rebuilt.\n${message}\n` +
        "Searches may show the old data until it is. Check Meilisearch (see `npm run reindex`), then run `npm run reindex`.",
    );
  } else {
    console.error(
      `\nThe restore failed.\n${message}\nA copy of the database it was replacing, if one was made, is in the backups folder beside the database (before-restore-…).`,
    );
  }
} finally {
  database?.close();
}
process.exit(exitCode);
