/**
 * The Open Referral UK list filters the spec names and our data supports (search/text, taxonomy_term_id
 * and taxonomy_id including the LGA Needs List, organization_id, day, start_time, end_time,
 * modified_after) on /services and /service_at_locations, on the demo data over HTTP: each answer valid
 * against the published schemas and its totals equal to a count made here from the rows. Also: totals
 * follow a change to the directory, paging edges, and bad parameters answered 400 with a message.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, serviceAreas, services, type ServiceRow } from "../../db/schema";
import { serviceAtLocationId, termOf, taxonomyOf } from "../../app/domain/openreferral";
import { withDemoData } from "../support/demo-data-template";
import { openReferralIds as ids } from "../../app/services/openreferral/ids.server";
import { createOpenReferralValidator, type Endpoint } from "../../scripts/lib/openreferral-validator";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer } from "../support/web-client";

const ctx = tempAppContext();
const validator = createOpenReferralValidator();
let web: Awaited<ReturnType<typeof startWebServer>>;

interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  last_page: boolean;
  empty: boolean;
  contents: { id: string; service_id?: string; organization_id?: string }[];
}

async function list(endpoint: Endpoint, path: string): Promise<Page> {
  const response = await fetch(web.baseUrl + path);
  expect(response.status, path).toBe(200);
  const body = (await response.json()) as Page;
  expect(validator.validate(endpoint, body), path).toEqual({ valid: true, errors: [] });
  return body;
}

/** Listed services as rows, to count what each filter should find. */
function listedRows(): ServiceRow[] {
  return ctx.database.db
    .select({ service: services })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(providers.accreditationStatus, "approved"))
    .all()
    .map((r) => r.service)
    .filter((s) => s.status === "live");
}

function areaCount(serviceIds: string[]): number {
  const wanted = new Set(serviceIds);
  return ctx.database.db
    .select()
    .from(serviceAreas)
    .all()
    .filter((a) => wanted.has(a.serviceId)).length;
}

beforeAll(async () => {
  await withDemoData(ctx);
  web = await startWebServer(ctx);
}, 300_000);

afterAll(async () => {
  await web?.close();
  ctx.cleanup();
});

describe("Open Referral UK filters", () => {
  it("search and text find services by every word, in the title, description or provider's name", async () => {
    const rows = listedRows();
    const names = new Map(
      ctx.database.db
        .select()
        .from(providers)
        .all()
        .map((p) => [p.id, p.name]),
    );
    const has = (s: ServiceRow, word: string) =>
      [s.title, s.description, names.get(s.providerId)!].some((t) => t.toLowerCase().includes(word));
    const expected = rows.filter((s) => has(s, "home")).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(rows.length);
    const bySearch = await list("services", "/openreferral/services?search=Home&per_page=1000");
    expect(bySearch.contents.map((s) => s.id).sort()).toEqual(expected.sort());
    const byText = await list("services", "/openreferral/services?text=home&per_page=1000");
    expect(byText.total_items).toBe(expected.length);
    const both = rows.filter((s) => has(s, "home") && has(s, "care")).map((s) => s.id);
    expect((await list("services", "/openreferral/services?text=home%20care&per_page=1000")).total_items).toBe(
      both.length,
    );
    const none = await list("services", "/openreferral/services?text=zzqqxx");
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, size: 0, empty: true, contents: [] });
    const sal = await list("service_at_locations", "/openreferral/service_at_locations?text=home&per_page=1000");
    expect(sal.total_items).toBe(areaCount(expected));
  });

  it("taxonomy_term_id and taxonomy_id, our own terms and the LGA Needs List's", async () => {
    const rows = listedRows();
    const social = rows.filter((s) => s.outcomes.includes("social_contact")).map((s) => s.id);
    expect(social.length).toBeGreaterThan(0);
    const lgaTerm = termOf(ids, "lga_needs", "69");
    expect(lgaTerm.term_uri).toBe("http://id.esd.org.uk/need/69");
    const byLga = await list("services", `/openreferral/services?taxonomy_term_id=${lgaTerm.id}&per_page=1000`);
    expect(byLga.contents.map((s) => s.id).sort()).toEqual([...social].sort());
    const byOurs = await list(
      "services",
      `/openreferral/services?taxonomy_term_id=${termOf(ids, "outcomes", "social_contact").id}&per_page=1000`,
    );
    expect(byOurs.total_items).toBe(social.length);
    const byList = await list(
      "services",
      `/openreferral/services?taxonomy_id=${taxonomyOf(ids, "lga_needs").id}&per_page=1000`,
    );
    expect(byList.total_items).toBe(social.length);
    const full = (await (await fetch(`${web.baseUrl}/openreferral/services/${social[0]!}`)).json()) as {
      attributes: { taxonomy_term_id: string; link_type: string }[];
    };
    expect(full.attributes).toContainEqual(
      expect.objectContaining({ taxonomy_term_id: lgaTerm.id, link_type: "need" }),
    );
    const sal = await list(
      "service_at_locations",
      `/openreferral/service_at_locations?taxonomy_term_id=${lgaTerm.id}&per_page=1000`,
    );
    expect(sal.total_items).toBe(areaCount(social));
    const unknown = await list(
      "services",
      "/openreferral/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.total_items).toBe(0);
  });

  it("organization_id, day, start_time and end_time", async () => {
    const rows = listedRows();
    const providerId = rows[0]!.providerId;
    const own = await list("services", `/openreferral/services?organization_id=${providerId}&per_page=1000`);
    expect(own.total_items).toBe(rows.filter((s) => s.providerId === providerId).length);
    expect(own.contents.every((s) => s.organization_id === providerId)).toBe(true);
    const saturday = rows.filter((s) => s.days.includes("sat")).map((s) => s.id);
    expect(saturday.length).toBeGreaterThan(0);
    expect(saturday.length).toBeLessThan(rows.length);
    const bySaturday = await list("services", "/openreferral/services?day=SA&per_page=1000");
    expect(bySaturday.contents.map((s) => s.id).sort()).toEqual([...saturday].sort());
    expect((await list("services", "/openreferral/services?day=saturday&per_page=1000")).total_items).toBe(
      saturday.length,
    );
    const closes = (s: ServiceRow) => (s.endTime === "00:00" ? "24:00" : s.endTime);
    const office = rows.filter((s) => s.startTime >= "09:00" && closes(s) <= "17:00").length;
    const byTimes = await list("services", "/openreferral/services?start_time=09:00&end_time=17:00:00&per_page=1000");
    expect(byTimes.total_items).toBe(office);
  });

  it("modified_after, and totals that follow a change to the directory", async () => {
    const rows = listedRows();
    const before = await list("services", "/openreferral/services?per_page=1");
    expect(before.total_items).toBe(rows.length);
    const future = new Date(Date.now() + 3_600_000);
    ctx.database.db
      .update(services)
      .set({ status: "paused", updatedAt: future.getTime() })
      .where(eq(services.id, rows[0]!.id))
      .run();
    const after = await list("services", "/openreferral/services?per_page=1");
    expect(after.total_items).toBe(rows.length - 1);
    ctx.database.db
      .update(services)
      .set({ updatedAt: future.getTime() + 1 })
      .where(eq(services.id, rows[1]!.id))
      .run();
    const recent = await list(
      "services",
      `/openreferral/services?modified_after=${encodeURIComponent(future.toISOString())}`,
    );
    expect(recent.contents.map((s) => s.id)).toEqual([rows[1]!.id]);
  });

  it("pages service_at_locations to the last page and an empty page past it", async () => {
    const first = await list("service_at_locations", "/openreferral/service_at_locations?per_page=7");
    const lastPage = first.total_pages;
    const last = await list("service_at_locations", `/openreferral/service_at_locations?per_page=7&page=${lastPage}`);
    expect(last).toMatchObject({ page_number: lastPage, last_page: true, empty: false });
    expect(last.size).toBe(first.total_items - 7 * (lastPage - 1));
    const past = await list(
      "service_at_locations",
      `/openreferral/service_at_locations?per_page=7&page=${lastPage + 1}`,
    );
    expect(past).toMatchObject({ size: 0, empty: true, last_page: true, total_items: first.total_items });
  });

  it("keeps service_at_location ids in the database, equal to the ids the lists compute", async () => {
    const page = await list("service_at_locations", "/openreferral/service_at_locations?per_page=1000");
    const first = page.contents[0]!;
    const one = await fetch(`${web.baseUrl}/openreferral/service_at_locations/${first.id}`);
    expect(one.status).toBe(200);
    expect(validator.validate("service_at_location", await one.json())).toEqual({ valid: true, errors: [] });
    const stored = ctx.database.db.select().from(serviceAreas).all();
    expect(stored.every((a) => a.openReferralId === serviceAtLocationId(ids, a.serviceId, a.localityId))).toBe(true);
    expect(new Set(page.contents.map((c) => c.id))).toEqual(
      new Set(
        stored.filter((a) => page.contents.some((c) => c.service_id === a.serviceId)).map((a) => a.openReferralId),
      ),
    );
    // An area added by a use case that knows nothing of Open Referral is found all the same.
    const service = listedRows().find((s) => !stored.some((a) => a.serviceId === s.id && a.localityId === "wigan"))!;
    ctx.database.db.insert(serviceAreas).values({ serviceId: service.id, localityId: "wigan" }).run();
    const added = serviceAtLocationId(ids, service.id, "wigan");
    expect((await fetch(`${web.baseUrl}/openreferral/service_at_locations/${added}`)).status).toBe(200);
    const row = ctx.database.db
      .select()
      .from(serviceAreas)
      .all()
      .find((a) => a.serviceId === service.id && a.localityId === "wigan");
    expect(row?.openReferralId).toBe(added);
    expect((await fetch(`${web.baseUrl}/openreferral/service_at_locations/${ids("nothing", "x")}`)).status).toBe(404);
  });

  it("answers a bad filter with 400 and a message that names it", async () => {
    for (const [query, message] of [
      ["day=XX", /day must be one of MO, TU/],
      ["start_time=9am", /start_time must be a time/],
      ["end_time=25:00", /end_time must be a time/],
      ["modified_after=yesterday", /modified_after must be a date-time/],
    ] as const) {
      const response = await fetch(`${web.baseUrl}/openreferral/services?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
  });
});
