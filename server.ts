/**
 * `npm start`: applies migrations, seeds an empty database with demo data, starts (or connects to)
 * Meilisearch, applies the index settings, then serves the Remix build on PORT (default 3000).
 * Ctrl-C stops everything it started.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createWebServer } from "./app/http/express-app.server";
import { chargeEndedVisits } from "./app/services/bookings/delivery.server";
import { expireUnpaidBookings } from "./app/services/bookings/expiry.server";
import { expireSupportRequests } from "./app/services/support-requests/requests.server";
import { allRateFigures } from "./app/services/market/rates.server";
import { createAppContext, searchConnection } from "./app/services/context.server";
import { isDatabaseEmpty, seedDemoData } from "./app/seed/seed.server";
import { settleSearchCounts, startSearchCounting } from "./app/services/market/search-counts.server";
import { discardPendingMail } from "./app/services/mail/outbox.server";
import { startMail } from "./app/services/mail/setup.server";
import { SEARCH_DOCUMENT_LABELS } from "./app/services/search-labels";
import { createSearchClient, createSearchGateway } from "./search/client.server";
import { connectMeilisearch } from "./search/connection.server";
import { countListedServices } from "./search/documents.server";
import {
  recordDocumentVersion,
  recordedDocumentVersion,
  SERVICE_DOCUMENT_VERSION,
} from "./search/document-version.server";
import { createOutboxIndexer, type OutboxIndexer } from "./search/indexer.server";
import { rebuildIndex } from "./search/reindex.server";
import { SERVICES_INDEX_UID } from "./search/settings";
import { applyIndexSettings } from "./search/settings.server";
import { allTipIds, syncTips, TIP_DOCUMENT_VERSION, TIPS_INDEX_UID, tipsIndexSettings } from "./search/tips.server";

const port = Number(process.env.PORT ?? 3000);
const mode = process.env.NODE_ENV === "development" ? "development" : "production";
process.env.NODE_ENV = mode;
const quiet = process.env.QUIET === "1";
const say = (line: string) => {
  if (!quiet) console.log(line);
};

const buildPath = resolve("build/index.js");
if (!existsSync(buildPath)) {
  console.error("No build found. Run `npm run build` first (npm start does this for you).");
  process.exit(1);
}

const app = createAppContext({
  // Plain http on localhost cannot carry Secure cookies; production behind HTTPS sets HTTPS=1.
  secureCookies: process.env.HTTPS === "1",
});

if (isDatabaseEmpty(app)) {
  say("The database is empty: creating demo data…");
  const accounts = await seedDemoData(app);
  discardPendingMail(app.database.db);
  say("\nDemo accounts (all use the same password):");
  for (const account of accounts) say(`  ${account.role.padEnd(60)} ${account.email}  /  ${account.password}`);
  say("");
}

let search: Awaited<ReturnType<typeof connectMeilisearch>>;
let indexer: OutboxIndexer;
try {
  search = await connectMeilisearch({ dataDir: resolve(process.env.MEILI_DATA_DIR ?? "data/meili") });
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
    const tipIds = allTipIds(app.database.db);
    await syncTips({
      db: app.database.db,
      client: indexClient,
      indexUid: TIPS_INDEX_UID,
      labels: SEARCH_DOCUMENT_LABELS,
      tipIds,
    });
    await recordDocumentVersion(indexClient, TIPS_INDEX_UID, TIP_DOCUMENT_VERSION);
  }
  // Drains the search outbox in the background; retries on its own while Meilisearch is unavailable.
  indexer = createOutboxIndexer({
    db: app.database.db,
    client: createSearchClient({ host: search.host, apiKey: search.apiKey }),
    indexUid: SERVICES_INDEX_UID,
    labels: SEARCH_DOCUMENT_LABELS,
    log: (line) => console.error(line),
  });
  indexer.start();
} catch (error) {
  console.error(`\nSearch could not start.\n${error instanceof Error ? error.message : String(error)}\n`);
  app.database.close();
  process.exit(1);
}
say(`Meilisearch ${search.embedded ? "started" : "connected"} at ${search.host}`);
app.search = searchConnection({ host: search.host, apiKey: search.apiKey });

// Email: SMTP_URL, or an embedded SMTP server on a free loopback port whose mail /dev/mail lists.
const mail = await startMail({ db: app.database.db, smtpUrl: process.env.SMTP_URL || undefined });
app.devMail = mail.embedded;
mail.sender.start();
say(
  mail.embedded
    ? `Mail goes to the embedded SMTP server at ${mail.embedded.url} (see /dev/mail)`
    : "Mail goes to SMTP_URL",
);

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const web = createWebServer({ build, app, mode });
const host = process.env.HOST ?? "127.0.0.1";
app.internalOrigin = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
// The market rates figures take one pass over the catalogue; do it before the first council page asks.
allRateFigures(app);
const httpServer = web.listen(port, host, () => {
  say(`Care and Support Marketplace is running at http://localhost:${port}`);
});

// Unpaid top-ups expire after 30 minutes; ended visits of accepted bookings are charged; support
// requests past their closing date with no choice expire.
const moneyJobs = setInterval(() => {
  try {
    expireUnpaidBookings(app);
    chargeEndedVisits(app);
    expireSupportRequests(app);
  } catch (error) {
    console.error("Booking jobs failed, will try again in a minute:", error);
  }
}, 60_000);
moneyJobs.unref();

// The market rates figures catch up from the search outbox rows since they were last read; reading them
// every minute keeps that catch-up small and well inside the day processed rows are kept, so no council
// page or provider form has to wait for a full pass over the catalogue.
const ratesRefresh = setInterval(() => {
  try {
    allRateFigures(app);
  } catch (error) {
    console.error("Market rates figures could not be refreshed, will try again in a minute:", error);
  }
}, 60_000);
ratesRefresh.unref();

// Anonymous search counts (unmet demand) are written every few seconds and once more on stop.
const searchCounting = startSearchCounting(app, {
  intervalMs: Number(process.env.SEARCH_COUNTS_FLUSH_MS) || 5_000,
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`\n${signal}: stopping…`);
  clearInterval(moneyJobs);
  clearInterval(ratesRefresh);
  httpServer.close();
  httpServer.closeAllConnections();
  await indexer.stop();
  await mail.stop();
  // Searches still having their prices compared are counted before the last write.
  await settleSearchCounts(app);
  searchCounting.stop();
  await search.embedded?.stop();
  app.database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
