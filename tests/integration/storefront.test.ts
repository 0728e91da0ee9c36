/**
 * The storefront's rules against a real SQLite file: who may change what, what the public sees, that
 * unpublished prices never leave the server, and that every change reaches the search outbox.
 */
import { eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchOutbox, services } from "../../db/schema";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { browseServices, getPublicProvider, getPublicService } from "../../app/services/catalogue.server";
import {
  deleteService,
  getServiceForEditing,
  setServicePaused,
  updateService,
} from "../../app/services/provider-services.server";
import { updateProviderProfile } from "../../app/services/provider-profile.server";
import { setAccreditation } from "../../app/services/providers.server";
import { buildServiceDocument } from "../../search/documents.server";
import { makeCouncilAdmin, makeProvider, makeService, serviceInput } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

let admin: Awaited<ReturnType<typeof makeCouncilAdmin>>;
beforeAll(async () => {
  admin = await makeCouncilAdmin(ctx);
});

function outboxSince(id: number) {
  return ctx.database.db.select().from(searchOutbox).where(gt(searchOutbox.id, id)).all();
}
function maxOutbox(): number {
  return (ctx.database.sqlite.prepare("select coalesce(max(id), 0) as id from search_outbox").get() as { id: number })
    .id;
}

describe("who may change a service", () => {
  it("refuses another provider's staff and anyone who is not provider staff", async () => {
    const owner = await makeProvider(ctx, { approvedBy: admin });
    const other = await makeProvider(ctx, { approvedBy: admin });
    const serviceId = makeService(ctx, owner);
    const before = ctx.database.db.select().from(services).where(eq(services.id, serviceId)).get();

    expect(getServiceForEditing(ctx, other, serviceId)).toEqual({ ok: false, reason: "forbidden" });
    expect(updateService(ctx, other, serviceId, serviceInput({ title: "Hijacked" }))).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(setServicePaused(ctx, other, serviceId, true)).toEqual({ ok: false, reason: "forbidden" });
    expect(deleteService(ctx, other, serviceId)).toEqual({ ok: false, reason: "forbidden" });
    expect(updateService(ctx, admin, serviceId, serviceInput())).toEqual({ ok: false, reason: "forbidden" });
    expect(
      updateProviderProfile(ctx, other, owner.providerId, {
        name: "Hijacked",
        type: "home_care_agency",
        shortDescription: "x",
        description: "",
        areas: ["wigan"],
        contactPhone: "01942 000000",
        contactEmail: "x@x.test",
        cqcRegistrationNumber: null,
        cqcRating: "good",
        cqcInspectedOn: null,
      }),
    ).toEqual({ ok: false, reason: "forbidden" });

    const after = ctx.database.db.select().from(services).where(eq(services.id, serviceId)).get();
    expect(after).toEqual(before);
  });

  it("only lets the council accredit providers", async () => {
    const staff = await makeProvider(ctx);
    expect(setAccreditation(ctx, staff, staff.providerId, { status: "approved" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("keeps a service's areas within its provider's areas", async () => {
    const staff = await makeProvider(ctx, { areas: ["wigan"] });
    const refused = makeServiceResult(staff, { areas: ["leigh"] });
    expect(refused).toMatchObject({ ok: false, reason: "invalid", field: "areas" });
  });
});

function makeServiceResult(
  staff: Awaited<ReturnType<typeof makeProvider>>,
  overrides: Parameters<typeof serviceInput>[0],
) {
  try {
    return { ok: true, id: makeService(ctx, staff, overrides) };
  } catch (error) {
    return JSON.parse(String((error as Error).message).replace("could not create service: ", ""));
  }
}

describe("what the public sees", () => {
  it("shows live services of approved providers only", async () => {
    const pending = await makeProvider(ctx);
    const pendingService = makeService(ctx, pending);
    expect(getPublicService(ctx, pendingService)).toBeNull();
    expect(getPublicProvider(ctx, providerSlug(pending.providerId))).toBeNull();

    expect(setAccreditation(ctx, admin, pending.providerId, { status: "approved" }).ok).toBe(true);
    expect(getPublicService(ctx, pendingService)?.title).toBe("Home care visits");

    expect(setServicePaused(ctx, pending, pendingService, true).ok).toBe(true);
    expect(getPublicService(ctx, pendingService)).toBeNull();
    expect(browseServices(ctx, 1).services.map((s) => s.id)).not.toContain(pendingService);

    expect(setServicePaused(ctx, pending, pendingService, false).ok).toBe(true);
    expect(
      setAccreditation(ctx, admin, pending.providerId, { status: "suspended", reason: "Lapsed insurance" }).ok,
    ).toBe(true);
    expect(getPublicService(ctx, pendingService)).toBeNull();
  });

  it("never lets an unpublished price out: not in public reads, not in the search document", async () => {
    const staff = await makeProvider(ctx, { approvedBy: admin });
    const serviceId = makeService(ctx, staff, {
      title: "Tenancy support",
      pricePublished: false,
      rateCard: {
        unit: "hour",
        weekdayPence: 2613,
        weekendPence: 2713,
        bankHolidayPence: 2813,
        minimumChargePence: 913,
      },
    });
    const publicService = getPublicService(ctx, serviceId);
    expect(publicService?.rateCard).toBeNull();
    const provider = getPublicProvider(ctx, providerSlug(staff.providerId));
    // Ids are random and may hold these digits by chance; the price must not be anywhere else.
    const everything = JSON.stringify([publicService, provider, browseServices(ctx, 1)]).replace(
      /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|provider-[0-9a-f]{8}|Provider [0-9a-f]{8}/g,
      "<id>",
    );
    for (const pence of ["2613", "2713", "2813", "913", "26.13", "27.13", "28.13", "9.13"]) {
      expect(everything).not.toContain(pence);
    }
    const document = buildServiceDocument(ctx.database.db, serviceId, SEARCH_DOCUMENT_LABELS);
    expect(document).not.toBeNull();
    expect(document?.pricePublished).toBe(false);
    const documentText = JSON.stringify(document);
    for (const pence of ["2613", "2713", "2813", "913"]) expect(documentText).not.toContain(pence);
    expect(document).not.toHaveProperty("weekdayRatePence");
  });

  it("puts published prices in the search document, with the bank holiday rate defaulting to the weekend rate", async () => {
    const staff = await makeProvider(ctx, { approvedBy: admin });
    const serviceId = makeService(ctx, staff, {
      rateCard: {
        unit: "hour",
        weekdayPence: 1850,
        weekendPence: 2100,
        bankHolidayPence: null,
        minimumChargePence: null,
      },
      days: ["mon", "sat"],
    });
    const document = buildServiceDocument(ctx.database.db, serviceId, SEARCH_DOCUMENT_LABELS);
    expect(document).toMatchObject({
      weekdayRatePence: 1850,
      weekendRatePence: 2100,
      bankHolidayRatePence: 2100,
      rateUnit: "hour",
      weekendAvailable: true,
      categoryLabel: "Home care",
      areas: ["Wigan"],
      _geo: { lat: expect.any(Number), lng: expect.any(Number) },
    });
    expect(document).not.toHaveProperty("minimumChargePence");
  });
});

function providerSlug(providerId: string): string {
  const row = ctx.database.sqlite.prepare("select slug from providers where id = ?").get(providerId) as {
    slug: string;
  };
  return row.slug;
}

describe("the search outbox", () => {
  it("gets a row in the same transaction as every change that alters a search document", async () => {
    const staff = await makeProvider(ctx);
    let mark = maxOutbox();
    const serviceId = makeService(ctx, staff);
    expect(outboxSince(mark).map((r) => [r.entity, r.entityId, r.operation])).toEqual([
      ["service", serviceId, "upsert"],
    ]);

    mark = maxOutbox();
    updateService(ctx, staff, serviceId, serviceInput({ title: "Evening calls" }));
    expect(outboxSince(mark).map((r) => [r.entity, r.operation])).toEqual([["service", "upsert"]]);

    mark = maxOutbox();
    setServicePaused(ctx, staff, serviceId, true);
    expect(outboxSince(mark).map((r) => [r.entity, r.operation])).toEqual([["service", "upsert"]]);

    mark = maxOutbox();
    setAccreditation(ctx, admin, staff.providerId, { status: "approved" });
    expect(outboxSince(mark).map((r) => [r.entity, r.entityId, r.operation])).toEqual([
      ["provider", staff.providerId, "upsert"],
    ]);

    mark = maxOutbox();
    deleteService(ctx, staff, serviceId);
    expect(outboxSince(mark).map((r) => [r.entity, r.entityId, r.operation])).toEqual([
      ["service", serviceId, "delete"],
    ]);
  });

  it("writes nothing when a change is refused", async () => {
    const owner = await makeProvider(ctx);
    const other = await makeProvider(ctx);
    const serviceId = makeService(ctx, owner);
    const mark = maxOutbox();
    updateService(ctx, other, serviceId, serviceInput());
    updateService(ctx, owner, serviceId, serviceInput({ areas: ["standish"] }));
    expect(outboxSince(mark)).toEqual([]);
  });
});
