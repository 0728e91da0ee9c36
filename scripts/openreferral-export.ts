/**
 * `npm run openreferral:export -- --out dir [--db data/marketplace.sqlite]`: writes the listed directory as
 * an HSDS tabular data package (one CSV per table and datapackage.json), for councils that load files
 * rather than call the API. Same records and ids as /openreferral/; the database is only read (default
 * DATABASE_PATH, else data/marketplace.sqlite). Every row is checked against its table's schema in
 * ../shared/openreferral-uk; exits 1, after writing, when anything is wrong.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultDatabasePath, openDatabase } from "../db/client.server";
import { exportDirectory } from "../app/services/openreferral/export.server";
import { writeDataPackage } from "./lib/openreferral-datapackage";
import { createOpenReferralValidator, SCHEMA_DIR } from "./lib/openreferral-validator";

const { values } = parseArgs({ options: { out: { type: "string" }, db: { type: "string" } } });
if (!values.out) {
  console.error("Give the folder to write to: npm run openreferral:export -- --out path/to/folder");
  process.exit(2);
}
const databasePath = resolve(values.db ?? defaultDatabasePath());
if (!existsSync(databasePath)) {
  console.error(`There is no database at ${databasePath}. Give --db or set DATABASE_PATH.`);
  process.exit(2);
}

const out = resolve(values.out);
const database = openDatabase(databasePath, { migrate: false });
try {
  console.log(`Database: ${databasePath}\nSchemas: ${SCHEMA_DIR}`);
  const summary = writeDataPackage(out, exportDirectory({ database }), createOpenReferralValidator());
  for (const t of summary.tables) console.log(`  ${t.path.padEnd(28)} ${String(t.rows).padStart(7)} rows`);
  console.log(`Wrote ${summary.tables.length} tables and datapackage.json to ${out}`);
  if (summary.errors.length > 0) {
    console.log(`${summary.errors.length} problems; the first:`);
    for (const line of summary.errors.slice(0, 20)) console.log(`  ${line}`);
    process.exitCode = 1;
  } else {
    console.log("Every row valid against its table's schema; ids unique; references resolved.");
  }
} finally {
  database.close();
}
