/**
 * `npx tsx tests/bench/search-variants.ts`: the search page's Meilisearch queries asked in several ways
 * (QueryTuning in search/queries.server.ts) over the 100,000-service bench catalogue of bench:search
 * (data/bench/search-2000x50.sqlite; run bench:search once first), interleaved query by query so every
 * variant sees the same machine. Prints, per variant, wall time and Meilisearch's own processingTimeMs
 * (summed over the multi-search) at p50 and p95, and the load average. The index is kept in
 * data/bench/meili-variants between runs. `--settings` also compares searchCutoffMs on and off.
 * Asserts nothing.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { MultiSearchQuery } from "meilisearch";
import { createAppContext } from "../../app/services/context.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { createSearchClient } from "../../search/client.server";
import { startMeilisearch } from "../../search/meili-process.server";
import { searchQueries, type QueryTuning } from "../../search/queries.server";
import { rebuildIndex } from "../../search/reindex.server";
import { servicesIndexSettings } from "../../search/settings";
import { applyIndexSettings } from "../../search/settings.server";
import { percentile, queryMix } from "./bench-common";

const { values } = parseArgs({
  options: { queries: { type: "string", default: "240" }, rounds: { type: "string", default: "2" } },
});
const databasePath = resolve("data/bench/search-2000x50.sqlite");
if (!existsSync(databasePath)) {
  console.error("No bench catalogue: run `npm run bench:search` once first.");
  process.exit(1);
}

const VARIANTS: Record<string, QueryTuning> = {
  before: { estimatedTotals: false, shownOnly: false, reviews: "facetStats" },
  estimatedTotals: { estimatedTotals: true, shownOnly: false, reviews: "facetStats" },
  "estimated+shownOnly": { estimatedTotals: true, shownOnly: true, reviews: "facetStats" },
  "all (reviews by count query)": { estimatedTotals: true, shownOnly: true, reviews: "countQuery" },
};

const ctx = createAppContext({ databasePath });
const meili = await startMeilisearch({ dataDir: resolve("data/bench/meili-variants") });
try {
  const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey, timeoutMs: 120_000 });
  await applyIndexSettings(client, "services", servicesIndexSettings);
  const stats = await client.index("services").getStats();
  if (stats.numberOfDocuments < 50_000) {
    console.log("Indexing the bench catalogue (once)…");
    const t = performance.now();
    const { indexed } = await rebuildIndex({
      db: ctx.database.db,
      client,
      indexUid: "services",
      labels: SEARCH_DOCUMENT_LABELS,
    });
    console.log(`indexed ${indexed} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const mix = queryMix(Number(values.queries));
  const names = Object.keys(VARIANTS);
  const wall = new Map(names.map((n) => [n, [] as number[]]));
  const meiliMs = new Map(names.map((n) => [n, [] as number[]]));
  const ask = async (name: string, queries: MultiSearchQuery[], record: boolean) => {
    const t = performance.now();
    const { results } = await client.multiSearch({ queries });
    if (!record) return;
    wall.get(name)!.push(performance.now() - t);
    meiliMs.get(name)!.push(results.reduce((sum, r) => sum + (r.processingTimeMs ?? 0), 0));
  };
  for (const params of mix.slice(0, 20))
    for (const name of names) await ask(name, searchQueries("services", params, VARIANTS[name]!).queries, false);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [i, params] of mix.entries()) {
      // Rotate the order so no variant always goes first after another's cache warm-up.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k + round) % names.length]!;
        await ask(name, searchQueries("services", params, VARIANTS[name]!).queries, true);
      }
    }
  }
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}; ${mix.length} searches × ${values.rounds} rounds`,
  );
  for (const name of names) {
    const w = wall.get(name)!.sort((a, b) => a - b);
    const m = meiliMs.get(name)!.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(30)} wall p50 ${percentile(w, 50).toFixed(1)} ms, p95 ${percentile(w, 95).toFixed(1)} ms; processingTimeMs p50 ${percentile(m, 50)} ms, p95 ${percentile(m, 95)} ms`,
    );
  }
} finally {
  await meili.stop();
  ctx.database.close();
}
