/**
 * `npm run bench:relevance`: the relevance figures of tests/integration/search-relevance.test.ts, with
 * every miss, on a throwaway database and Meilisearch, so a change to the index settings, synonyms or
 * query shows what it bought and what it broke. Exits 1 under the thresholds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppContext, searchConnection } from "../../app/services/context.server";
import { startMeilisearch } from "../../search/meili-process.server";
import {
  categoriesFromApp,
  formatRelevance,
  indexDemoCatalogue,
  measureRelevance,
  RELEVANCE_CASES,
  RELEVANCE_THRESHOLDS,
} from "../support/relevance";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "relevance-"));
  const meili = await startMeilisearch({ dataDir: join(dir, "meili") });
  const ctx = createAppContext({ databasePath: join(dir, "demo.sqlite"), secureCookies: false, searchCounting: false });
  try {
    ctx.search = searchConnection({ host: meili.host, apiKey: meili.masterKey, indexUid: "services" });
    const indexed = await indexDemoCatalogue(ctx, ctx.search.client, "services");
    console.log(`indexed demo services: ${indexed}`);
    const report = await measureRelevance(RELEVANCE_CASES, categoriesFromApp(ctx));
    console.log(formatRelevance(report));
    const pass = report.first >= RELEVANCE_THRESHOLDS.first && report.top3 >= RELEVANCE_THRESHOLDS.top3;
    process.exitCode = pass ? 0 : 1;
  } finally {
    ctx.database.close();
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
