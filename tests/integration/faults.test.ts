/**
 * Faults against the real app as a child process (production build, server.ts), real SQLite files and
 * real Meilisearch servers (issue #7):
 * - Meilisearch stops in the middle of a search load: no page fails, search answers from SQLite, the
 *   changes made meanwhile reach the index once Meilisearch is back, and none is lost;
 * - the app is killed (SIGKILL) in the middle of parallel bookings: after a restart the database is
 *   sound, no booking is half-written, no budget is overspent, and the app serves budgets again;
 * - the Meilisearch data folder is missing or damaged: `npm run reindex` rebuilds it from the database.
 * The single-process versions of the outage and the rebuild are in indexer.test.ts.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, desc, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/permissions";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { createAppContext } from "../../app/services/context.server";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { setServicePaused } from "../../app/services/provider-services.server";
import { bookings, providers, reviews, searchOutbox, services, users } from "../../db/schema";
import { createSearchClient } from "../../search/client.server";
import { buildServiceDocuments, countListedServices } from "../../search/documents.server";
import {
  findFreePort,
  generateMasterKey,
  startMeilisearch,
  type RunningMeilisearch,
} from "../../search/meili-process.server";
import { rebuildIndex } from "../../search/reindex.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { applyIndexSettings } from "../../search/settings.server";
import { loadBookingForm, makeHolder } from "../support/booking-fixtures";
import { checkBookingRecords, checkMoney } from "../support/ledger-checks";
import { openReadOnlyDatabase } from "../support/read-only-database";
import { leftoverProcesses, startApp, type RunningApp } from "../support/start-app";
import { demoDatabaseFile } from "../support/demo-data-template";
import {
  makeCouncilAdmin,
  makeFlatRateService,
  makeProvider,
  makeService,
  serviceFormFields,
} from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { WebClient } from "../support/web-client";

const REDUCED_MODE = "Search is running in reduced mode";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Things to stop and remove after each test, newest first, even when it failed half-way. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function signedIn(baseUrl: string, email: string): Promise<WebClient> {
  const client = new WebClient(baseUrl);
  const response = await client.post("/sign-in", { email, password: DEMO_PASSWORD });
  expect(response.status, `${email} signs in`).toBe(302);
  return client;
}

/** A form post the app accepted: it answers with a redirect, as after every successful form. */
async function expectRedirect(what: string, response: Promise<Response>): Promise<string> {
  const answered = await response;
  const body = answered.status === 302 ? "" : (await answered.text()).slice(0, 2000);
  expect(answered.status, `${what}: ${body}`).toBe(302);
  return answered.headers.get("location") ?? "";
}

/** Polls until the check passes; returns the milliseconds it took, or throws after timeoutMs. */
async function waitUntil(what: string, timeoutMs: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}

async function allDocuments(client: Meilisearch): Promise<Record<string, unknown>[]> {
  const page = await client.index(SERVICES_INDEX_UID).getDocuments({ limit: 10_000 });
  return [...page.results].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

describe("Meilisearch stops during a load run", () => {
  const SEARCHES = [
    "/search?q=home+care",
    "/search?q=respite",
    "/search?q=day+centre",
    "/search?q=personal+assistant",
    "/search?q=meals",
    "/search",
    "/search?q=care&sort=price_asc",
    "/search?q=support&area=wigan",
  ];

  interface SearchAnswer {
    phase: string;
    /** The phase when the answer came: a request can start while Meilisearch is down and end after. */
    endedIn: string;
    path: string;
    status: number;
    reduced: boolean;
    found: number | null;
  }

  /** A few people searching back to back; each answer is labelled with the phases it started and ended in. */
  function searchLoad(baseUrl: string, connections: number) {
    const answers: SearchAnswer[] = [];
    const failures: string[] = [];
    let phase = "before";
    let running = true;
    const loops = Array.from({ length: connections }, async (_, c) => {
      for (let i = c; running; i += connections) {
        const path = SEARCHES[i % SEARCHES.length]!;
        const startedIn = phase;
        try {
          const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(15_000) });
          const html = await response.text();
          const found = /([\d,]+) services? found/.exec(html)?.[1];
          answers.push({
            phase: startedIn,
            endedIn: phase,
            path,
            status: response.status,
            reduced: html.includes(REDUCED_MODE),
            found: found ? Number(found.replaceAll(",", "")) : html.includes("No services found") ? 0 : null,
          });
        } catch (error) {
          failures.push(`${startedIn} ${path}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
    return {
      answers,
      failures,
      enter(next: string) {
        phase = next;
      },
      async stop() {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  const SERVICE_FORM = serviceFormFields({
    description: "Help at home in the evening: a meal, medication reminders and getting ready for bed.",
    startTime: "17:00",
    endTime: "22:00",
  });

  it("keeps every search page working from SQLite and loses no change made while it was down", async () => {
    const meiliDir = tempDir("care-faults-meili-");
    const port = await findFreePort();
    const masterKey = generateMasterKey();
    let meili: RunningMeilisearch = await startMeilisearch({ dataDir: meiliDir, port, masterKey });
    cleanups.push(() => meili.stop());
    // The demo data as npm start makes it (a copy), on an empty Meilisearch: the app indexes it before it listens.
    // The anonymous page cache would answer a repeated search for up to 5 s from before the outage;
    // this test is about the SQLite fallback, so every page is asked of the app (the cache: page-cache.test).
    const app = await startApp({
      env: { MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey, PAGE_CACHE_MS: "0" },
      database: await demoDatabaseFile(),
    });
    cleanups.push(() => app.stop());
    const databasePath = join(app.dataDir, "marketplace.sqlite");
    const database = openReadOnlyDatabase(databasePath);
    cleanups.push(() => database.close());
    const { db } = database;
    const search = createSearchClient({ host: meili.host, apiKey: masterKey });

    // What the changes will touch: two of Brightside's services and a service someone else reviewed.
    const [edited, paused] = db
      .select({ id: services.id, title: services.title })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(eq(providers.name, "Brightside Home Care"))
      .orderBy(asc(services.title))
      .all();
    const review = db
      .select({
        bookingId: reviews.bookingId,
        serviceId: reviews.serviceId,
        overall: reviews.overall,
        email: users.email,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.authorUserId))
      .innerJoin(providers, eq(providers.id, reviews.providerId))
      .where(
        and(
          eq(reviews.writtenByFamily, false),
          eq(reviews.status, "visible"),
          ne(providers.name, "Brightside Home Care"),
        ),
      )
      .orderBy(desc(reviews.createdAt))
      .get();
    const bookable = db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.title, "Sitting service"), eq(services.pricePublished, true)))
      .get();
    expect(edited && paused && review && bookable, "the demo data has what the test changes").toBeTruthy();
    const margaret = db.select({ id: users.id }).from(users).where(eq(users.email, "margaret@example.org")).get();
    // The demo data may already hold bookings of hers (a chosen support request): count the one made here.
    const bookingsBefore = db.select().from(bookings).where(eq(bookings.holderUserId, margaret!.id)).all().length;
    const indexedBefore = new Map<string, Record<string, unknown>>();
    for (const id of [edited!.id, review!.serviceId]) {
      indexedBefore.set(id, await search.index(SERVICES_INDEX_UID).getDocument(id));
    }

    const load = searchLoad(app.baseUrl, 4);
    cleanups.push(() => load.stop());
    await sleep(2_000);

    await meili.stop();
    const outageStarted = Date.now();
    load.enter("outage");
    await sleep(500);

    // Changes that must reach the index, through the real forms, while Meilisearch is down.
    const stamp = randomUUID().slice(0, 8);
    const provider = await signedIn(app.baseUrl, "staff@brightside.example");
    const editedTitle = `Home care visits, evenings too ${stamp}`;
    await expectRedirect(
      "the provider edits a service",
      provider.post(`/provider/services/${edited!.id}/edit`, {
        ...SERVICE_FORM,
        title: editedTitle,
        singleRate: "23.75",
      }),
    );
    const createdTitle = `Evening calls ${stamp}`;
    await expectRedirect(
      "the provider adds a service",
      provider.post("/provider/services/new", { ...SERVICE_FORM, title: createdTitle, singleRate: "19.40" }),
    );
    await expectRedirect(
      "the provider pauses a service",
      provider.post(`/provider/services/${paused!.id}/edit?intent=pause`, {}),
    );
    const holder = await signedIn(app.baseUrl, "margaret@example.org");
    await expectRedirect(
      "a budget holder books",
      holder.post(`/services/${bookable!.id}/book`, {
        intent: "book",
        startDate: addLocalDays(londonDateOf(new Date()), 3),
        frequency: "once",
        startTime: "10:00",
        duration: "60",
        weeks: "1",
      }),
    );
    const reviewer = await signedIn(app.baseUrl, review!.email);
    const stars = String(review!.overall >= 3 ? 1 : 5);
    await expectRedirect(
      "a budget holder changes their review",
      reviewer.post(`/bookings/${review!.bookingId}/review`, {
        overall: stars,
        quality: stars,
        reliability: stars,
        communication: stars,
        value: stars,
        title: "Changed my mind",
        body: "Looking back over the last few weeks, my view of this service has changed.",
      }),
    );
    const outageChanges = db
      .select()
      .from(searchOutbox)
      .where(gt(searchOutbox.createdAt, outageStarted - 1))
      .all();
    expect(outageChanges.length).toBeGreaterThanOrEqual(4);
    await sleep(Math.max(0, 3_000 - (Date.now() - outageStarted)));
    // The indexer has tried and failed meanwhile: the changes wait in the outbox.
    const failedTries = db
      .select()
      .from(searchOutbox)
      .where(and(isNull(searchOutbox.processedAt), gt(searchOutbox.attempts, 0)))
      .all();
    expect(failedTries.length).toBeGreaterThan(0);

    // Meilisearch answers before startMeilisearch returns, so the outage ends when the restart begins.
    load.enter("restarting");
    const outageMs = Date.now() - outageStarted;
    meili = await startMeilisearch({ dataDir: meiliDir, port, masterKey });
    load.enter("after");
    const pending = () =>
      db.select({ id: searchOutbox.id }).from(searchOutbox).where(isNull(searchOutbox.processedAt)).all().length;
    const drainMs = await waitUntil("the outbox drains", 20_000, () => pending() === 0);
    await sleep(500);
    await load.stop();

    const { answers, failures } = load;
    const inPhase = (phase: string) => answers.filter((a) => a.phase === phase && a.endedIn === phase);
    console.log(
      `Meilisearch outage: ${answers.length} searches (${inPhase("before").length} before, ${inPhase("outage").length} during ${(outageMs / 1000).toFixed(1)} s down, ${inPhase("after").length} after); ` +
        `${answers.filter((a) => a.status >= 500).length} answers ≥ 500, ${failures.length} failed requests; outbox drained ${(drainMs / 1000).toFixed(1)} s after the restart`,
    );
    expect(failures).toEqual([]);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(inPhase("before").some((a) => !a.reduced)).toBe(true);
    // Down: every page answered, from SQLite, and says so; a plain search still lists services.
    expect(inPhase("outage").length).toBeGreaterThan(0);
    expect(inPhase("outage").filter((a) => !a.reduced)).toEqual([]);
    const homeCare = inPhase("outage").filter((a) => a.path === "/search?q=home+care");
    expect(homeCare.length).toBeGreaterThan(0);
    for (const answer of homeCare) expect(answer.found).toBeGreaterThan(0);
    // Back up: Meilisearch answers again.
    expect(inPhase("after").some((a) => !a.reduced)).toBe(true);

    // Nothing lost: the index holds exactly the documents the database says it should.
    expect(pending()).toBe(0);
    const serviceIds = db
      .select({ id: services.id })
      .from(services)
      .all()
      .map((s) => s.id);
    const expected = [...buildServiceDocuments(db, serviceIds, SEARCH_DOCUMENT_LABELS).values()].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const indexed = await allDocuments(search);
    expect(indexed.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    expect(indexed).toEqual(expected);
    // ...and each change made while it was down is in it.
    const byId = new Map(indexed.map((d) => [String(d.id), d]));
    expect(byId.get(edited!.id)).toMatchObject({ title: editedTitle, weekdayRatePence: 2375 });
    expect(indexedBefore.get(edited!.id)?.title).toBe(edited!.title);
    const created = db.select({ id: services.id }).from(services).where(eq(services.title, createdTitle)).get();
    expect(byId.get(created!.id)).toMatchObject({ title: createdTitle, weekdayRatePence: 1940 });
    expect(byId.has(paused!.id)).toBe(false);
    expect(byId.get(review!.serviceId)?.stars).not.toBe(indexedBefore.get(review!.serviceId)?.stars);
    expect(db.select().from(bookings).where(eq(bookings.holderUserId, margaret!.id)).all()).toHaveLength(
      bookingsBefore + 1,
    );
    const found = await search.index(SERVICES_INDEX_UID).search(`Evening calls ${stamp}`);
    expect(found.hits.map((h) => h.id)).toContain(created!.id);
  }, 120_000);
});

describe("the app is killed mid-booking", () => {
  const RATE_PENCE = 2000;
  const ALLOCATION_PENCE = 10_000;

  it("restarts on the same database with every booking whole and no budget overspent", async () => {
    const dir = tempDir("care-faults-crash-");
    const databasePath = join(dir, "marketplace.sqlite");
    const today = londonDateOf(new Date());

    // The people and the service, made through the use cases before the app starts (so it seeds nothing).
    const setup = createAppContext({ databasePath, secureCookies: false });
    const council = await makeCouncilAdmin(setup);
    const staff = await makeProvider(setup, { name: "Crash Test Home Care", approvedBy: council });
    const serviceId = makeFlatRateService(setup, staff, "Crash test visits", RATE_PENCE);
    const holders: { id: string; cookie: string; csrf: string }[] = [];
    for (let i = 0; i < 4; i++) {
      // £100 each, period 0 starting today: five £20 bookings are covered, later ones need a top-up.
      const holder: Actor = await makeHolder(setup, council, {
        firstPeriodStart: today,
        allocationPence: ALLOCATION_PENCE,
      });
      const session = await setup.auth.createSession(holder.userId, {});
      // Double-submit CSRF: any token works as long as the cookie and the form field agree.
      const csrf = `crash-${i}-${session.id.slice(0, 8)}`;
      holders.push({ id: holder.userId, csrf, cookie: `csrf=${csrf}; ${setup.auth.sessionCookieName}=${session.id}` });
    }
    setup.database.close();

    const first: RunningApp = await startApp({ env: { DATABASE_PATH: databasePath } });
    cleanups.push(() => first.stop());

    // Twelve connections booking as the four holders, one visit of an hour in the next week each time.
    let sent = 0;
    let inFlight = 0;
    let running = true;
    const booked: string[] = [];
    const refused: string[] = [];
    const cutOff: string[] = [];
    const loops = Array.from({ length: 12 }, async () => {
      while (running) {
        const n = sent++;
        const holder = holders[n % holders.length]!;
        const round = Math.floor(n / holders.length);
        inFlight++;
        try {
          const response = await fetch(`${first.baseUrl}/services/${serviceId}/book`, {
            method: "POST",
            redirect: "manual",
            signal: AbortSignal.timeout(20_000),
            headers: { cookie: holder.cookie, "content-type": "application/x-www-form-urlencoded" },
            body: loadBookingForm(holder.csrf, today, round),
          });
          // A booking covered by the budget goes to its page, one with a top-up to the checkout.
          if (response.status === 302) booked.push(response.headers.get("location") ?? "");
          else refused.push(`${response.status}: ${(await response.text()).slice(0, 300)}`);
        } catch (error) {
          cutOff.push(error instanceof Error ? error.message : String(error));
          return; // the server is gone
        } finally {
          inFlight--;
        }
      }
    });

    await waitUntil("30 bookings answered", 20_000, () => booked.length >= 30 || refused.length > 0);
    const inFlightAtKill = inFlight;
    process.kill(first.pid, "SIGKILL");
    const answeredBeforeKill = booked.length;
    running = false;
    await Promise.all(loops);
    // The server's embedded Meilisearch goes with it (the orphan guard in meili-process.server.ts).
    await waitUntil("the killed app and its Meilisearch are gone", 15_000, () => leftoverProcesses(first).length === 0);
    await first.stop();

    const second = await startApp({ env: { DATABASE_PATH: databasePath } });
    cleanups.push(() => second.stop());
    const budgetPage = await fetch(`${second.baseUrl}/budget`, {
      headers: { cookie: holders[0]!.cookie },
      redirect: "manual",
    });
    expect(budgetPage.status).toBe(200);
    expect(await budgetPage.text()).toContain("My budget");

    const database = openReadOnlyDatabase(databasePath);
    cleanups.push(() => database.close());
    const { db, sqlite } = database;
    // One read transaction: every check sees the same snapshot.
    const seen = sqlite.transaction(() => ({
      integrity: sqlite.pragma("integrity_check", { simple: true }),
      foreignKeys: sqlite.pragma("foreign_key_check"),
      halfWritten: checkBookingRecords(db),
      money: checkMoney(
        db,
        holders.map((h) => h.id),
      ),
      rows: db
        .select({
          holderUserId: bookings.holderUserId,
          totalPence: bookings.totalPence,
          budgetPence: bookings.budgetPence,
        })
        .from(bookings)
        .where(
          inArray(
            bookings.holderUserId,
            holders.map((h) => h.id),
          ),
        )
        .all(),
    }))();
    const { money } = seen;
    console.log(
      `Killed mid-booking: ${answeredBeforeKill} bookings answered before SIGKILL with ${inFlightAtKill} requests in flight; ` +
        `${money.bookings} bookings in the database (${money.requested} covered by budgets, ${money.awaitingPayment} waiting for a top-up); ` +
        `integrity ${seen.integrity}; ${seen.halfWritten.length} half-written; overspent budgets ${money.overspentHolders}; ` +
        `ledger problems ${money.invariantProblems.length + money.holdMismatches.length}`,
    );

    expect(refused).toEqual([]);
    expect(answeredBeforeKill).toBeGreaterThanOrEqual(30);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(cutOff.length).toBeGreaterThan(0);
    expect(seen.integrity).toBe("ok");
    expect(seen.foreignKeys).toEqual([]);
    expect(seen.halfWritten).toEqual([]);
    expect(money.overspentHolders).toBe(0);
    expect(money.invariantProblems).toEqual([]);
    expect(money.holdMismatches).toEqual([]);
    // Every booking the app confirmed survived the crash (a commit is durable once answered), including
    // answers already on their way when the process died.
    expect(money.bookings).toBeGreaterThanOrEqual(booked.length);
    expect(money.bookings).toBeLessThanOrEqual(sent);
    // Each £20 booking took from the budget until the £100 was gone, in whatever order they ran.
    for (const holder of holders) {
      const own = seen.rows.filter((b) => b.holderUserId === holder.id);
      expect(own.reduce((sum, b) => sum + b.totalPence, 0)).toBe(own.length * RATE_PENCE);
      expect(own.reduce((sum, b) => sum + b.budgetPence, 0)).toBe(Math.min(own.length * RATE_PENCE, ALLOCATION_PENCE));
    }
  }, 90_000);
});

describe("a missing or damaged Meilisearch data folder", () => {
  let ctx: ReturnType<typeof tempAppContext>;
  let root: string;
  let pristine: string;
  let knownService: string;
  const KNOWN_TITLE = "Canal boat day trips";

  /** Every file under a folder. */
  function filesIn(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)],
    );
  }
  const garbage = (file: string) => writeFileSync(file, Buffer.alloc(Math.max(64, statSync(file).size), 0x5a));

  beforeAll(async () => {
    ctx = tempAppContext();
    root = mkdtempSync(join(tmpdir(), "care-faults-reindex-"));
    const council = await makeCouncilAdmin(ctx);
    const staff = await makeProvider(ctx, { name: "Wigan Companions", approvedBy: council });
    const unapproved = await makeProvider(ctx, { name: "Not yet approved" });
    for (let i = 1; i <= 20; i++) makeService(ctx, staff, { title: `Companionship visits ${i}` });
    knownService = makeService(ctx, staff, { title: KNOWN_TITLE, category: "community_access" });
    makeService(ctx, unapproved, { title: "Unapproved provider's service" });
    const pausedId = makeService(ctx, staff, { title: "Paused service" });
    expect(setServicePaused(ctx, staff, pausedId, true).ok).toBe(true);

    // A data folder with a complete index, as a running app would leave it.
    pristine = join(root, "pristine");
    const meili = await startMeilisearch({ dataDir: pristine });
    try {
      const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey });
      await applyIndexSettings(client, SERVICES_INDEX_UID);
      await rebuildIndex({ db: ctx.database.db, client, indexUid: SERVICES_INDEX_UID, labels: SEARCH_DOCUMENT_LABELS });
    } finally {
      await meili.stop();
    }
  });

  afterAll(() => {
    ctx.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  /** `npm run reindex` against the test database and the embedded Meilisearch on dataDir. */
  function runReindex(dataDir: string): Promise<{ code: number | null; output: string; ms: number }> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: ctx.database.sqlite.name, MEILI_DATA_DIR: dataDir };
    delete env.MEILI_HOST;
    delete env.MEILI_MASTER_KEY;
    const started = performance.now();
    // Its own process group, so a hung run can be stopped with everything it started.
    const child = spawn("npm", ["run", "--silent", "reindex"], {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 60_000);
    return new Promise((done) =>
      child.on("close", (code) => {
        clearTimeout(timer);
        done({ code, output, ms: performance.now() - started });
      }),
    );
  }

  /** Starts Meilisearch on the folder and checks the index matches the database. */
  async function expectRebuilt(dataDir: string) {
    const meili = await startMeilisearch({ dataDir });
    try {
      const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey });
      const listed = countListedServices(ctx.database.db);
      expect(listed).toBe(21);
      expect((await client.index(SERVICES_INDEX_UID).getStats()).numberOfDocuments).toBe(listed);
      const found = await client.index(SERVICES_INDEX_UID).search("canal boat");
      expect(found.hits.map((h) => h.id)).toEqual([knownService]);
      // Rebuilt with the index settings, not just the documents.
      const settings = await client.index(SERVICES_INDEX_UID).getSettings();
      expect(settings.rankingRules?.at(-1)).toBe("qualityScore:desc");
    } finally {
      await meili.stop();
    }
  }

  function caseFolder(name: string): string {
    const dataDir = join(root, name);
    cpSync(pristine, dataDir, { recursive: true });
    return dataDir;
  }

  it("rebuilds a deleted data folder from the database", async () => {
    const dataDir = caseFolder("deleted");
    rmSync(dataDir, { recursive: true, force: true });

    const run = await runReindex(dataDir);
    console.log(`reindex, deleted data folder: exit ${run.code} in ${(run.ms / 1000).toFixed(1)} s`);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Indexed 21 services");
    await expectRebuilt(dataDir);
  }, 60_000);

  it("moves a data folder Meilisearch will not start on aside and rebuilds", async () => {
    const dataDir = caseFolder("garbage");
    for (const file of filesIn(join(dataDir, "data.ms"))) garbage(file);
    // The damage is real: Meilisearch refuses this folder.
    await expect(startMeilisearch({ dataDir })).rejects.toThrow(/exited during startup/);

    const run = await runReindex(dataDir);
    console.log(`reindex, damaged data folder: exit ${run.code} in ${(run.ms / 1000).toFixed(1)} s`);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/would not start on its data \(Version file is corrupted/);
    expect(run.output).toContain("Indexed 21 services");
    expect(readdirSync(dataDir).filter((f) => f.startsWith("data.ms.damaged-"))).toHaveLength(1);
    await expectRebuilt(dataDir);
  }, 60_000);

  it("moves a data folder with a damaged index file aside and rebuilds", async () => {
    const dataDir = caseFolder("damaged-index");
    const indexFiles = filesIn(join(dataDir, "data.ms", "indexes")).filter((f) => f.endsWith("data.mdb"));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const file of indexFiles) garbage(file);
    // The damage is real: Meilisearch starts, but cannot open the index.
    const damaged = await startMeilisearch({ dataDir });
    try {
      const client = createSearchClient({ host: damaged.host, apiKey: damaged.masterKey });
      await expect(client.index(SERVICES_INDEX_UID).getSettings()).rejects.toThrow(/invalid state/);
    } finally {
      await damaged.stop();
    }

    const run = await runReindex(dataDir);
    console.log(`reindex, damaged index file: exit ${run.code} in ${(run.ms / 1000).toFixed(1)} s`);
    expect(run.code, run.output).toBe(0);
    // Every index file was damaged: the services index or the one recording its document version
    // (search/document-version.server.ts) is the first found unreadable.
    expect(run.output).toMatch(new RegExp(`cannot read the index (${SERVICES_INDEX_UID}|care_index_versions)`));
    expect(run.output).toContain("Indexed 21 services");
    expect(readdirSync(dataDir).filter((f) => f.startsWith("data.ms.damaged-"))).toHaveLength(1);
    await expectRebuilt(dataDir);
  }, 60_000);
});
