/**
 * `npm run bench:market`: how long each council market page takes to answer with the 100,000-service
 * bench database (2,000 providers × 50 services, made by `npm run bench:search`'s generator and reused).
 * The production build runs in this process against a copy of that database; the demo council admin
 * signs in, and each page is fetched --requests times after a first request (printed apart). Then a provider's price is
 * changed between requests, so the rates page's figures must be worked out again each time ("rates
 * after a catalogue change"). The copy gets 90 days of invented quality-score history for every provider
 * (one score every 3 days), so the quality page's "whose score fell" query has real work. Prints p50/p95
 * per page against the 300 ms target; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type Database from "better-sqlite3";
import { londonDateOf } from "../../app/domain/london-time";
import type { Actor } from "../../app/domain/permissions";
import { addLocalDays } from "../../app/domain/schedule";
import { createAppContext } from "../../app/services/context.server";
import { getServiceForEditing, updateService, type ServiceInput } from "../../app/services/provider-services.server";
import { DEMO_COUNCIL_ADMIN, DEMO_PASSWORD } from "../../app/seed/demo-data";
import { services } from "../../db/schema";
import { percentile } from "./bench-common";
import { startWebServer, WebClient } from "../support/web-client";

const TARGET_MS = 300;
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "20" },
    database: { type: "string", default: "data/bench/search-2000x50.sqlite" },
  },
});
const requests = Math.max(5, Number(values.requests));
const source = resolve(values.database!);

const PAGES = [
  "/council/market/rates",
  "/council/market/rates?area=wigan&category=home_care",
  "/council/market/rates.csv",
  "/council/market/demand",
  "/council/market/spend",
  "/council/market/quality",
];

async function timed(client: WebClient, path: string): Promise<number> {
  const started = performance.now();
  const response = await client.get(path);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return elapsed;
}

function line(name: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const verdict = p95 < TARGET_MS ? "within" : "MISSES";
  return `${name.padEnd(58)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   ${verdict} ${TARGET_MS} ms`;
}

/** 120 days of scores for every provider, one every 3 days, wandering around 40–95. */
function addScoreHistory(sqlite: Database.Database): number {
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
  return sqlite.prepare("SELECT count(*) FROM quality_score_history").pluck().get() as number;
}

async function main() {
  if (!existsSync(source)) {
    console.error(`No bench database at ${source}. Run \`npm run bench:search\` once to generate it (minutes).`);
    process.exit(1);
  }
  if (!existsSync(resolve("build/index.js"))) {
    const build = spawnSync(resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  }
  // A copy, so the price changes below never touch the shared bench database.
  const dir = mkdtempSync(join(tmpdir(), "care-bench-market-"));
  const databasePath = join(dir, "marketplace.sqlite");
  copyFileSync(source, databasePath);
  const app = createAppContext({ databasePath, uploadsDir: join(dir, "uploads") });
  const web = await startWebServer(app);
  try {
    const admin = new WebClient(web.baseUrl);
    const signIn = await admin.post("/sign-in", { email: DEMO_COUNCIL_ADMIN.email, password: DEMO_PASSWORD });
    if (signIn.status !== 302) throw new Error(`Signing in as ${DEMO_COUNCIL_ADMIN.email} answered ${signIn.status}`);
    const count = app.database.sqlite.prepare("select count(*) as n from services").get() as { n: number };
    const history = addScoreHistory(app.database.sqlite);
    console.log(`${count.n} services, ${history} past quality scores; ${requests} requests a page after the first\n`);

    // The first request is shown apart: for the rates page it is the full pass over the catalogue, which
    // server.ts does once before it listens (this in-process server does not).
    for (const path of PAGES) {
      const first = await timed(admin, path);
      const times: number[] = [];
      for (let i = 0; i < requests; i++) times.push(await timed(admin, path));
      console.log(`${line(path, times)}   (first request ${first.toFixed(0)} ms)`);
    }

    // A price edit through the provider's own use case between requests: the figures cannot come from
    // an earlier answer.
    const service = app.database.db.select().from(services).where(eq(services.rateUnit, "hour")).limit(1).get();
    if (!service) throw new Error("The bench database has no hourly service.");
    const editor: Actor = { userId: "bench", role: "provider_staff", providerId: service.providerId };
    const editing = getServiceForEditing(app, editor, service.id);
    if (!editing.ok) throw new Error(`Cannot edit ${service.id}: ${JSON.stringify(editing)}`);
    const s = editing.service;
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const edited = updateService(app, editor, s.id, {
        title: s.title,
        category: s.category as ServiceInput["category"],
        description: s.description,
        outcomes: s.outcomes as ServiceInput["outcomes"],
        areas: s.areas,
        days: s.days as ServiceInput["days"],
        startTime: s.startTime,
        endTime: s.endTime,
        bankHolidays: s.bankHolidays,
        pricing: s.pricing,
        pricePublished: s.pricePublished,
        rateCard: {
          unit: s.rateUnit,
          weekdayPence: s.weekdayRatePence + i + 1,
          weekendPence: s.weekendRatePence,
          bankHolidayPence: s.bankHolidayRatePence,
          minimumChargePence: s.minimumChargePence,
        },
      });
      if (!edited.ok) throw new Error(`Editing ${s.id} was refused: ${JSON.stringify(edited)}`);
      times.push(await timed(admin, "/council/market/rates"));
    }
    console.log(line("/council/market/rates after a catalogue change", times));
  } finally {
    await web.close();
    app.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
