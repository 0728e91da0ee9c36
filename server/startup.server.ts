/**
 * What `npm start` does once, before anything serves: demo data for an empty database, then Meilisearch
 * started (or connected) with the index settings applied and the index rebuilt when it is empty or was
 * built by an older version of the app. Runs in the primary process only.
 */
import { resolve } from "node:path";
import type { AppContext } from "../app/services/context.server";
import { discardPendingMail } from "../app/services/mail/outbox.server";
import { isDatabaseEmpty, seedDemoData } from "../app/seed/seed.server";
import { SEARCH_DOCUMENT_LABELS } from "../app/services/search-labels";
import { createSearchClient, createSearchGateway } from "../search/client.server";
import { connectMeilisearch } from "../search/connection.server";
import { countListedServices } from "../search/documents.server";
import {
  recordDocumentVersion,
  recordedDocumentVersion,
  SERVICE_DOCUMENT_VERSION,
} from "../search/document-version.server";
import { rebuildIndex } from "../search/reindex.server";
import { SERVICES_INDEX_UID } from "../search/settings";
import { applyIndexSettings } from "../search/settings.server";
import { allTipIds, syncTips, TIP_DOCUMENT_VERSION, TIPS_INDEX_UID, tipsIndexSettings } from "../search/tips.server";

export type RunningSearch = Awaited<ReturnType<typeof connectMeilisearch>>;

export async function seedIfEmpty(app: AppContext, say: (line: string) => void): Promise<void> {
  if (!isDatabaseEmpty(app)) return;
  say("The database is empty: creating demo data…");
  const accounts = await seedDemoData(app);
  discardPendingMail(app.database.db);
  say("\nDemo accounts (all use the same password):");
  for (const account of accounts) say(`  ${account.role.padEnd(60)} ${account.email}  /  ${account.password}`);
  say("");
}

/** Starts or connects to Meilisearch, applies the settings, and rebuilds the index when it must. */
export async function prepareSearch(app: AppContext, say: (line: string) => void): Promise<RunningSearch> {
  const search = await connectMeilisearch({ dataDir: resolve(process.env.MEILI_DATA_DIR ?? "data/meili") });
  await createSearchGateway({ host: search.host, apiKey: search.apiKey }).applySettings();
  const indexClient = createSearchClient({ host: search.host, apiKey: search.apiKey, timeoutMs: 120_000 });
  // A new or wiped Meilisearch data folder with an existing database, or an index whose documents an
  // older version of the app built (they would lack newer fields): rebuild the index from the database.
  const stats = await indexClient.index(SERVICES_INDEX_UID).getStats();
  const empty = stats.numberOfDocuments === 0;
  const outdated =
    !empty && (await recordedDocumentVersion(indexClient, SERVICES_INDEX_UID)) !== SERVICE_DOCUMENT_VERSION;
  if (empty && countListedServices(app.database.db) === 0) {
    // Nothing to build yet: the indexer fills it with documents of this version.
    await recordDocumentVersion(indexClient, SERVICES_INDEX_UID);
  } else if (empty || outdated) {
    say(
      empty
        ? "The search index is empty: rebuilding it from the database…"
        : "The search index was built by an older version of the app: rebuilding it from the database…",
    );
    const { indexed } = await rebuildIndex({
      db: app.database.db,
      client: indexClient,
      indexUid: SERVICES_INDEX_UID,
      labels: SEARCH_DOCUMENT_LABELS,
    });
    say(`Indexed ${indexed} services.`);
  }
  // The tips index: rebuilt from the database when it is new, wiped or holds an older document shape.
  await applyIndexSettings(indexClient, TIPS_INDEX_UID, tipsIndexSettings);
  const tipStats = await indexClient.index(TIPS_INDEX_UID).getStats();
  if (
    tipStats.numberOfDocuments === 0 ||
    (await recordedDocumentVersion(indexClient, TIPS_INDEX_UID)) !== TIP_DOCUMENT_VERSION
  ) {
    await syncTips({
      db: app.database.db,
      client: indexClient,
      indexUid: TIPS_INDEX_UID,
      labels: SEARCH_DOCUMENT_LABELS,
      tipIds: allTipIds(app.database.db),
    });
    await recordDocumentVersion(indexClient, TIPS_INDEX_UID, TIP_DOCUMENT_VERSION);
  }
  return search;
}
