/**
 * The Open Referral UK API (issue #16) over HTTP on the production build, on the demo data plus a
 * generated catalogue of 2,000 services: every answer validated with ajv against the published schemas
 * in ../shared/openreferral-uk as they are; ids stable across a reindex and a restart; paging edges;
 * unpublished prices and personal data absent; ETag / 304; CORS.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budgetHolders, providers, services, users } from "../../db/schema";
import { TAXONOMIES } from "../../app/domain/openreferral";
import { createAppContext, searchConnection, type AppContext } from "../../app/services/context.server";
import { getService, listedServiceIds } from "../../app/services/openreferral/reading.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { withDemoData } from "../support/demo-data-template";
import { rebuildIndex } from "../../search/reindex.server";
import { applyIndexSettings } from "../../search/settings.server";
import { createOpenReferralValidator, type Endpoint } from "../../scripts/lib/openreferral-validator";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer } from "../support/web-client";

const meili = inject("meili");
const indexUid = `services_openreferral_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });
const validator = createOpenReferralValidator();
let web: Awaited<ReturnType<typeof startWebServer>>;
/** Personal data planted in the database: none of it may appear in any answer. */
let secrets: string[] = [];
/** A service whose provider does not publish prices, with a planted, recognisable rate. */
let unpublishedId = "";
const PLANTED_RATE_PENCE = 4_321;

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(web.baseUrl + path, { headers });
  const text = await response.text();
  return { response, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function expectValid(endpoint: Endpoint, path: string) {
  const { response, body, text } = await getJson(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(validator.validate(endpoint, body), path).toEqual({ valid: true, errors: [] });
  return { body: body as Record<string, unknown> & { contents?: Record<string, unknown>[] }, text };
}

beforeAll(async () => {
  await withDemoData(ctx, { providers: 50, servicesPerProvider: 50, reviewsPerProvider: 0 });
  const { db } = ctx.database;
  const holders = db.select({ userId: budgetHolders.userId }).from(budgetHolders).all();
  holders.forEach((h, i) => {
    db.update(budgetHolders)
      .set({ phone: `07700 8${String(i).padStart(5, "0")}` })
      .where(eq(budgetHolders.userId, h.userId))
      .run();
  });
  const listed = db
    .select({ id: services.id })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(providers.accreditationStatus, "approved"))
    .all();
  unpublishedId = listed[3]!.id;
  db.update(services)
    .set({ pricePublished: false, weekdayRatePence: PLANTED_RATE_PENCE, weekendRatePence: PLANTED_RATE_PENCE })
    .where(eq(services.id, unpublishedId))
    .run();
  secrets = [
    ...db
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email),
    ...db
      .select({ phone: budgetHolders.phone })
      .from(budgetHolders)
      .all()
      .map((h) => h.phone ?? ""),
    ...db
      .select({ email: providers.contactEmail, phone: providers.contactPhone })
      .from(providers)
      .all()
      .flatMap((p) => [p.email, p.phone]),
  ].filter((s) => s.length >= 6);
  await applyIndexSettings(ctx.search!.client, indexUid);
  await rebuildIndex({ db, client: ctx.search!.client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
  web = await startWebServer(ctx);
}, 300_000);

afterAll(async () => {
  await web?.close();
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

describe("Open Referral UK API", () => {
  it("answers / with the HSDS version and profile, valid against the OpenAPI file", async () => {
    const { body } = await expectValid("about", "/openreferral/");
    expect(body.version).toBe("3.0");
  });

  it("serves every listed service (over 2,000) in valid pages, and each one fully nested and valid", async () => {
    const ids = listedServiceIds(ctx);
    expect(ids.length).toBeGreaterThan(2_000);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await expectValid("services", `/openreferral/services?per_page=1000&page=${page}`);
      seen.push(...body.contents!.map((s) => s.id as string));
      if (body.last_page) break;
    }
    expect(seen).toEqual(ids);
    // A sample over HTTP first: the long synchronous check below would leave the kept-alive socket idle.
    for (const id of ids.slice(0, 30)) {
      const { body } = await expectValid("service", `/openreferral/services/${id}`);
      expect(body.id).toBe(id);
      expect((body.organization as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Every service fully nested, through the use case, against service.json.
    const invalid = ids.filter((id) => !validator.validate("service", getService(ctx, id)).valid);
    expect(invalid).toEqual([]);
    // That check blocked this process (the server's too) for seconds: let the overdue keep-alive timers
    // close idle sockets now, so the next test's request does not race a closing one (ECONNRESET).
    await new Promise((done) => setTimeout(done, 100));
  }, 120_000);

  it("maps a published rate card to cost options in GBP, and availability to an iCalendar-style schedule", async () => {
    const id = listedServiceIds(ctx).find((s) => s !== unpublishedId)!;
    const { body } = await expectValid("service", `/openreferral/services/${id}`);
    const row = ctx.database.db.select().from(services).where(eq(services.id, id)).get()!;
    const options = body.cost_options as { amount: number; currency: string; amount_description: string }[];
    expect(options[0]!.amount).toBe(row.weekdayRatePence / 100);
    expect(options[0]!.currency).toBe("GBP");
    expect(options[0]!.amount_description).toMatch(/^£\d+\.\d\d (an hour|a visit|a day|an item) on weekdays$/);
    const [schedule] = body.schedules as { byday: string; opens_at: string; freq: string }[];
    expect(schedule!.freq).toBe("WEEKLY");
    expect(schedule!.byday).toMatch(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/);
    expect(schedule!.opens_at).toBe(`${row.startTime}:00`);
    expect((body.service_areas as unknown[]).length).toBeGreaterThan(0);
  });

  it("keeps unpublished prices unpublished", async () => {
    const { body, text } = await expectValid("service", `/openreferral/services/${unpublishedId}`);
    expect(body.cost_options).toEqual([]);
    // Ids are hex and may hold "4321" by chance: look at everything but the ids.
    const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "");
    expect(withoutIds).not.toContain("43.21");
    expect(withoutIds).not.toContain("4321");
  });

  it("carries no personal data: no account email, phone or contact detail in any answer", async () => {
    expect(secrets.some((s) => s.startsWith("07700 8"))).toBe(true);
    expect(secrets.some((s) => s.endsWith("@example.org"))).toBe(true);
    const texts = [
      (await getJson("/openreferral/services?per_page=1000")).text,
      (await getJson("/openreferral/service_at_locations?per_page=1000")).text,
      ...(await Promise.all(
        listedServiceIds(ctx)
          .slice(0, 60)
          .map(async (id) => (await getJson(`/openreferral/services/${id}`)).text),
      )),
    ]
      .join("\n")
      .toLowerCase();
    const leaks = secrets.filter((s) => texts.includes(s.toLowerCase()));
    expect(leaks).toEqual([]);
  });

  it("serves service_at_locations, taxonomies and taxonomy terms, each list and record valid", async () => {
    const { body: sal } = await expectValid("service_at_locations", "/openreferral/service_at_locations?per_page=5");
    const first = sal.contents![0]!;
    const { body: one } = await expectValid(
      "service_at_location",
      `/openreferral/service_at_locations/${first.id as string}`,
    );
    expect(one.service_id).toBe(first.service_id);
    const { body: taxonomies } = await expectValid("taxonomies", "/openreferral/taxonomies");
    expect(taxonomies.total_items).toBe(TAXONOMIES.length);
    const taxonomy = taxonomies.contents![0]!;
    const { body: oneTaxonomy } = await getJson(`/openreferral/taxonomies/${taxonomy.id as string}`);
    expect(oneTaxonomy).toEqual(taxonomy);
    const { body: terms } = await expectValid("taxonomy_terms", "/openreferral/taxonomy_terms?per_page=100");
    const homeCare = terms.contents!.find((t) => t.code === "home_care")!;
    await expectValid("taxonomy_term", `/openreferral/taxonomy_terms/${homeCare.id as string}`);
    // The filter by term gives exactly the listed home care services.
    const { body: filtered } = await expectValid(
      "services",
      `/openreferral/services?taxonomy_term_id=${homeCare.id as string}&per_page=1000`,
    );
    const homeCareCount = listedServiceIds(ctx).filter(
      (id) => ctx.database.db.select().from(services).where(eq(services.id, id)).get()!.category === "home_care",
    ).length;
    expect(homeCareCount).toBeGreaterThan(0);
    expect(filtered.total_items).toBe(homeCareCount);
    expect((await getJson("/openreferral/services/not-a-listed-id")).response.status).toBe(404);
  });

  it("gets paging totals right at the edges: last page, a page past the end, bad parameters", async () => {
    const total = listedServiceIds(ctx).length;
    const perPage = 7;
    const lastPage = Math.ceil(total / perPage);
    const { body: last } = await expectValid("services", `/openreferral/services?per_page=${perPage}&page=${lastPage}`);
    expect(last).toMatchObject({
      total_items: total,
      total_pages: lastPage,
      page_number: lastPage,
      first_page: lastPage === 1,
      last_page: true,
      empty: false,
    });
    expect(last.size).toBe(total - (lastPage - 1) * perPage);
    const { body: past } = await expectValid(
      "services",
      `/openreferral/services?per_page=${perPage}&page=${lastPage + 1}`,
    );
    expect(past).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
    const { body: firstPage } = await expectValid("services", `/openreferral/services?per_page=${perPage}`);
    expect(firstPage).toMatchObject({ page_number: 1, first_page: true, last_page: false, size: perPage });
    const bad = await getJson("/openreferral/services?per_page=0");
    expect(bad.response.status).toBe(400);
    expect(bad.body?.message).toMatch(/per_page/);
    const badDate = await getJson("/openreferral/services?modified_after=yesterday");
    expect(badDate.response.status).toBe(400);
    const future = await expectValid("services", "/openreferral/services?modified_after=2999-01-01T00:00:00Z");
    expect(future.body.total_items).toBe(0);
  });

  it("sends ETag and Last-Modified, answers 304 to a matching If-None-Match, and allows any origin", async () => {
    const first = await getJson("/openreferral/services?per_page=3", { Origin: "https://council.example" });
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.response.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(Date.parse(first.response.headers.get("last-modified")!)).toBeGreaterThan(0);
    const again = await getJson("/openreferral/services?per_page=3", { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
    // A change to a listed service makes a new version.
    ctx.database.db
      .update(services)
      .set({ updatedAt: Date.now() + 60_000 })
      .where(eq(services.id, listedServiceIds(ctx)[0]!))
      .run();
    const changed = await getJson("/openreferral/services?per_page=3", { "If-None-Match": etag });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
  });

  it("is read-only: a POST is refused", async () => {
    const response = await fetch(`${web.baseUrl}/openreferral/services`, { method: "POST" });
    expect([403, 405]).toContain(response.status);
  });

  it("rejects a deliberately broken record with the real schemas", async () => {
    const { body } = await getJson(`/openreferral/services/${listedServiceIds(ctx)[0]!}`);
    const broken = { ...body, id: "service-1", status: "open", cost_options: [{ amount: "cheap" }] };
    const result = validator.validate("service", broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/\/id must match format "uuid"/);
    expect(result.errors.join("\n")).toMatch(/\/status must be equal to one of the allowed values/);
    expect(result.errors.join("\n")).toMatch(/\/cost_options\/0/);
  });

  it("keeps every id across a reindex and a restart", async () => {
    const snapshot = async (base: string) => {
      const list = (await (await fetch(`${base}/openreferral/services?per_page=50`)).json()) as {
        contents: { id: string }[];
      };
      const full = await Promise.all(
        list.contents.slice(0, 10).map(async (s) => (await fetch(`${base}/openreferral/services/${s.id}`)).text()),
      );
      const sal = await (await fetch(`${base}/openreferral/service_at_locations?per_page=50`)).text();
      const terms = await (await fetch(`${base}/openreferral/taxonomy_terms`)).text();
      const idsIn = (text: string) => [...text.matchAll(/"[a-z_]*id":"([0-9a-f-]{36})"/g)].map((m) => m[1]).sort();
      return idsIn([JSON.stringify(list), ...full, sal, terms].join("\n"));
    };
    const before = await snapshot(web.baseUrl);
    expect(before.length).toBeGreaterThan(100);
    await rebuildIndex({ db: ctx.database.db, client: ctx.search!.client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
    expect(await snapshot(web.baseUrl)).toEqual(before);
    // A restart: a second process's context on the same database file, its own web server.
    const restarted: AppContext = createAppContext({ databasePath: ctx.database.sqlite.name, secureCookies: false });
    const web2 = await startWebServer(restarted);
    try {
      expect(await snapshot(web2.baseUrl)).toEqual(before);
    } finally {
      await web2.close();
      restarted.database.close();
    }
  }, 120_000);
});
