/**
 * Rates by area with the 100,000-service bench catalogue (made by `npm run bench:search` into
 * data/bench/search-2000x50.sqlite, or pass --db): the cold pass over the catalogue, warm page reads
 * (the council page's figures, the CSV rows, the provider hint), and the pass again after a price edit.
 * Times the use cases the loaders call, so the figures are server time without HTTP. Prints; asserts nothing.
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createAppContext } from "../../app/services/context.server";
import { ratesCsv } from "../../app/services/market/rates-table";
import { allRateFigures, localityHints, ratesOverview } from "../../app/services/market/rates.server";
import { enqueueSearchChange } from "../../app/services/outbox.server";
import { percentile } from "./bench-common";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/bench/search-2000x50.sqlite" },
    runs: { type: "string", default: "200" },
  },
});
const source = resolve(values.db!);
if (!existsSync(source)) throw new Error(`No bench database at ${source}: run npm run bench:search once first`);
const copy = resolve("data/bench/market-rates-run.sqlite");
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
copyFileSync(source, copy);
const ctx = createAppContext({ databasePath: copy });
const runs = Number(values.runs);

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
function report(name: string, list: number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${name}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (${list.length} runs)`,
  );
}

const services = ctx.database.sqlite.prepare("SELECT count(*) AS n FROM services").get() as { n: number };
console.log(`services: ${services.n}`);
console.log(`cold pass: ${time(() => allRateFigures(ctx)).toFixed(0)} ms`);
const areas = (ctx.database.sqlite.prepare("SELECT id FROM localities").pluck().all() as string[]).slice(0, 4);
report(
  "warm /council/market/rates (all)",
  Array.from({ length: runs }, () => time(() => ratesOverview(ctx, {}))),
);
report(
  "warm /council/market/rates?category=home_care",
  Array.from({ length: runs }, () => time(() => ratesOverview(ctx, { category: "home_care" }))),
);
report(
  "warm rates.csv (all)",
  Array.from({ length: runs }, () => time(() => ratesCsv(ratesOverview(ctx, {}).rows))),
);
report(
  "warm provider hint (4 areas)",
  Array.from({ length: runs }, () => time(() => localityHints(ctx, areas))),
);
const after: number[] = [];
for (let i = 0; i < 5; i++) {
  // A price edit as updateService makes it: the row and one outbox row, in one transaction.
  const { id } = ctx.database.sqlite
    .prepare("SELECT id FROM services WHERE status = 'live' LIMIT 1 OFFSET ?")
    .get(i * 997) as { id: string };
  ctx.database.sqlite.transaction(() => {
    ctx.database.sqlite
      .prepare("UPDATE services SET weekday_rate_pence = weekday_rate_pence + 1, updated_at = ? WHERE id = ?")
      .run(Date.now(), id);
    enqueueSearchChange(ctx.database.db, "service", id, "upsert");
  })();
  after.push(time(() => ratesOverview(ctx, {})));
}
report("first page after a price edit (catch up from the outbox)", after);
const suspended: number[] = [];
for (let i = 0; i < 5; i++) {
  // A provider suspended and approved again: its 50 services leave and come back.
  const { id } = ctx.database.sqlite.prepare("SELECT id FROM providers LIMIT 1 OFFSET ?").get(i * 37) as { id: string };
  ctx.database.sqlite.transaction(() => {
    ctx.database.sqlite
      .prepare(
        "UPDATE providers SET accreditation_status = CASE accreditation_status WHEN 'approved' THEN 'suspended' ELSE 'approved' END WHERE id = ?",
      )
      .run(id);
    enqueueSearchChange(ctx.database.db, "provider", id, "upsert");
  })();
  suspended.push(time(() => ratesOverview(ctx, {})));
}
report("first page after a provider suspension", suspended);
ctx.database.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
