/**
 * `npm start`: applies migrations, seeds an empty database with demo data, starts (or connects to)
 * Meilisearch, applies the index settings, then serves the Remix build on PORT (default 3000) from one
 * HTTP worker per core (WORKERS overrides; WORKERS=1 runs everything in this one process). The
 * background jobs (search indexer, mail sender, money jobs) run in exactly one process: this one.
 * Ctrl-C stops everything it started.
 */
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createPageCache, type PageCache } from "./app/http/page-cache.server";
import { createAppContext, searchConnection, type AppContext } from "./app/services/context.server";
import { createInboxCopy } from "./app/services/mail/embedded-smtp.server";
import { startBackgroundJobs, type BackgroundJobs } from "./server/background-jobs.server";
import {
  forkWorkers,
  onPrimaryGone,
  onPrimaryMessage,
  tellPrimary,
  WORKER_ENV,
  workerCount,
} from "./server/cluster.server";
import { startHttp } from "./server/http.server";
import { prepareSearch, seedIfEmpty, type RunningSearch } from "./server/startup.server";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const mode = process.env.NODE_ENV === "development" ? "development" : "production";
process.env.NODE_ENV = mode;
const quiet = process.env.QUIET === "1";
const say = (line: string) => {
  if (!quiet) console.log(line);
};

if (!existsSync(resolve("build/index.js"))) {
  console.error("No build found. Run `npm run build` first (npm start does this for you).");
  process.exit(1);
}

function openContext(): AppContext {
  // Plain http on localhost cannot carry Secure cookies; production behind HTTPS sets HTTPS=1.
  return createAppContext({ secureCookies: process.env.HTTPS === "1" });
}

/** Anonymous search and service pages for PAGE_CACHE_MS (default 5 s; 0 turns the cache off). */
function pageCacheFor(tellOthers?: () => void): PageCache {
  const ttl = process.env.PAGE_CACHE_MS;
  return createPageCache({ ttlMs: ttl === undefined || ttl === "" ? 5_000 : Number(ttl), tellOthers });
}

function onStopSignals(stop: (signal: string) => Promise<void>) {
  let stopping = false;
  const once = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void stop(signal).then(() => process.exit(0));
  };
  process.on("SIGINT", () => once("SIGINT"));
  process.on("SIGTERM", () => once("SIGTERM"));
  return once;
}

/** Seeds, starts search and the background jobs; exits if search cannot start. */
async function prepare(app: AppContext): Promise<RunningSearch> {
  await seedIfEmpty(app, say);
  try {
    const search = await prepareSearch(app, say);
    say(`Meilisearch ${search.embedded ? "started" : "connected"} at ${search.host}`);
    return search;
  } catch (error) {
    console.error(`\nSearch could not start.\n${error instanceof Error ? error.message : String(error)}\n`);
    app.database.close();
    process.exit(1);
  }
}

function sayMail(jobs: BackgroundJobs) {
  say(
    jobs.mail.embedded
      ? `Mail goes to the embedded SMTP server at ${jobs.mail.embedded.url} (see /dev/mail)`
      : "Mail goes to SMTP_URL",
  );
}

async function runSingleProcess() {
  const app = openContext();
  const search = await prepare(app);
  app.search = searchConnection({ host: search.host, apiKey: search.apiKey });
  const pageCache = pageCacheFor();
  const jobs = await startBackgroundJobs(app, { search, onSearchChanged: () => pageCache.invalidate() });
  app.devMail = jobs.mail.embedded;
  sayMail(jobs);
  const http = await startHttp(app, {
    port,
    host,
    mode,
    pageCache,
    onListening: () => say(`Care and Support Marketplace is running at http://localhost:${port}`),
  });
  onStopSignals(async (signal) => {
    say(`\n${signal}: stopping…`);
    await http.stop();
    await jobs.stop();
    await search.embedded?.stop();
    app.database.close();
  });
}

async function runPrimary(workers: number) {
  const app = openContext();
  const search = await prepare(app);
  let pool: ReturnType<typeof forkWorkers> | null = null;
  const jobs = await startBackgroundJobs(app, {
    search,
    onSearchChanged: () => pool?.broadcast({ type: "pages-changed" }),
    onMailReceived: (mail) => pool?.broadcast({ type: "mail-received", mail }),
  });
  sayMail(jobs);
  const embedded = jobs.mail.embedded;
  pool = forkWorkers({
    count: workers,
    env: {
      [WORKER_ENV.searchHost]: search.host,
      [WORKER_ENV.searchKey]: search.apiKey,
      [WORKER_ENV.devMail]: embedded ? "1" : "",
    },
    greeting: () => (embedded ? { type: "mail-inbox", mails: embedded.received() } : null),
    onMessage: (message) => {
      if (message.type === "form-answered") pool?.broadcast({ type: "pages-changed" });
    },
  });
  let announced = false;
  cluster.on("listening", () => {
    if (announced) return;
    announced = true;
    say(`Care and Support Marketplace is running at http://localhost:${port} (${workers} HTTP workers)`);
  });
  onStopSignals(async (signal) => {
    say(`\n${signal}: stopping…`);
    await pool?.stop();
    await jobs.stop();
    await search.embedded?.stop();
    app.database.close();
  });
}

async function runWorker() {
  // Its own SQLite connection (WAL, busy_timeout: db/client.server.ts); migrations already applied.
  const app = openContext();
  app.search = searchConnection({
    host: process.env[WORKER_ENV.searchHost] ?? "",
    apiKey: process.env[WORKER_ENV.searchKey] ?? "",
  });
  const inbox = process.env[WORKER_ENV.devMail] === "1" ? createInboxCopy() : null;
  app.devMail = inbox;
  const pageCache = pageCacheFor(() => tellPrimary({ type: "form-answered" }));
  onPrimaryMessage((message) => {
    if (message.type === "pages-changed") pageCache.invalidate();
    else if (message.type === "mail-inbox") inbox?.replace(message.mails);
    else if (message.type === "mail-received") inbox?.add(message.mail);
  });
  const http = await startHttp(app, { port, host, mode, pageCache });
  const stop = onStopSignals(async () => {
    await http.stop();
    app.database.close();
  });
  onPrimaryGone(() => stop("disconnect"));
}

if (cluster.isWorker) await runWorker();
else {
  const workers = workerCount();
  if (workers === 1) await runSingleProcess();
  else await runPrimary(workers);
}
