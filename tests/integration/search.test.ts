/**
 * Search against the real Meilisearch with the demo catalogue: words, typos, synonyms, every filter,
 * sorts, facet counts, and the SQLite fallback when Meilisearch cannot be reached.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { services } from "../../db/schema";
import { searchConnection } from "../../app/services/context.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { searchServices } from "../../app/services/search.server";
import { withDemoData } from "../support/demo-data-template";
import { buildServiceDocuments } from "../../search/documents.server";
import { emptyParams, type SearchParams } from "../../search/query-types";
import { searchWithSqlite } from "../../search/fallback.server";
import { applyIndexSettings } from "../../search/settings.server";
import { tempAppContext } from "../support/temp-app-context";

const meili = inject("meili");
const indexUid = `services_search_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });

beforeAll(async () => {
  // The demo catalogue plus 40 generated providers, so filters have something to narrow.
  await withDemoData(ctx, { providers: 40, servicesPerProvider: 5 });
  await applyIndexSettings(ctx.search!.client, indexUid);
  const ids = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .all()
    .map((r) => r.id);
  const documents = [...buildServiceDocuments(ctx.database.db, ids, SEARCH_DOCUMENT_LABELS).values()];
  const task = await ctx.search!.client.index(indexUid).addDocuments(documents).waitTask({ timeout: 30_000 });
  expect(task.status).toBe("succeeded");
}, 120_000);

afterAll(async () => {
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

const search = (overrides: Partial<SearchParams>) => searchServices(ctx, emptyParams({ pageSize: 1000, ...overrides }));

describe("words", () => {
  it("finds home care despite a typo", async () => {
    const results = await search({ q: "domicilary" });
    expect(results.mode).toBe("meilisearch");
    expect(results.hits.length).toBeGreaterThan(0);
    expect(results.hits.some((h) => h.category === "home_care")).toBe(true);
  });

  it("finds home care through the care-vocabulary synonyms", async () => {
    const results = await search({ q: "domiciliary care", pageSize: 5 });
    expect(results.hits.some((h) => h.category === "home_care")).toBe(true);
    const homeHelp = await search({ q: "home help" });
    const titles = homeHelp.hits.map((h) => h.title.map((s) => s.text).join(""));
    expect(titles).toContain("Home care visits");
  });

  it("marks the matched words for highlighting", async () => {
    const results = await search({ q: "lunch club" });
    const first = results.hits[0];
    expect(first?.title.some((s) => s.match && /lunch/i.test(s.text))).toBe(true);
  });
});

describe("filters", () => {
  it("each narrows the results to services that match it", async () => {
    const all = await search({});
    expect(all.total).toBeGreaterThan(50);

    const homeCare = await search({ categories: ["home_care"] });
    expect(homeCare.total).toBeGreaterThan(0);
    expect(homeCare.total).toBeLessThan(all.total);
    expect(homeCare.hits.every((h) => h.category === "home_care")).toBe(true);

    const leigh = await search({ area: { id: "leigh", latitude: 53.4975, longitude: -2.515 } });
    expect(leigh.total).toBeLessThan(all.total);
    expect(leigh.hits.every((h) => h.areas.includes("Leigh"))).toBe(true);

    const good = await search({ cqcRatings: ["good"] });
    expect(good.total).toBeLessThan(all.total);
    expect(good.hits.every((h) => h.cqcRating === "good")).toBe(true);

    const pas = await search({ providerTypes: ["personal_assistant"] });
    expect(pas.total).toBeLessThan(all.total);
    expect(pas.hits.map((h) => h.providerName)).toContain("Chris Doyle PA Services");

    const cheap = await search({ maxHourlyPence: 2000 });
    expect(cheap.total).toBeLessThan(all.total);
    expect(cheap.hits.every((h) => h.rate !== null && h.rate.unit === "hour" && h.rate.weekdayPence <= 2000)).toBe(
      true,
    );

    const weekends = await search({ weekends: true });
    expect(weekends.total).toBeLessThan(all.total);
    const weekendDays = new Map(
      ctx.database.db
        .select({ id: services.id, days: services.days })
        .from(services)
        .all()
        .map((r) => [r.id, r.days]),
    );
    expect(weekends.hits.every((h) => weekendDays.get(h.id)!.some((d) => d === "sat" || d === "sun"))).toBe(true);

    const published = await search({ publishedOnly: true });
    expect(published.total).toBeLessThan(all.total);
    expect(published.hits.every((h) => h.pricePublished && h.rate !== null)).toBe(true);

    const combined = await search({ categories: ["home_care"], weekends: true, maxHourlyPence: 2600 });
    expect(combined.hits.every((h) => h.category === "home_care" && h.rate!.weekdayPence <= 2600)).toBe(true);
    expect(combined.total).toBeLessThanOrEqual(homeCare.total);
  });

  it("counts each filter's other choices as if it were not chosen", async () => {
    const results = await search({ categories: ["home_care"] });
    const counts = results.facets.category ?? {};
    expect(counts.home_care).toBe(results.total);
    expect(Object.keys(counts).length).toBeGreaterThan(3);
    expect(results.facets.cqcRating).toBeDefined();
  });
});

describe("sorting", () => {
  it("by price never puts a service without published prices among priced ones", async () => {
    for (const sort of ["price_asc", "price_desc"] as const) {
      const results = await search({ sort });
      const priced = results.hits.map((h) => h.rate !== null);
      const firstUnpriced = priced.indexOf(false);
      expect(firstUnpriced).toBeGreaterThan(0);
      expect(priced.slice(firstUnpriced).every((p) => !p)).toBe(true);
      const rates = results.hits.filter((h) => h.rate).map((h) => h.rate!.weekdayPence);
      const sorted = [...rates].sort((a, b) => (sort === "price_asc" ? a - b : b - a));
      expect(rates).toEqual(sorted);
    }
  });

  it("by quality orders by score, then stars, then number of reviews, in Meilisearch and the fallback alike", async () => {
    const results = await search({ sort: "quality" });
    const fallback = searchWithSqlite(
      ctx.database.db,
      emptyParams({ sort: "quality", pageSize: 1000 }),
      SEARCH_DOCUMENT_LABELS,
    );
    for (const hits of [results.hits, fallback.hits]) {
      expect(hits.length).toBeGreaterThan(10);
      const keys = hits.map((h) => [h.qualityScore, h.stars, h.reviewCount]);
      const sorted = [...keys].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
      expect(keys).toEqual(sorted);
      // Ties on the score exist in the demo data, so the tie-breakers are really exercised.
      expect(new Set(keys.map((k) => k[0])).size).toBeLessThan(keys.length);
    }
    expect(fallback.hits.map((h) => h.qualityScore)).toEqual(results.hits.map((h) => h.qualityScore));
  });

  it("by distance puts the services of the chosen area first", async () => {
    const results = await search({
      area: { id: "standish", latitude: 53.586, longitude: -2.662 },
      sort: "distance",
    });
    expect(results.total).toBeGreaterThan(0);
    expect(results.hits.every((h) => h.areas.includes("Standish"))).toBe(true);
  });

  it("pages through results", async () => {
    const first = await search({ pageSize: 5, page: 1 });
    const second = await search({ pageSize: 5, page: 2 });
    expect(first.pageCount).toBeGreaterThan(2);
    expect(first.hits.map((h) => h.id)).not.toEqual(second.hits.map((h) => h.id));
  });
});

describe("reduced mode", () => {
  it("answers from SQLite when Meilisearch cannot be reached", async () => {
    const down = { ...ctx, search: searchConnection({ host: "http://127.0.0.1:9", apiKey: "x", indexUid }) };
    const results = await searchServices(down, emptyParams({ q: "home care", pageSize: 50 }));
    expect(results.mode).toBe("fallback");
    expect(results.hits.map((h) => h.title.map((s) => s.text).join(""))).toContain("Home care visits");
  });

  it("applies the same filters in the fallback", () => {
    const results = searchWithSqlite(
      ctx.database.db,
      emptyParams({ categories: ["home_care"], maxHourlyPence: 2600, pageSize: 500 }),
      SEARCH_DOCUMENT_LABELS,
    );
    expect(results.total).toBeGreaterThan(0);
    expect(results.hits.every((h) => h.category === "home_care" && h.rate!.weekdayPence <= 2600)).toBe(true);
    const sorted = searchWithSqlite(
      ctx.database.db,
      emptyParams({ sort: "price_asc", pageSize: 500 }),
      SEARCH_DOCUMENT_LABELS,
    );
    const priced = sorted.hits.map((h) => h.rate !== null);
    expect(priced.slice(priced.indexOf(false)).every((p) => !p)).toBe(true);
  });

  it("applies a minimum star rating in the fallback as Meilisearch does", async () => {
    const fromMeilisearch = await search({ minStars: 4 });
    const fromSqlite = searchWithSqlite(
      ctx.database.db,
      emptyParams({ minStars: 4, pageSize: 1000 }),
      SEARCH_DOCUMENT_LABELS,
    );
    expect(fromSqlite.total).toBeGreaterThan(0);
    expect(fromSqlite.hits.every((h) => h.stars >= 4)).toBe(true);
    expect(fromSqlite.hits.map((h) => h.id).sort()).toEqual(fromMeilisearch.hits.map((h) => h.id).sort());
    expect(fromSqlite.reviewsExist).toBe(true);
  });
});
