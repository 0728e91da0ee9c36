/**
 * `npm run backup [-- --out <file>]`: a consistent copy of the SQLite database, safe to take while
 * the app is running. Default file: marketplace-<UTC time>.sqlite in the
 * backups folder beside the database (data/backups/). The copy is checked
 * (opened read-only, `PRAGMA integrity_check`) and its row counts printed.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, backupTimestamp, checkBackupFile, describeCounts, describeSize } from "../db/backup.server";
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../db/client.server";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const databasePath = defaultDatabasePath();
// Beside the database: data/backups/ for the default DATABASE_PATH.
const destination = resolve(
  values.out ?? join(dirname(databasePath), "backups", `marketplace-${backupTimestamp()}.sqlite`),
);
let database: DatabaseHandle | null = null;
let exitCode = 0;

try {
  // Opening a missing file would create an empty database and back that up.
  if (!existsSync(databasePath)) {
    throw new Error(`There is no database at ${databasePath}. Set DATABASE_PATH to the marketplace database.`);
  }
  // No migrations: the backup is the database as it is.
  database = openDatabase(databasePath, { migrate: false });
  console.log(`Backing up ${databasePath} (an online backup: the app may keep running)…`);
  const started = performance.now();
  await backupDatabase(database.sqlite, destination);
  const check = checkBackupFile(destination);
  if (!check.ok) throw new Error(`The backup was written but does not check out: ${check.problem}`);
  console.log(`Backup: ${destination}`);
  console.log(`Size: ${describeSize(check.bytes)} (${check.bytes.toLocaleString("en-GB")} bytes)`);
  console.log("Integrity check: ok");
  console.log(`Rows: ${describeCounts(check.counts)}`);
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Restore it with: npm run restore ${destination}`,
  );
} catch (error) {
  exitCode = 1;
  console.error(`\nThe backup failed.\n${error instanceof Error ? error.message : String(error)}`);
} finally {
  database?.close();
}
process.exit(exitCode);
