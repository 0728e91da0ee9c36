/**
 * Unmet demand (issue #12) against real SQLite and Meilisearch: searches are counted by day, area,
 * category and outcome with nothing personal stored; found / none / only dearer on a small known
 * catalogue, through Meilisearch and the SQLite fallback alike; counts are written on the timer and when
 * the server stops; the council's demand page shows the figures.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { searchCounts, services } from "../../db/schema";
import { londonDateOf } from "../../app/domain/london-time";
import { pricesFromCheapest } from "../../app/domain/search-demand";
import type { Actor } from "../../app/domain/permissions";
import { addLocalDays } from "../../app/domain/schedule";
import { createAccount } from "../../app/services/accounts.server";
import { searchConnection, type AppContext } from "../../app/services/context.server";
import {
  flushSearchCounts,
  settleSearchCounts,
  startSearchCounting,
} from "../../app/services/market/search-counts.server";
import { hashPassword } from "../../app/services/passwords.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { searchServices } from "../../app/services/search.server";
import { sendQuote } from "../../app/services/support-requests/provider-side.server";
import {
  expireSupportRequests,
  publishSupportRequest,
  saveSupportRequest,
} from "../../app/services/support-requests/requests.server";
import type { SupportRequestInput } from "../../app/domain/support-requests";
import { buildServiceDocuments } from "../../search/documents.server";
import { searchWithSqlite } from "../../search/fallback.server";
import { hourlyPricesAgainst, searchWithMeilisearch } from "../../search/queries.server";
import { emptyParams, type SearchParams } from "../../search/query-types";
import { applyIndexSettings } from "../../search/settings.server";
import { makeHolder } from "../support/booking-fixtures";
import { startApp } from "../support/start-app";
import { demoDatabaseFile } from "../support/demo-data-template";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const meili = inject("meili");
const indexUid = `services_demand_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });
/** The same app with Meilisearch unreachable: the SQLite fallback ("reduced mode"), same counter. */
const reduced: AppContext = { ...ctx, search: null };
const today = londonDateOf(new Date());
const PASSWORD = "demand-test-password";
const WIGAN = { id: "wigan", latitude: 53.545, longitude: -2.632 };
const LEIGH = { id: "leigh", latitude: 53.4975, longitude: -2.515 };

let council: Actor;
let web: Awaited<ReturnType<typeof startWebServer>>;
let holderEmail: string;
let holderUserId: string;
let councilEmail: string;

const hourly = (pence: number) => ({
  unit: "hour" as const,
  weekdayPence: pence,
  weekendPence: pence,
  bankHolidayPence: pence,
  minimumChargePence: null,
});

function storedRows() {
  const key = (r: { day: string; area: string; category: string; outcome: string }) => [
    r.day,
    r.area,
    r.category,
    r.outcome,
  ];
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  return ctx.database.db
    .select()
    .from(searchCounts)
    .all()
    .sort((a, b) => compare(key(a), key(b)));
}

function clearCounts() {
  flushSearchCounts(ctx);
  ctx.database.db.delete(searchCounts).run();
}

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  const provider = await makeProvider(ctx, { approvedBy: council, areas: ["wigan", "leigh"] });
  // Wigan home care: published hourly weekday rates £18, £20, £22 and £26 (median £21 or so).
  makeService(ctx, provider, { title: "Morning home care", rateCard: hourly(1800), pricing: "single" });
  makeService(ctx, provider, { title: "Evening home care", rateCard: hourly(2000), pricing: "single" });
  makeService(ctx, provider, { title: "Weekend home care", rateCard: hourly(2200), pricing: "single" });
  makeService(ctx, provider, { title: "Premium home care", rateCard: hourly(2600), pricing: "single" });
  // Cheaper, but not comparable with an hourly median: priced by the visit, or not published.
  makeService(ctx, provider, {
    title: "Premium visits",
    pricing: "single",
    rateCard: { ...hourly(1500), unit: "visit" },
  });
  makeService(ctx, provider, {
    title: "Premium quiet care",
    pricing: "single",
    rateCard: hourly(1000),
    pricePublished: false,
  });
  await applyIndexSettings(ctx.search!.client, indexUid);
  const ids = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .all()
    .map((r) => r.id);
  const documents = [...buildServiceDocuments(ctx.database.db, ids, SEARCH_DOCUMENT_LABELS).values()];
  expect(documents).toHaveLength(6);
  const task = await ctx.search!.client.index(indexUid).addDocuments(documents).waitTask({ timeout: 30_000 });
  expect(task.status).toBe("succeeded");

  const passwordHash = await hashPassword(PASSWORD);
  holderEmail = `winifred-${randomBytes(3).toString("hex")}@planted.test`;
  const holder = await createAccount(
    ctx,
    { role: "budget_holder", name: "Winifred Quarmby", email: holderEmail, password: PASSWORD, area: "Wigan" },
    { passwordHash },
  );
  if (!holder.ok) throw new Error(holder.message);
  holderUserId = holder.userId;
  councilEmail = `demand-admin-${randomBytes(3).toString("hex")}@council.test`;
  const admin = await createAccount(
    ctx,
    { role: "council_admin", name: "Demand Admin", email: councilEmail, password: PASSWORD },
    { passwordHash },
  );
  if (!admin.ok) throw new Error(admin.message);
  web = await startWebServer(ctx);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

const params = (overrides: Partial<SearchParams>) => emptyParams({ pageSize: 20, ...overrides });

async function signedIn(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: PASSWORD })).status).toBe(302);
  return client;
}

describe("the hourly prices of a search against a median", () => {
  it("say the same in Meilisearch (after the page) and in SQLite (with it)", async () => {
    const premium = params({ q: "premium", area: WIGAN, categories: ["home_care"] });
    const all = params({ area: WIGAN, categories: ["home_care"] });
    const nothingHourly = params({ q: "visits", area: WIGAN, categories: ["home_care"] });
    const both = async (search: SearchParams, median: number) => {
      const fromMeili = await hourlyPricesAgainst(ctx.search!.client, indexUid, search, median);
      const fromSqlite = searchWithSqlite(ctx.database.db, search, SEARCH_DOCUMENT_LABELS, { cheapestHourly: true });
      expect(pricesFromCheapest(fromSqlite.cheapestHourlyPence!, median)).toEqual(fromMeili);
      return fromMeili;
    };
    // Three premium services match; only one has a published hourly price (£26): the visit-priced and
    // the unpublished ones are cheaper but not comparable.
    expect(await both(premium, 2100)).toEqual({ hourly: true, atOrBelowMedian: false });
    expect(await both(premium, 2600)).toEqual({ hourly: true, atOrBelowMedian: true });
    // £18, £20, £22, £26 (and two more premium ones without an hourly price).
    expect(await both(all, 2100)).toEqual({ hourly: true, atOrBelowMedian: true });
    expect(await both(all, 1799)).toEqual({ hourly: true, atOrBelowMedian: false });
    // Matches, but none with a published hourly price: nothing to compare.
    expect(await both(nothingHourly, 2100)).toEqual({ hourly: false, atOrBelowMedian: false });
    // The page itself carries no prices from Meilisearch, and none from SQLite unless asked.
    expect((await searchWithMeilisearch(ctx.search!.client, indexUid, premium)).cheapestHourlyPence).toBeUndefined();
    expect(searchWithSqlite(ctx.database.db, premium, SEARCH_DOCUMENT_LABELS).cheapestHourlyPence).toBeUndefined();
  });
});

describe("counting searches", () => {
  const SEARCHES: Partial<SearchParams>[] = [
    { area: WIGAN, categories: ["home_care"] }, // found: £18 is under the median
    { q: "premium", area: WIGAN, categories: ["home_care"] }, // only dearer: £26 is the only hourly price
    { q: "xylophone", area: WIGAN, categories: ["home_care"] }, // none
    { q: "premium", area: LEIGH, categories: ["home_care"] }, // none: these services are in Wigan only
    { q: "premium", area: WIGAN }, // found: no category, so no median to compare with
    { q: "premium", area: WIGAN, categories: ["home_care", "respite"] }, // found, counted with no one category
    { q: "xylophone" }, // none, nothing chosen
    { q: "premium", area: WIGAN, categories: ["home_care"], page: 2 }, // a later page: not counted again
  ];
  const EXPECTED = [
    { day: today, area: "", category: "", outcome: "none", count: 1 },
    { day: today, area: "leigh", category: "home_care", outcome: "none", count: 1 },
    { day: today, area: "wigan", category: "", outcome: "found", count: 2 },
    { day: today, area: "wigan", category: "home_care", outcome: "found", count: 1 },
    { day: today, area: "wigan", category: "home_care", outcome: "none", count: 1 },
    { day: today, area: "wigan", category: "home_care", outcome: "only_dearer", count: 1 },
  ];

  it("classifies found, none and only dearer through Meilisearch", async () => {
    clearCounts();
    for (const search of SEARCHES) {
      const results = await searchServices(ctx, params(search));
      expect(results.mode).toBe("meilisearch");
    }
    // Nothing is written until the flush; the price checks finish after their searches answered.
    expect(storedRows()).toEqual([]);
    await settleSearchCounts(ctx);
    expect(flushSearchCounts(ctx)).toBe(7);
    expect(storedRows()).toEqual(EXPECTED);
  });

  it("classifies the same in reduced mode (SQLite fallback), adding to the stored counts", async () => {
    for (const search of SEARCHES) {
      const results = await searchServices(reduced, params(search));
      expect(results.mode).toBe("fallback");
    }
    flushSearchCounts(ctx);
    expect(storedRows()).toEqual(EXPECTED.map((row) => ({ ...row, count: row.count * 2 })));
  });

  it("counts nothing when counting is off", async () => {
    clearCounts();
    const off: AppContext = { ...ctx, searchCounter: null };
    await searchServices(off, params({ q: "xylophone" }));
    expect(flushSearchCounts(ctx)).toBe(0);
    expect(storedRows()).toEqual([]);
  });

  it("stores nothing personal: only day, area, category, outcome and count", async () => {
    clearCounts();
    const client = await signedIn(holderEmail);
    const secret = "Winifred Quarmby 07700 900461";
    const page = await client.get(
      `/search?${new URLSearchParams({ q: secret, area: "wigan", category: "home_care" })}`,
    );
    expect(page.status).toBe(200);
    flushSearchCounts(ctx);
    const columns = ctx.database.sqlite
      .prepare("select name from pragma_table_info('search_counts') order by cid")
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns).toEqual(["day", "area", "category", "outcome", "count"]);
    expect(storedRows()).toEqual([{ day: today, area: "wigan", category: "home_care", outcome: "none", count: 1 }]);
    // Nowhere in the database: not the words searched, in any table.
    const tables = ctx.database.sqlite
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((t) => (t as { name: string }).name);
    for (const table of tables) {
      const text = JSON.stringify(ctx.database.sqlite.prepare(`select * from "${table}"`).all());
      expect(text, table).not.toContain("07700 900461");
      expect(text.includes("Quarmby 07700"), table).toBe(false);
    }
    const counted = JSON.stringify(storedRows());
    expect(counted).not.toContain(holderUserId);
    expect(counted).not.toContain(holderEmail);
    expect(counted).not.toContain("Winifred");
  });

  it("writes on the timer, and what is left when stopped", async () => {
    clearCounts();
    const counting = startSearchCounting(ctx, { intervalMs: 100 });
    try {
      await searchServices(ctx, params({ q: "xylophone", area: LEIGH, categories: ["respite"] }));
      await expect.poll(() => storedRows().length, { timeout: 5_000 }).toBe(1);
      await searchServices(ctx, params({ q: "xylophone", area: LEIGH, categories: ["respite"] }));
    } finally {
      counting.stop();
    }
    expect(storedRows()).toEqual([{ day: today, area: "leigh", category: "respite", outcome: "none", count: 2 }]);
  });

  it("keeps the counts for the next try when the write fails", async () => {
    clearCounts();
    await searchServices(ctx, params({ q: "xylophone" }));
    ctx.database.sqlite.exec("alter table search_counts rename to search_counts_away");
    try {
      expect(() => flushSearchCounts(ctx)).toThrow();
    } finally {
      ctx.database.sqlite.exec("alter table search_counts_away rename to search_counts");
    }
    expect(flushSearchCounts(ctx)).toBe(1);
    expect(storedRows()).toEqual([{ day: today, area: "", category: "", outcome: "none", count: 1 }]);
  });
});

describe("the server", () => {
  it("writes the counts when it stops", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-demand-"));
    const databasePath = join(dir, "marketplace.sqlite");
    // A flush timer of an hour: only stopping can write the count.
    const app = await startApp({
      env: { DATABASE_PATH: databasePath, SEARCH_COUNTS_FLUSH_MS: "3600000" },
      database: await demoDatabaseFile(),
    });
    const countOf = () => {
      const db = new Database(databasePath, { readonly: true });
      try {
        const row = db
          .prepare(
            "select coalesce(sum(count), 0) as n from search_counts where day = ? and area = 'aspull' and category = 'advocacy' and outcome = 'none'",
          )
          .get(today) as { n: number };
        return row.n;
      } finally {
        db.close();
      }
    };
    try {
      const before = countOf();
      const response = await fetch(`${app.baseUrl}/search?q=xylophone&area=aspull&category=advocacy`);
      expect(response.status).toBe(200);
      expect(countOf()).toBe(before);
      await app.stop();
      expect(countOf()).toBe(before + 1);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the demand page", () => {
  function requestInput(overrides: Partial<SupportRequestInput> = {}): SupportRequestInput {
    return {
      category: "respite",
      outcomes: ["living_independently"],
      area: "hindley",
      ageBand: "75_84",
      pattern: { startDate: addLocalDays(today, 10), days: ["mon"], startTime: "09:00", duration: "60", weeks: "4" },
      weeklyAmount: "",
      whatMatters: "Someone calm who can stay for a whole afternoon each week.",
      closingDate: addLocalDays(today, 7),
      weekendCover: false,
      sameCarer: false,
      language: "",
      carerGender: "",
      ...overrides,
    };
  }

  function publish(holder: Actor, overrides: Partial<SupportRequestInput> = {}) {
    const saved = saveSupportRequest(ctx, holder, holder.userId, requestInput(overrides));
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const published = publishSupportRequest(ctx, holder, saved.requestId, { confirmNotPersonal: true });
    if (!published.ok) throw new Error(JSON.stringify(published));
    return saved;
  }

  it("shows the pairs with most unmet searches over the chosen period, and requests no one quoted for", async () => {
    clearCounts();
    const put = (
      day: string,
      area: string,
      category: string,
      outcome: "found" | "none" | "only_dearer",
      count: number,
    ) => ctx.database.db.insert(searchCounts).values({ day, area, category, outcome, count }).run();
    put(today, "wigan", "home_care", "only_dearer", 4);
    put(today, "wigan", "home_care", "found", 6);
    put(addLocalDays(today, -3), "leigh", "respite", "none", 3);
    // In the last 90 days but not the last 30.
    put(addLocalDays(today, -40), "hindley", "meals", "none", 9);
    // Older than 90 days: never shown.
    put(addLocalDays(today, -95), "orrell", "advocacy", "none", 50);
    put(today, "", "", "none", 2);

    const holder = await makeHolder(ctx, council);
    // A provider that will quote must exist before the request is published, to be sent it.
    const quoting = await makeProvider(ctx, { approvedBy: council, areas: ["wigan"] });
    const quotingService = makeService(ctx, quoting, { title: "Quoting home care", areas: ["wigan"] });
    const unanswered = publish(holder);
    const answered = publish(holder, { category: "home_care", area: "wigan" });
    const sent = sendQuote(ctx, quoting, answered.requestId, {
      serviceId: quotingService,
      rateCardChoice: "service",
      rateCard: {
        unit: "hour",
        pricing: "single",
        singleRate: "",
        weekdayRate: "",
        weekendRate: "",
        bankHolidayRate: "",
        minimumCharge: "",
      },
      startDate: addLocalDays(today, 10),
      howMeet: { living_independently: "A regular carer." },
      notes: "",
    });
    expect(sent.ok).toBe(true);
    const dayAfterClosing = new Date(`${addLocalDays(today, 8)}T12:00:00Z`).getTime();
    expect(expireSupportRequests(ctx, dayAfterClosing)).toEqual(
      expect.arrayContaining([unanswered.requestId, answered.requestId]),
    );

    const admin = await signedIn(councilEmail);
    const page = await admin.get("/council/market/demand");
    expect(page.status).toBe(200);
    const html = (await page.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("<h1>Unmet demand</h1>");
    expect(html).toContain("What “only dearer” means");
    const rowsOf = (text: string) =>
      [...text.matchAll(/<tr><th scope="row">(?:<a [^>]*>)?([^<]*)(?:<\/a>)?<\/th>((?:<td[^>]*>[^<]*<\/td>)+)/g)].map(
        (m) => [m[1], ...[...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1])],
      );
    const demandTable = html.slice(html.indexOf("Searches that found nothing or only dearer services, by area"));
    expect(rowsOf(demandTable.slice(0, demandTable.indexOf("</table>")))).toEqual([
      ["Meals, Hindley", "9", "9", "0", "9 (100%)"],
      ["Home care, Wigan", "10", "0", "4", "4 (40%)"],
      ["Respite and short breaks, Leigh", "3", "3", "0", "3 (100%)"],
    ]);
    // 4 + 6 + 3 + 9 + 2 searches in the last 90 days; 12 found nothing, 4 only dearer.
    expect(html).toMatch(/<dt>Searches counted<\/dt><dd>24<\/dd>/);
    expect(html).toMatch(/<dt>Found nothing<\/dt><dd>14 \(58%\)<\/dd>/);
    expect(html).toMatch(/<dt>Found only dearer services<\/dt><dd>4 \(17%\)<\/dd>/);
    expect(html).toContain('href="/search?area=hindley&amp;category=meals"');
    // The bar chart draws the same figures.
    expect(html).toMatch(/<text class="chart__value"[^>]*>9<\/text>/);

    const requestsTable = html.slice(html.indexOf("Support requests with no quote"));
    expect(requestsTable).toContain(`href="/requests/${unanswered.requestId}"`);
    expect(requestsTable).toContain(unanswered.reference);
    expect(requestsTable).not.toContain(answered.reference);

    const last30 = (await (await admin.get("/council/market/demand?days=30")).text()).replaceAll("<!-- -->", "");
    expect(last30).not.toContain("Meals, Hindley");
    expect(last30).toContain("Home care, Wigan");
    expect(last30).toMatch(/<dt>Searches counted<\/dt><dd>15<\/dd>/);
    expect(last30).toContain('<option value="30" selected="">');
    // Anything else in the address: the default period.
    const odd = (await (await admin.get("/council/market/demand?days=7")).text()).replaceAll("<!-- -->", "");
    expect(odd).toMatch(/<dt>Searches counted<\/dt><dd>24<\/dd>/);
  });
});
