/**
 * `npm run bench:load`: the real app (server.ts on the production build) over HTTP with a large catalogue:
 * the demo data plus 500 generated providers × 50 services (made once by the seed generator, cached in
 * data/bench/ and copied for each run so the cache stays pristine). server.ts indexes the catalogue into
 * its own fresh Meilisearch before it listens, so the first answer means search is complete.
 *
 * Then autocannon drives, one after another, for --duration seconds each from --connections connections:
 *   search   the search page with a fixed mix of realistic searches (words, typos, filters, sorts, pages);
 *   service  service pages, cycling over a few hundred listed services;
 *   budget   "My budget", signed in over HTTP as the demo budget holder margaret@example.org.
 * Prints req/s, latency p50/p95/p99, errors, timeouts and non-2xx (counted as errors) for each, and a
 * one-line summary last. Asserts nothing; exits non-zero only if the app cannot start or sign-in fails.
 *
 * Flags: --duration 30 --connections 100 --warmup 10 (seconds at full load before each page, not counted)
 *        --providers 500 --services-per-provider 50
 *        --only search,service,budget (a subset) --gzip (send Accept-Encoding: gzip as browsers do;
 *        search answers are then not checked for reduced mode, as autocannon cannot unzip them)
 *        --cpu-prof DIR (the server and each HTTP worker write a CPU profile into DIR when they stop)
 *        --workers N (HTTP workers; default WORKERS or one per core) --distinct (no search repeats: every
 *        request is a search address not asked before, so no page cache can answer it)
 * Prints the number of workers and the machine's load average with the figures: other work on a shared
 * machine moves them.
 */
import { spawnSync } from "node:child_process";
import type { IncomingHttpHeaders } from "node:http";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { and, asc, count, eq } from "drizzle-orm";
import { providers as providersTable, services } from "../../db/schema";
import { LOCALITIES } from "../../db/localities";
import { CQC_RATING_KEYS, SERVICE_CATEGORY_KEYS } from "../../app/domain/catalogue";
import { PROVIDER_TYPE_KEYS } from "../../app/domain/provider-types";
import { searchHref, type SearchForm } from "../../app/http/search-form";
import { createAppContext } from "../../app/services/context.server";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { seededRandom, seedDemoData } from "../../app/seed/seed.server";
import { countListedServices } from "../../search/documents.server";
import { leftoverProcesses, startApp, type RunningApp } from "../support/start-app";
import { WebClient } from "../support/web-client";
import { cpuProfileEnv, cpuSeconds, percentile, SEARCH_TYPOS, SEARCH_WORDS } from "./bench-common";

const PAGES = ["search", "service", "budget"] as const;
type PageName = (typeof PAGES)[number];

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "100" },
    warmup: { type: "string", default: "10" },
    providers: { type: "string", default: "500" },
    "services-per-provider": { type: "string", default: "50" },
    only: { type: "string", default: PAGES.join(",") },
    gzip: { type: "boolean", default: false },
    /** A folder: the server writes a V8 CPU profile there when it stops (see cpu-profile.mjs). */
    "cpu-prof": { type: "string" },
    workers: { type: "string", default: process.env.WORKERS || String(availableParallelism()) },
    distinct: { type: "boolean", default: false },
  },
});
const workers = Number(values.workers);
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const warmupSeconds = Number(values.warmup);
const providerCount = Number(values.providers);
const perProvider = Number(values["services-per-provider"]);
const only = values.only.split(",").map((s) => s.trim()) as PageName[];
if (only.some((name) => !PAGES.includes(name))) {
  console.error(`--only takes a comma-separated subset of ${PAGES.join(",")}`);
  process.exit(2);
}
const MIN_LISTED = 20_000;
const BUDGET_HOLDER = "margaret@example.org";

/** The cached catalogue, generated once through the seed generator (the same use cases as the product). */
async function cachedCatalogue(): Promise<string> {
  const dir = resolve("data/bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `load-${providerCount}x${perProvider}.sqlite`);
  if (existsSync(path)) {
    console.log(`Reusing ${path}`);
    return path;
  }
  // Built under another name and renamed when complete, so an interrupted run never leaves half a cache.
  const partial = `${path}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  console.log(`Generating ${providerCount} providers × ${perProvider} services with the seed generator…`);
  const started = Date.now();
  const ctx = createAppContext({ databasePath: partial });
  await seedDemoData(ctx, {
    providers: providerCount,
    servicesPerProvider: perProvider,
    log: (line) => console.log(`  ${line}`),
  });
  // Closing the last connection checkpoints the WAL into the main file, so one file is the whole database.
  ctx.database.close();
  renameSync(partial, path);
  console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

/**
 * A fixed mix of what people type and tick, as search page addresses (made by the page's own link builder).
 * With `distinct`, no address repeats: a search met before gets a price limit in pounds and pence instead.
 */
function searchPaths(n: number, distinct = false): string[] {
  const seen = new Set<string>();
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = SEARCH_WORDS;
  const typos = SEARCH_TYPOS;
  const sorts = ["best", "best", "quality", "price_asc", "price_desc", "reviews"] as const;
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 8;
    const form: SearchForm = {
      q: kind === 1 ? pick(typos) : kind === 5 || kind === 7 ? "" : pick(words),
      categories: kind === 2 || kind === 5 ? [pick(SERVICE_CATEGORY_KEYS)] : [],
      area: kind >= 3 && kind !== 7 ? pick(LOCALITIES).id : "",
      providerTypes: kind === 6 ? [pick(PROVIDER_TYPE_KEYS)] : [],
      cqcRatings: kind === 4 ? ["good", "outstanding"] : kind === 6 ? [pick(CQC_RATING_KEYS)] : [],
      maxPrice: kind === 3 ? String(18 + Math.floor(random() * 12)) : "",
      weekends: kind === 4,
      stars: kind === 6 ? "4" : "",
      published: kind === 2,
      skills: [],
      languages: [],
      times: [],
      drives: false,
      dbs: false,
      sort: kind === 5 ? "distance" : pick(sorts),
      // Mostly the first page, as people rarely go further; some second and third pages.
      page: random() < 0.75 ? 1 : 2 + Math.floor(random() * 2),
    };
    let path = searchHref(form, { page: form.page });
    // £10.00 to £99.99 gives 9,000 limits for each search: enough even for the most common one (no words,
    // no filters, best match, first page), a quarter of one kind in eight. A narrower range once looped
    // for ever here, so running out is an error, not a hang.
    for (let tries = 0; distinct && seen.has(path); tries++) {
      if (tries === 1_000) throw new Error(`--distinct cannot find a search not asked before after ${i} searches`);
      form.maxPrice = (10 + Math.floor(random() * 9_000) / 100).toFixed(2);
      path = searchHref(form, { page: form.page });
    }
    seen.add(path);
    paths.push(path);
  }
  return paths;
}

/** Listed services (live, from approved providers), spread evenly over the catalogue. */
function servicePaths(databasePath: string, n: number): { paths: string[]; listed: number } {
  const ctx = createAppContext({ databasePath });
  try {
    const { db } = ctx.database;
    const listed = countListedServices(db);
    const ids = db
      .select({ id: services.id })
      .from(services)
      .innerJoin(providersTable, eq(providersTable.id, services.providerId))
      .where(and(eq(services.status, "live"), eq(providersTable.accreditationStatus, "approved")))
      .orderBy(asc(services.id))
      .all()
      .map((r) => r.id);
    const step = Math.max(1, Math.floor(ids.length / n));
    const paths = ids.filter((_, i) => i % step === 0).map((id) => `/services/${id}`);
    const total = db.select({ n: count() }).from(services).get()?.n ?? 0;
    console.log(`services in the database: ${total}, listed: ${listed}; ${paths.length} service pages in the mix`);
    return { paths, listed };
  } finally {
    ctx.database.close();
  }
}

interface Window {
  latencies: number[];
  reducedMode: number;
  /** Answers with `X-Page-Cache: hit` (counted where answers are read: the search page). */
  cacheHits: number;
  statuses: Map<number, number>;
  timeouts: number;
  connectionErrors: number;
}

interface PageFigures {
  name: PageName;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Timeouts, connection errors and non-2xx answers. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Map<number, number>;
  reducedMode: number | null;
  cacheHits: number | null;
  /** CPU time per request, which the machine's other load does not inflate the way it does latency. */
  cpuMsPerRequest: { server: number; meilisearch: number };
  warmup: { requests: number; reducedMode: number; timeouts: number; max: number };
}

const TIMEOUT_SECONDS = 10;

function newWindow(): Window {
  return { latencies: [], reducedMode: 0, cacheHits: 0, statuses: new Map(), timeouts: 0, connectionErrors: 0 };
}

/**
 * One autocannon run of warm-up plus measured time on the same connections. Only requests that start
 * after the warm-up count: from cold, a burst of new connections is answered slowly (some requests
 * took up to 10 s), which is start-up rather than the steady state measured here.
 */
async function drive(
  app: RunningApp,
  name: PageName,
  paths: string[],
  headers: Record<string, string>,
  checkReducedMode: boolean,
): Promise<PageFigures> {
  const warm = newWindow();
  const measured = newWindow();
  const warmupMs = warmupSeconds * 1000;
  let next = 0;
  // Set by onResponse, which autocannon calls just before the "response" event of the same answer.
  let reduced = false;
  let cacheHit = false;
  let cpuBefore = cpuSeconds(app.pid);
  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolveDone, rejectDone) => {
    finished = resolveDone;
    failed = rejectDone;
  });
  const startedAt = performance.now();
  const cpuMark = setTimeout(() => (cpuBefore = cpuSeconds(app.pid)), warmupMs);
  const instance = autocannon(
    {
      url: app.baseUrl,
      connections,
      duration: warmupSeconds + durationSeconds,
      timeout: TIMEOUT_SECONDS,
      headers,
      requests: [
        {
          method: "GET",
          // One shared counter: the connections together walk the list in order, round and round.
          setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
          ...(checkReducedMode
            ? {
                onResponse: (_status: number, body: string, _context: unknown, headers?: IncomingHttpHeaders) => {
                  reduced = body.includes("Search is running in reduced mode");
                  // autocannon passes the raw header names, in the server's case.
                  cacheHit = Object.entries(headers ?? {}).some(
                    ([name, value]) => name.toLowerCase() === "x-page-cache" && value === "hit",
                  );
                },
              }
            : {}),
        },
      ],
    },
    (error: unknown, result) => (error ? failed(error) : finished(result)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    const window = performance.now() - startedAt - responseTime < warmupMs ? warm : measured;
    window.latencies.push(responseTime);
    if (reduced) window.reducedMode++;
    if (cacheHit) window.cacheHits++;
    reduced = false;
    cacheHit = false;
    window.statuses.set(statusCode, (window.statuses.get(statusCode) ?? 0) + 1);
  });
  instance.on("reqError", (error: unknown) => {
    const timedOut = String(error).includes("timed out");
    // A timeout belongs to the request sent TIMEOUT_SECONDS earlier.
    const sentAt = performance.now() - startedAt - (timedOut ? TIMEOUT_SECONDS * 1000 : 0);
    const window = sentAt < warmupMs ? warm : measured;
    if (timedOut) window.timeouts++;
    else window.connectionErrors++;
  });
  await done;
  clearTimeout(cpuMark);
  const cpuAfter = cpuSeconds(app.pid);
  const sorted = measured.latencies.sort((a, b) => a - b);
  const requests = sorted.length;
  const non2xx = [...measured.statuses].filter(([code]) => code < 200 || code > 299).reduce((sum, [, n]) => sum + n, 0);
  return {
    name,
    requests,
    perSecond: requests / durationSeconds,
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    p99: Math.round(percentile(sorted, 99)),
    max: Math.round(percentile(sorted, 100)),
    errors: measured.timeouts + measured.connectionErrors + non2xx,
    timeouts: measured.timeouts,
    non2xx,
    statuses: measured.statuses,
    reducedMode: checkReducedMode ? measured.reducedMode : null,
    cacheHits: checkReducedMode ? measured.cacheHits : null,
    cpuMsPerRequest: {
      server: ((cpuAfter.server - cpuBefore.server) * 1000) / Math.max(1, requests),
      meilisearch: ((cpuAfter.children - cpuBefore.children) * 1000) / Math.max(1, requests),
    },
    warmup: {
      requests: warm.latencies.length,
      reducedMode: warm.reducedMode,
      timeouts: warm.timeouts,
      max: Math.round(Math.max(0, ...warm.latencies)),
    },
  };
}

function report(f: PageFigures) {
  const codes = [...f.statuses]
    .sort(([a], [b]) => a - b)
    .map(([code, n]) => `${n}×${code}`)
    .join(", ");
  console.log(
    `${f.name}: ${f.requests} requests in ${durationSeconds} s, ${f.perSecond.toFixed(1)} req/s (mean) @${connections}c`,
  );
  console.log(
    `  load average after it: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.log(`  latency: p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms`);
  console.log(
    `  errors ${f.errors} (timeouts ${f.timeouts}, non-2xx ${f.non2xx}); status codes: ${codes || "none"}` +
      (f.reducedMode === null ? "" : `; answered in reduced mode (SQLite): ${f.reducedMode}`),
  );
  if (f.cacheHits !== null) console.log(`  answered from the page cache: ${f.cacheHits} of ${f.requests}`);
  console.log(
    `  CPU per request: server ${f.cpuMsPerRequest.server.toFixed(1)} ms, meilisearch ${f.cpuMsPerRequest.meilisearch.toFixed(1)} ms`,
  );
  console.log(
    `  warm-up (${warmupSeconds} s, not counted): ${f.warmup.requests} requests, ${f.warmup.timeouts} timeouts, slowest ${f.warmup.max} ms` +
      (f.reducedMode === null ? "" : `, ${f.warmup.reducedMode} in reduced mode`),
  );
}

async function signIn(app: RunningApp): Promise<string> {
  const client = new WebClient(app.baseUrl);
  const response = await client.post("/sign-in", { email: BUDGET_HOLDER, password: DEMO_PASSWORD });
  if (response.status !== 302) throw new Error(`Signing in as ${BUDGET_HOLDER} answered ${response.status}`);
  const budget = await client.get("/budget");
  if (budget.status !== 200) throw new Error(`"My budget" answered ${budget.status} after signing in`);
  return client.cookieHeader();
}

/**
 * Services in the index, from the search page's own facet counts for an empty search (each service has
 * one category; the "N services found" line stops at Meilisearch's maxTotalHits of 5,000).
 */
async function indexedCount(app: RunningApp): Promise<{ total: number; reduced: boolean }> {
  const html = await (await fetch(`${app.baseUrl}/search`)).text();
  let total = 0;
  for (const match of html.matchAll(/id="category-\d+"[^]*?facet__count">\s*\((\d+)\)/g)) total += Number(match[1]);
  return { total, reduced: html.includes("Search is running in reduced mode") };
}

async function main(): Promise<number> {
  if (!existsSync(resolve("build/index.js"))) {
    console.log("No production build: running `remix build`…");
    const build = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
    if (build.status !== 0) return 1;
  }
  const cache = await cachedCatalogue();
  const runDir = mkdtempSync(join(tmpdir(), "care-load-"));
  const databasePath = join(runDir, "marketplace.sqlite");
  copyFileSync(cache, databasePath);
  let app: RunningApp | null = null;
  const cleanUp = async () => {
    if (app) {
      await app.stop();
      const left = leftoverProcesses(app);
      if (left.length > 0) console.log(`warning: processes still running after stop:\n  ${left.join("\n  ")}`);
      app = null;
    }
    rmSync(runDir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanUp().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const { paths: servicePagePaths, listed } = servicePaths(databasePath, 300);
    if (listed < MIN_LISTED) console.log(`warning: only ${listed} listed services (wanted ${MIN_LISTED} or more)`);

    console.log("Starting the app (production build, embedded Meilisearch, indexing the catalogue)…");
    const startedAt = performance.now();
    try {
      const profile = cpuProfileEnv(values["cpu-prof"]);
      // Indexing 21,000 services and starting the workers takes longer than a test's minute on a busy machine.
      app = await startApp({
        env: { DATABASE_PATH: databasePath, WORKERS: String(workers), ...profile },
        startTimeoutMs: 300_000,
      });
    } catch (error) {
      console.error(`The app did not start: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    console.log(`app answering after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    const indexed = await indexedCount(app);
    console.log(
      `search page counts ${indexed.total} services by category for an empty search${indexed.reduced ? " (REDUCED MODE: Meilisearch not used)" : indexed.total === listed ? ", all of them" : ` but ${listed} are listed`}`,
    );

    // Enough distinct searches that none repeats at 2,000 req/s.
    const mix = values.distinct ? searchPaths(2_000 * (warmupSeconds + durationSeconds), true) : searchPaths(240);
    const gzip: Record<string, string> = values.gzip ? { "accept-encoding": "gzip" } : {};
    const figures: PageFigures[] = [];
    for (const name of only) {
      let paths: string[];
      let headers = gzip;
      if (name === "search") paths = mix;
      else if (name === "service") paths = servicePagePaths;
      else {
        headers = { ...gzip, cookie: await signIn(app) };
        paths = ["/budget"];
      }
      console.log(`Driving ${name} for ${warmupSeconds} + ${durationSeconds} s…`);
      const f = await drive(app, name, paths, headers, name === "search" && !values.gzip);
      if (name === "search" && values.distinct && f.requests + f.warmup.requests > paths.length) {
        console.log(`warning: --distinct ran out of distinct searches (${paths.length}); some repeated`);
      }
      report(f);
      figures.push(f);
    }
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(" ");
    console.log(
      `workers ${workers}; load average ${load}` +
        (values.distinct ? "; search mode --distinct (no search repeats)" : "; search mode: repeated mix of 240"),
    );
    console.log(
      figures
        .map(
          (f) =>
            `${f.name} p95 ${f.p95} ms @${connections}c, ${f.perSecond.toFixed(0)} req/s, ${f.errors} errors` +
            (f.reducedMode ? `, ${f.reducedMode} in reduced mode` : ""),
        )
        .join("; "),
    );
    return 0;
  } finally {
    await cleanUp();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

process.exitCode = await main();
