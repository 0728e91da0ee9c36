/**
 * Server time of the council's spend and quality pages on the 100,000-service bench database
 * (tests/bench/market-spend-db.ts): the use case each loader calls, on a copy of the cached database
 * with 90 days of invented score history for every provider added, so the "whose score fell" query has
 * real work. Prints p50/p95 per page; fails if a p95 is 300 ms or more.
 * Run: npx tsx tests/bench/market-spend.ts [--runs 40]
 */
import { copyFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { createAppContext } from "../../app/services/context.server";
import { marketQuality } from "../../app/services/market/quality.server";
import { marketSpend } from "../../app/services/market/spend.server";
import { percentile } from "./bench-common";
import { marketBenchDatabase } from "./market-spend-db";

const { values } = parseArgs({ options: { runs: { type: "string", default: "40" } } });
const runs = Math.max(5, Number(values.runs));

const cached = await marketBenchDatabase();
const path = cached.replace(/\.sqlite$/, "-run.sqlite");
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
copyFileSync(cached, path);
const ctx = createAppContext({ databasePath: path });
const { sqlite } = ctx.database;

// 90 days of history for every provider, one row every 3 days, scores wandering around today's.
const today = londonDateOf(new Date());
const insert = sqlite.prepare(
  "INSERT OR IGNORE INTO quality_score_history (provider_id, day, score, recorded_at) VALUES (?, ?, ?, ?)",
);
const providerIds = sqlite.prepare("SELECT id FROM providers").pluck().all() as string[];
sqlite.transaction(() => {
  for (const [i, id] of providerIds.entries()) {
    for (let d = 3; d <= 120; d += 3) insert.run(id, addLocalDays(today, -d), 40 + ((i * 7 + d) % 55), Date.now());
  }
})();
const counts = Object.fromEntries(
  ["services", "providers", "bookings", "booking_visits", "ledger_entries", "quality_score_history"].map((t) => [
    t,
    sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
  ]),
);
console.log("rows:", counts);

const admin = ctx.database.db.select().from(users).where(eq(users.role, "council_admin")).get()!;
const actor = { userId: admin.id, role: "council_admin" as const, providerId: null };

let failed = false;
for (const [page, run] of [
  ["/council/market/spend", () => marketSpend(ctx, actor)],
  ["/council/market/quality", () => marketQuality(ctx, actor)],
] as const) {
  run(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = run();
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`${page} refused`);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${page}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} runs)`);
  if (p95 >= 300) failed = true;
}
ctx.database.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
if (failed) {
  console.error("A page took 300 ms or more at p95.");
  process.exit(1);
}
