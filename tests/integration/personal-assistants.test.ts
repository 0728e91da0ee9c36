/**
 * Personal assistants and micro-providers (issue #14), on real SQLite and Meilisearch over HTTP: the
 * council's verification changes the listing and, through the outbox, the index; a PA's private fields
 * (planted here) are in no search document, public page, Open Referral answer or search suggestion; a
 * PA cannot be booked with an ISF budget, and the page says why in plain English.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bookings, providerChecks, providers, services, users } from "../../db/schema";
import type { Actor } from "../../app/domain/permissions";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { createBooking, quoteBooking } from "../../app/services/bookings/create.server";
import { searchConnection } from "../../app/services/context.server";
import { declareCheck, verifyCheck } from "../../app/services/independent/checks.server";
import { getOwnIndependentProfile, saveIndependentProfile } from "../../app/services/independent/profile.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { buildServiceDocuments } from "../../search/documents.server";
import { searchWithSqlite } from "../../search/fallback.server";
import { createOutboxIndexer, type OutboxIndexer } from "../../search/indexer.server";
import { searchWithMeilisearch } from "../../search/queries.server";
import { emptyParams } from "../../search/query-types";
import { rebuildIndex } from "../../search/reindex.server";
import { applyIndexSettings } from "../../search/settings.server";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const meili = inject("meili");
const indexUid = `services_pa_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });
let web: Awaited<ReturnType<typeof startWebServer>>;
let indexer: OutboxIndexer;
let admin: Actor;

const db = () => ctx.database.db;
const today = londonDateOf(new Date());

function provider(name: string) {
  const row = db().select().from(providers).where(eq(providers.name, name)).get();
  if (!row) throw new Error(`no provider ${name}`);
  const service = db().select().from(services).where(eq(services.providerId, row.id)).get()!;
  const staff = db().select().from(users).where(eq(users.providerId, row.id)).get()!;
  return {
    ...row,
    serviceId: service.id,
    staff: { userId: staff.id, role: "provider_staff" as const, providerId: row.id },
  };
}

async function hitIds(
  params: Partial<Parameters<typeof emptyParams>[0]>,
): Promise<{ meili: string[]; sqlite: string[] }> {
  const p = emptyParams({ providerTypes: ["personal_assistant", "micro_provider"], pageSize: 100, today, ...params });
  const fromMeili = await searchWithMeilisearch(ctx.search!.client, indexUid, p);
  const fromSqlite = searchWithSqlite(db(), p, SEARCH_DOCUMENT_LABELS);
  return { meili: fromMeili.hits.map((h) => h.id).sort(), sqlite: fromSqlite.hits.map((h) => h.id).sort() };
}

async function signedInAs(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

beforeAll(async () => {
  await withDemoData(ctx, { reviews: false, supportRequests: false, topUps: false, searches: false });
  const council = db().select().from(users).where(eq(users.email, "admin@council.example")).get()!;
  admin = { userId: council.id, role: "council_admin", providerId: null };
  await applyIndexSettings(ctx.search!.client, indexUid);
  await rebuildIndex({ db: db(), client: ctx.search!.client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
  indexer = createOutboxIndexer({ db: db(), client: ctx.search!.client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
  await indexer.drainUntilEmpty(60_000);
  web = await startWebServer(ctx);
}, 180_000);

afterAll(async () => {
  await web?.close();
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

describe("council verification", () => {
  it("changes the listing and, through the outbox, the index", async () => {
    const grace = provider("Grace M.");
    const visitor = new WebClient(web.baseUrl);
    const before = await (await visitor.get(`/providers/${grace.slug}`)).text();
    expect(before).toContain("Enhanced DBS check: declared, not yet checked by the council");
    expect(before).not.toContain("Checks verified by the council");
    expect((await hitIds({ dbsVerified: true })).meili).not.toContain(grace.serviceId);

    const checks = db().select().from(providerChecks).where(eq(providerChecks.providerId, grace.id)).all();
    for (const kind of ["dbs", "insurance"] as const) {
      const check = checks.find((c) => c.kind === kind)!;
      expect(verifyCheck(ctx, admin, check.id, "2026-03-14").ok).toBe(true);
    }
    // The outbox has the change; the index has not seen it yet.
    expect(indexer.pendingCount()).toBeGreaterThan(0);
    expect((await hitIds({ dbsVerified: true })).meili).not.toContain(grace.serviceId);
    await indexer.drainUntilEmpty(30_000);

    const after = await (await visitor.get(`/providers/${grace.slug}`)).text();
    expect(after).toContain("DBS checked, verified by the council, March 2026");
    expect(after).toContain("Checks verified by the council");
    const found = await hitIds({ dbsVerified: true });
    expect(found.meili).toContain(grace.serviceId);
    expect(found.sqlite).toEqual(found.meili);
  });

  it("an expired check is shown as expired and stops the badge and the DBS filter", async () => {
    const piotr = provider("Piotr N.");
    const page = await (await new WebClient(web.baseUrl).get(`/providers/${piotr.slug}`)).text();
    expect(page).toContain("Public liability insurance: expired on 30 September 2026");
    expect(page).not.toContain("Checks verified by the council");
    const joy = provider("Joy A.");
    const found = await hitIds({ dbsVerified: true });
    expect(found.meili).not.toContain(joy.serviceId);
    expect(found.meili).toContain(provider("Aisha K.").serviceId);
    expect(found.sqlite).toEqual(found.meili);
  });

  it("the PA filters agree in Meilisearch and the SQLite fallback", async () => {
    const dementiaWeekends = await hitIds({ skills: ["dementia"], weekends: true });
    expect(dementiaWeekends.meili).toEqual(
      [provider("Aisha K."), provider("Megan P."), provider("Sean B.")].map((p) => p.serviceId).sort(),
    );
    expect(dementiaWeekends.sqlite).toEqual(dementiaWeekends.meili);
    const eveningsDriving = await hitIds({ times: ["evening"], drives: true });
    expect(eveningsDriving.meili).toEqual(
      [provider("Tom H."), provider("Piotr N."), provider("Ravi P.")].map((p) => p.serviceId).sort(),
    );
    expect(eveningsDriving.sqlite).toEqual(eveningsDriving.meili);
    const polish = await hitIds({ languages: ["polish"] });
    expect(polish.meili).toEqual([provider("Piotr N.").serviceId]);
    expect(polish.sqlite).toEqual(polish.meili);
  });

  it("the care vocabulary finds personal assistants", async () => {
    for (const q of ["PA", "carer I employ", "support worker"]) {
      const results = await searchWithMeilisearch(ctx.search!.client, indexUid, emptyParams({ q, pageSize: 50 }));
      expect(
        results.hits.map((h) => h.providerName),
        q,
      ).toContain("Aisha K.");
    }
  });
});

describe("a personal assistant's private fields", () => {
  const planted = {
    surname: "Quixplantedson",
    homeAddress: "77 Plantedvalue Road, Hindley",
    homePostcode: "WN9 7QP",
    dateOfBirth: "1971-02-03",
    privatePhone: "07700 900987",
    privateEmail: "planted.pa@private.test",
  };
  const dbsNumber = "987654321098";

  it("are in no search document, public page, Open Referral answer or suggestion", async () => {
    const aisha = provider("Aisha K.");
    const own = getOwnIndependentProfile(ctx, aisha.staff, aisha.id);
    if (!own.ok) throw new Error("own profile");
    expect(saveIndependentProfile(ctx, aisha.staff, aisha.id, { ...own.profile, ...planted }).ok).toBe(true);
    expect(
      declareCheck(ctx, aisha.staff, aisha.id, {
        kind: "dbs",
        name: "",
        certificateDate: "2026-01-05",
        insuranceExpiresOn: null,
        onUpdateService: true,
        dbsCertificateNumber: dbsNumber,
      }).ok,
    ).toBe(true);
    // The PA's own contact fields on the provider row are personal too.
    db()
      .update(providers)
      .set({ contactPhone: "07700 900654", contactEmail: "aisha.own@private.test" })
      .where(eq(providers.id, aisha.id))
      .run();
    await indexer.drainUntilEmpty(30_000);
    const secrets = [
      ...Object.values(planted),
      dbsNumber,
      "07700 900654",
      "aisha.own@private.test",
      "Quixplanted",
      "Plantedvalue",
    ];
    const leaks = (text: string) => {
      const flat = text.toLowerCase().replace(/\s+/g, "");
      return secrets.filter((s) => flat.includes(s.toLowerCase().replace(/\s+/g, "")));
    };
    // The database does hold them, for the PA and the council.
    expect(JSON.stringify(getOwnIndependentProfile(ctx, aisha.staff, aisha.id))).toContain(planted.surname);

    const built = [...buildServiceDocuments(db(), [aisha.serviceId], SEARCH_DOCUMENT_LABELS).values()];
    expect(built).toHaveLength(1);
    expect(built[0]!.providerName).toBe("Aisha Q.");
    expect(leaks(JSON.stringify(built))).toEqual([]);
    const stored = await ctx.search!.client.index(indexUid).getDocuments({ limit: 10_000 });
    expect(stored.results.some((d) => d.id === aisha.serviceId)).toBe(true);
    expect(leaks(JSON.stringify(stored.results))).toEqual([]);

    const visitor = new WebClient(web.baseUrl);
    const holder = await signedInAs("margaret@example.org");
    const paths = [
      `/providers/${aisha.slug}`,
      `/services/${aisha.serviceId}`,
      "/search?type=personal_assistant",
      "/search?q=Aisha",
      "/openreferral/services?per_page=1000",
      `/openreferral/services/${aisha.serviceId}`,
      "/search/suggest?q=Aish",
      "/search/suggest?q=Quixpl",
      "/employing-a-pa",
    ];
    for (const client of [visitor, holder]) {
      for (const path of paths) {
        const response = await client.get(path);
        expect(response.status, path).toBe(200);
        expect(leaks(await response.text()), path).toEqual([]);
      }
    }
    // Searching for a private word finds nothing (the page only repeats the words typed).
    for (const q of [planted.surname, "Plantedvalue", planted.homePostcode]) {
      const results = await searchWithMeilisearch(ctx.search!.client, indexUid, emptyParams({ q, pageSize: 50 }));
      expect(
        results.hits.map((h) => h.providerName),
        q,
      ).not.toContain("Aisha Q.");
      const page = await (await visitor.get(`/search?q=${encodeURIComponent(q)}`)).text();
      expect(page, q).not.toContain("Aisha Q.");
    }
    // A public page does show the public profile.
    const page = await (await visitor.get(`/providers/${aisha.slug}`)).text();
    expect(page).toContain("Aisha Q.");
    expect(page).toContain("Dementia");
  });
});

describe("booking a personal assistant", () => {
  const pattern = () => ({
    startDate: addLocalDays(today, 7),
    days: [],
    startTime: "10:00",
    durationMinutes: 60,
    weeks: 1,
  });

  it("is refused for an ISF budget, in plain English, before and after posting", async () => {
    const tom = provider("Tom H.");
    const daniel = db().select().from(users).where(eq(users.email, "daniel@example.org")).get()!;
    const actor: Actor = { userId: daniel.id, role: "budget_holder", providerId: null };
    const quoted = quoteBooking(ctx, actor, daniel.id, tom.serviceId, pattern());
    expect(quoted).toMatchObject({ ok: false, reason: "invalid", field: "budget" });
    const created = createBooking(ctx, actor, daniel.id, tom.serviceId, pattern());
    expect(created).toMatchObject({ ok: false, reason: "invalid", field: "budget" });
    expect(!created.ok && created.reason === "invalid" && created.message).toMatch(
      /individual service fund.*cannot be used to employ a personal assistant/,
    );

    const client = await signedInAs("daniel@example.org");
    const page = await (await client.get(`/services/${tom.serviceId}/book`)).text();
    expect(page).toContain("This budget cannot pay a personal assistant");
    expect(page).not.toContain('name="startDate"');
    const posted = await client.post(`/services/${tom.serviceId}/book`, {
      frequency: "once",
      startDate: addLocalDays(today, 7),
      startTime: "10:00",
      duration: "60",
      weeks: "1",
      intent: "book",
    });
    expect(posted.status).toBe(400);
    const text = (await posted.text()).replaceAll("&#x27;", "'");
    expect(text).toContain("Your budget is an individual service fund.");
    expect(text).toContain('href="#budget"');
    const booked = db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.holderUserId, daniel.id), eq(bookings.serviceId, tom.serviceId)))
      .all();
    expect(booked).toEqual([]);
  });

  it("works like any other booking with a direct payment", async () => {
    const tom = provider("Tom H.");
    const margaret = db().select().from(users).where(eq(users.email, "margaret@example.org")).get()!;
    const actor: Actor = { userId: margaret.id, role: "budget_holder", providerId: null };
    const created = createBooking(ctx, actor, margaret.id, tom.serviceId, pattern());
    expect(created).toMatchObject({ ok: true, totalPence: 1550, budgetPence: 1550, topUpPence: 0 });
  });
});
