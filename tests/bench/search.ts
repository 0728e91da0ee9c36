/**
 * `npm run bench:search`: 100,000 services from 2,000 providers (made by the seed generator, reused on
 * later runs), indexed into a fresh Meilisearch, then the same fixed set of realistic searches run
 * through Meilisearch (as the search page does: facets, sorts, highlights) and through a plain SQLite
 * LIKE baseline over the same fields. Then the same searches through the app's search use case with
 * anonymous search counting on and off (issue #12), interleaved so both see the same machine, and the
 * difference. `--counting off` skips that comparison. Prints figures; asserts nothing.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { services } from "../../db/schema";
import { createAppContext, type AppContext } from "../../app/services/context.server";
import { startSearchCounting } from "../../app/services/market/search-counts.server";
import { searchServices } from "../../app/services/search.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { seedDemoData } from "../../app/seed/seed.server";
import { createSearchClient } from "../../search/client.server";
import { searchWithSqlite } from "../../search/fallback.server";
import { startMeilisearch } from "../../search/meili-process.server";
import { searchWithMeilisearch } from "../../search/queries.server";
import type { SearchParams } from "../../search/query-types";
import { rebuildIndex } from "../../search/reindex.server";
import { percentile, queryMix } from "./bench-common";

const { values } = parseArgs({
  options: {
    providers: { type: "string", default: "2000" },
    "services-per-provider": { type: "string", default: "50" },
    queries: { type: "string", default: "240" },
    counting: { type: "string", default: "compare" },
  },
});
const providers = Number(values.providers);
const perProvider = Number(values["services-per-provider"]);
const queryCount = Math.max(200, Number(values.queries));

const dir = resolve("data/bench");
mkdirSync(dir, { recursive: true });
const databasePath = resolve(dir, `search-${providers}x${perProvider}.sqlite`);

async function main() {
  const ctx = createAppContext({ databasePath });
  const existing = ctx.database.db.select({ n: count() }).from(services).get()?.n ?? 0;
  if (existing < providers * perProvider) {
    ctx.database.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
    const fresh = createAppContext({ databasePath });
    console.log(`Generating ${providers} providers × ${perProvider} services with the seed generator…`);
    const started = Date.now();
    await seedDemoData(fresh, { providers, servicesPerProvider: perProvider, log: (l) => console.log(`  ${l}`) });
    console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    fresh.database.close();
  } else {
    console.log(`Reusing ${databasePath}`);
  }
  const app = createAppContext({ databasePath });
  const total = app.database.db.select({ n: count() }).from(services).get()?.n ?? 0;

  const meiliDir = resolve(dir, "meili");
  rmSync(meiliDir, { recursive: true, force: true });
  const meili = await startMeilisearch({ dataDir: meiliDir });
  const peakRss = () => {
    const status = readFileSync(`/proc/${meili.pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  };
  try {
    const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey, timeoutMs: 120_000 });
    const indexStarted = performance.now();
    const { indexed } = await rebuildIndex({
      db: app.database.db,
      client,
      indexUid: "services",
      labels: SEARCH_DOCUMENT_LABELS,
    });
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    console.log(`services in database: ${total}`);
    console.log(`indexed documents: ${indexed}`);
    console.log(`indexing time: ${indexSeconds.toFixed(1)} s`);

    const mix = queryMix(queryCount);
    // Warm both paths so the first query's start-up cost is not counted.
    for (const params of mix.slice(0, 20)) {
      await searchWithMeilisearch(client, "services", params);
      searchWithSqlite(app.database.db, params, SEARCH_DOCUMENT_LABELS);
    }
    const timings = { meili: [] as number[], like: [] as number[] };
    let meiliHits = 0;
    let likeHits = 0;
    for (const params of mix) {
      let t = performance.now();
      meiliHits += (await searchWithMeilisearch(client, "services", params)).total;
      timings.meili.push(performance.now() - t);
      t = performance.now();
      likeHits += searchWithSqlite(app.database.db, params, SEARCH_DOCUMENT_LABELS).total;
      timings.like.push(performance.now() - t);
    }
    const report = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        `${name}: ${list.length} queries, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
      );
      return percentile(sorted, 95);
    };
    const meiliP95 = report("meilisearch (with facets)", timings.meili);
    const likeP95 = report("sqlite like", timings.like);
    console.log(
      `average results per query: meilisearch ${(meiliHits / mix.length).toFixed(0)}, like ${(likeHits / mix.length).toFixed(0)} (like has no typos or synonyms)`,
    );
    if (values.counting !== "off") await compareCounting(client, mix, report);
    console.log(`meilisearch peak RSS: ${(peakRss() / 1024 / 1024).toFixed(0)} MiB`);
    console.log(
      `search p95 ${meiliP95.toFixed(1)} ms; like p95 ${likeP95.toFixed(1)} ms; ratio ${(likeP95 / meiliP95).toFixed(1)}`,
    );
  } finally {
    await meili.stop();
    app.database.close();
  }
}

/**
 * The search use case (what the search page calls) with counting on and with it off, each query run both
 * ways in turn (alternating which goes first), with the flush timer running as in the server.
 */
async function compareCounting(
  client: ReturnType<typeof createSearchClient>,
  mix: SearchParams[],
  report: (name: string, list: number[]) => number,
) {
  const withSearch = (searchCounting: boolean): AppContext => {
    const ctx = createAppContext({ databasePath, searchCounting });
    ctx.search = { client, indexUid: "services" };
    return ctx;
  };
  const on = withSearch(true);
  const off = withSearch(false);
  const counting = startSearchCounting(on);
  try {
    for (const params of mix.slice(0, 20)) {
      await searchServices(on, params);
      await searchServices(off, params);
    }
    const timings = { on: [] as number[], off: [] as number[], onPriced: [] as number[], offPriced: [] as number[] };
    for (const [i, params] of mix.entries()) {
      const priced = params.page === 1 && params.area !== null && params.categories.length === 1;
      for (const which of i % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
        const t = performance.now();
        await searchServices(which === "on" ? on : off, params);
        const ms = performance.now() - t;
        timings[which].push(ms);
        if (priced) timings[which === "on" ? "onPriced" : "offPriced"].push(ms);
      }
    }
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
    const p50 = (list: number[]) =>
      percentile(
        [...list].sort((a, b) => a - b),
        50,
      );
    const change = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;
    const onP95 = report("search use case, counting on", timings.on);
    const offP95 = report("search use case, counting off", timings.off);
    console.log(
      `counting on vs off: mean ${mean(timings.on).toFixed(1)} vs ${mean(timings.off).toFixed(1)} ms (${change(mean(timings.on), mean(timings.off))}), ` +
        `p50 ${change(p50(timings.on), p50(timings.off))}, p95 ${change(onP95, offP95)} (target: within 5%)`,
    );
    if (timings.onPriced.length > 0) {
      report(
        "  of which chose an area and one category, counting on (also counts prices against the median)",
        timings.onPriced,
      );
      report("  of which chose an area and one category, counting off", timings.offPriced);
      console.log(
        `  those searches: mean ${change(mean(timings.onPriced), mean(timings.offPriced))}, p50 ${change(p50(timings.onPriced), p50(timings.offPriced))}`,
      );
    }
  } finally {
    counting.stop();
    on.database.close();
    off.database.close();
  }
}

await main();
