/**
 * `npm run seed [-- --providers 2000 --services-per-provider 50 --reset]`: fills the database with
 * demo data. Refuses to add to a database that already has accounts, unless --reset is given.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { defaultDatabasePath } from "../db/client.server";
import { createAppContext } from "../app/services/context.server";
import { isDatabaseEmpty, seedDemoData } from "../app/seed/seed.server";

const { values } = parseArgs({
  options: {
    providers: { type: "string", default: "0" },
    "services-per-provider": { type: "string", default: "0" },
    seed: { type: "string", default: "2026" },
    reset: { type: "boolean", default: false },
  },
});

function wholeNumber(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number of 0 or more (got "${raw}").`);
    process.exit(2);
  }
  return value;
}

const databasePath = defaultDatabasePath();
if (values.reset) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
}
const ctx = createAppContext({ databasePath });
if (!isDatabaseEmpty(ctx)) {
  console.error(`The database at ${databasePath} already has accounts. Run with --reset to start again.`);
  process.exit(1);
}
const started = Date.now();
const accounts = await seedDemoData(ctx, {
  providers: wholeNumber("providers", values.providers),
  servicesPerProvider: wholeNumber("services-per-provider", values["services-per-provider"]),
  randomSeed: wholeNumber("seed", values.seed),
  log: (line) => console.log(line),
});
ctx.database.close();
console.log(`Demo data created in ${((Date.now() - started) / 1000).toFixed(1)} s at ${databasePath}.`);
for (const a of accounts) console.log(`  ${a.role}: ${a.email} / ${a.password}`);
