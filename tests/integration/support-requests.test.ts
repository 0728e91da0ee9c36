/**
 * Mini-tenders against a real SQLite file: matching by category and area, one quote per provider,
 * revision and withdrawal, expiry, and no personal data in anything a provider can open.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, budgetHolders, mailOutbox, qualitySignals, users } from "../../db/schema";
import { supportRequestEvents, supportRequestMatches, supportRequests } from "../../db/schema/support-requests";
import { londonDateOf } from "../../app/domain/london-time";
import type { Actor } from "../../app/domain/permissions";
import { addLocalDays } from "../../app/domain/schedule";
import type { SupportRequestInput } from "../../app/domain/support-requests";
import type { QuoteInput } from "../../app/domain/quotes";
import { quoteBooking } from "../../app/services/bookings/create.server";
import { acceptQuote } from "../../app/services/support-requests/choose.server";
import {
  getSupportRequestForHolder,
  listSupportRequests,
} from "../../app/services/support-requests/holder-side.server";
import {
  declineRequest,
  getRequestForProvider,
  listRequestsToQuote,
  sendQuote,
  withdrawQuote,
} from "../../app/services/support-requests/provider-side.server";
import {
  closeSupportRequest,
  expireSupportRequests,
  publishSupportRequest,
  saveSupportRequest,
} from "../../app/services/support-requests/requests.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

const today = londonDateOf(new Date());
const closingDate = addLocalDays(today, 7);
const startDate = addLocalDays(today, 10);

// Planted in the holder's account: none of it may reach a provider before a quote is chosen.
const PLANTED = { name: "Winifred Quarmby", email: "winifred.quarmby@planted.test", phone: "07700 900461" };

let council: Actor;
let holder: Actor;
let matching: Actor & { providerId: string };
let alsoMatching: Actor & { providerId: string };
let wrongArea: Actor & { providerId: string };
let wrongCategory: Actor & { providerId: string };
let pending: Actor & { providerId: string };
let matchingService: string;
let alsoMatchingService: string;

function requestInput(overrides: Partial<SupportRequestInput> = {}): SupportRequestInput {
  return {
    category: "home_care",
    outcomes: ["living_independently", "social_contact"],
    area: "standish",
    ageBand: "75_84",
    pattern: { startDate, days: ["mon", "thu"], startTime: "09:00", duration: "60", weeks: "4" },
    weeklyAmount: "",
    whatMatters: "Help getting up and dressed, and someone patient who enjoys a chat about football.",
    closingDate,
    weekendCover: false,
    sameCarer: true,
    language: "",
    carerGender: "",
    ...overrides,
  };
}

function quoteInput(serviceId: string, overrides: Partial<QuoteInput> = {}): QuoteInput {
  return {
    serviceId,
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
    startDate,
    howMeet: { living_independently: "A regular morning carer.", social_contact: "Time for a chat each visit." },
    notes: "",
    ...overrides,
  };
}

async function publishedRequest(overrides: Partial<SupportRequestInput> = {}): Promise<string> {
  const saved = saveSupportRequest(ctx, holder, holder.userId, requestInput(overrides));
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const published = publishSupportRequest(ctx, holder, saved.requestId);
  if (!published.ok) throw new Error(JSON.stringify(published));
  return saved.requestId;
}

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  holder = await makeHolder(ctx, council);
  ctx.database.db
    .update(users)
    .set({ name: PLANTED.name, email: PLANTED.email })
    .where(eq(users.id, holder.userId))
    .run();
  ctx.database.db
    .update(budgetHolders)
    .set({ preferredName: "Winnie", phone: PLANTED.phone, area: "Standish" })
    .where(eq(budgetHolders.userId, holder.userId))
    .run();
  matching = await makeProvider(ctx, { name: "Standish Home Care", areas: ["standish"], approvedBy: council });
  alsoMatching = await makeProvider(ctx, {
    name: "Second Standish Care",
    areas: ["standish", "wigan"],
    approvedBy: council,
  });
  wrongArea = await makeProvider(ctx, { name: "Leigh Only Care", areas: ["leigh"], approvedBy: council });
  wrongCategory = await makeProvider(ctx, { name: "Standish Day Centre", areas: ["standish"], approvedBy: council });
  pending = await makeProvider(ctx, { name: "Not Yet Approved Care", areas: ["standish"] });
  matchingService = makeService(ctx, matching, { areas: ["standish"], days: ["mon", "tue", "wed", "thu", "fri"] });
  alsoMatchingService = makeService(ctx, alsoMatching, {
    areas: ["standish"],
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: 2400,
      weekendPence: 2400,
      bankHolidayPence: 2400,
      minimumChargePence: null,
    },
  });
  makeService(ctx, wrongArea, { areas: ["leigh"] });
  makeService(ctx, wrongCategory, { areas: ["standish"], category: "day_opportunities" });
  makeService(ctx, pending, { areas: ["standish"] });
});

describe("writing and publishing", () => {
  it("saves a draft that no provider can see, then publishes it to matching providers only", () => {
    const saved = saveSupportRequest(ctx, holder, holder.userId, requestInput());
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.reference).toMatch(/^REQ-[2346789A-Z]{4}$/);
    expect(getRequestForProvider(ctx, matching, saved.requestId)).toEqual({ ok: false, reason: "not_found" });

    const published = publishSupportRequest(ctx, holder, saved.requestId);
    expect(published).toEqual({ ok: true, matchedProviders: 2 });
    const matched = ctx.database.db
      .select({ providerId: supportRequestMatches.providerId })
      .from(supportRequestMatches)
      .where(eq(supportRequestMatches.requestId, saved.requestId))
      .all()
      .map((m) => m.providerId)
      .sort();
    expect(matched).toEqual([matching.providerId, alsoMatching.providerId].sort());
    for (const other of [wrongArea, wrongCategory, pending]) {
      expect(getRequestForProvider(ctx, other, saved.requestId)).toEqual({ ok: false, reason: "not_found" });
      const list = listRequestsToQuote(ctx, other);
      expect(list.ok && list.requests.map((r) => r.summary.id)).not.toContain(saved.requestId);
    }
    const list = listRequestsToQuote(ctx, matching);
    expect(list.ok && list.requests.map((r) => r.summary.reference)).toContain(saved.reference);
  });

  it("keeps everything typed and says what is wrong when the form is not right", () => {
    const result = saveSupportRequest(ctx, holder, holder.userId, requestInput({ closingDate: today, outcomes: [] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && "errors" in result && result.errors.map((e) => e.field)).toEqual(["outcomes", "closingDate"]);
  });

  it("refuses to publish text holding the holder's own name or phone, and names what it found", () => {
    const saved = saveSupportRequest(
      ctx,
      holder,
      holder.userId,
      requestInput({ whatMatters: "Please ask for Mrs Quarmby, or ring 07700 900461 before the first visit." }),
    );
    expect(saved.ok && saved.warning).toBe(
      "This looks like it includes a name (Quarmby) and a phone number (07700 900461).",
    );
    if (!saved.ok) return;
    const refused = publishSupportRequest(ctx, holder, saved.requestId, { confirmNotPersonal: true });
    expect(refused).toMatchObject({ ok: false, reason: "invalid", field: "whatMatters", confirmable: false });
    expect(!refused.ok && "message" in refused && refused.message).toContain("a name (Quarmby)");
    const row = ctx.database.db.select().from(supportRequests).where(eq(supportRequests.id, saved.requestId)).get();
    expect(row?.status).toBe("draft");
  });

  it("asks the author to confirm a postcode that is not theirs before publishing", () => {
    const saved = saveSupportRequest(
      ctx,
      holder,
      holder.userId,
      requestInput({ whatMatters: "I go to the lunch club at WN6 0AA on Thursdays and want help to get there." }),
    );
    if (!saved.ok) throw new Error("not saved");
    const first = publishSupportRequest(ctx, holder, saved.requestId);
    expect(first).toMatchObject({ ok: false, field: "whatMatters", confirmable: true });
    expect(publishSupportRequest(ctx, holder, saved.requestId, { confirmNotPersonal: true })).toEqual({
      ok: true,
      matchedProviders: 2,
    });
  });

  it("lets a view-only family member read but not write, and a provider neither", async () => {
    const requestId = await publishedRequest();
    const stranger = await makeHolder(ctx, council);
    expect(saveSupportRequest(ctx, stranger, holder.userId, requestInput())).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(closeSupportRequest(ctx, stranger, requestId)).toEqual({ ok: false, reason: "forbidden" });
    expect(getSupportRequestForHolder(ctx, matching, requestId)).toEqual({ ok: false, reason: "not_found" });
    expect(listSupportRequests(ctx, matching, holder.userId)).toEqual({ ok: false, reason: "forbidden" });
    const councilView = getSupportRequestForHolder(ctx, council, requestId);
    expect(councilView.ok && councilView.view.mayChoose).toBe(false);
  });

  it("records who did what, and lets the council write a request on the holder's behalf", () => {
    const saved = saveSupportRequest(ctx, council, holder.userId, requestInput());
    if (!saved.ok) throw new Error("not saved");
    publishSupportRequest(ctx, council, saved.requestId);
    const events = ctx.database.db
      .select()
      .from(supportRequestEvents)
      .where(eq(supportRequestEvents.requestId, saved.requestId))
      .all();
    expect(events.map((e) => [e.kind, e.actorUserId])).toEqual([
      ["created", council.userId],
      ["published", council.userId],
    ]);
    const view = getSupportRequestForHolder(ctx, holder, saved.requestId);
    expect(view.ok && view.view.history.map((h) => h.what)).toEqual([
      "Written by Admin (council) for Winifred",
      "Published by Admin (council) for Winifred",
    ]);
  });
});

describe("quotes", () => {
  it("prices the pattern from the rates, keeps one quote per provider, and revises it in place", async () => {
    const requestId = await publishedRequest();
    const first = sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    // £18.50 an hour on weekdays; Monday and Thursday for an hour = £37.00 a week.
    expect(first).toMatchObject({ ok: true, revised: false, weeklyPence: 3700 });
    const revised = sendQuote(
      ctx,
      matching,
      requestId,
      quoteInput(matchingService, {
        rateCardChoice: "own",
        rateCard: { ...quoteInput("").rateCard, pricing: "single", singleRate: "17.00" },
      }),
    );
    expect(revised).toMatchObject({ ok: true, revised: true, weeklyPence: 3400 });
    expect(first.ok && revised.ok && revised.quoteId).toBe(first.ok && first.quoteId);
    const view = getSupportRequestForHolder(ctx, holder, requestId);
    expect(view.ok && view.view.quotes.map((q) => [q.providerName, q.weeklyPence, q.ownRateCard])).toEqual([
      ["Standish Home Care", 3400, true],
    ]);
    // The holder (who also posted the request) gets one email per quote sent or changed, nobody else.
    const mails = ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, "new_quote"))
      .all()
      .filter((m) => m.textBody.includes(`/requests/${requestId}`));
    expect(mails.map((m) => [m.toUserId, m.subject])).toEqual([
      [holder.userId, "New quote from Standish Home Care"],
      [holder.userId, "Standish Home Care changed their quote"],
    ]);
  });

  it("refuses a quote with another provider's service, and from a provider the request was not sent to", async () => {
    const requestId = await publishedRequest();
    const foreign = sendQuote(ctx, matching, requestId, quoteInput(alsoMatchingService));
    expect(!foreign.ok && "errors" in foreign && foreign.errors[0]?.field).toBe("serviceId");
    expect(sendQuote(ctx, wrongArea, requestId, quoteInput(matchingService))).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(sendQuote(ctx, holder, requestId, quoteInput(matchingService))).toEqual({ ok: false, reason: "forbidden" });
  });

  it("withdraws a quote, hides it from the holder, and lets the provider quote again", async () => {
    const requestId = await publishedRequest();
    sendQuote(ctx, alsoMatching, requestId, quoteInput(alsoMatchingService));
    expect(withdrawQuote(ctx, alsoMatching, requestId)).toEqual({ ok: true });
    expect(withdrawQuote(ctx, alsoMatching, requestId)).toMatchObject({ ok: false, reason: "invalid" });
    let view = getSupportRequestForHolder(ctx, holder, requestId);
    expect(view.ok && view.view.quotes).toEqual([]);
    expect(sendQuote(ctx, alsoMatching, requestId, quoteInput(alsoMatchingService))).toMatchObject({ ok: true });
    view = getSupportRequestForHolder(ctx, holder, requestId);
    expect(view.ok && view.view.quotes.map((q) => q.weeklyPence)).toEqual([4800]);
  });

  it("records a decline with its reason, and a later quote takes the decline back", async () => {
    const requestId = await publishedRequest();
    expect(declineRequest(ctx, matching, requestId, "  ")).toMatchObject({ ok: false, field: "reason" });
    expect(declineRequest(ctx, matching, requestId, "No carers free on Thursday mornings")).toEqual({ ok: true });
    let seen = getRequestForProvider(ctx, matching, requestId);
    expect(seen.ok && [seen.request.declined, seen.request.declineReason]).toEqual([
      true,
      "No carers free on Thursday mornings",
    ]);
    sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    seen = getRequestForProvider(ctx, matching, requestId);
    expect(seen.ok && seen.request.declined).toBe(false);
  });

  it("takes no quotes once the request is closed, and keeps the quotes readable", async () => {
    const requestId = await publishedRequest();
    sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    expect(closeSupportRequest(ctx, holder, requestId)).toEqual({ ok: true });
    const late = sendQuote(ctx, alsoMatching, requestId, quoteInput(alsoMatchingService));
    expect(!late.ok && "errors" in late && late.errors[0]?.message).toBe("This request is closed to quotes");
    const view = getSupportRequestForHolder(ctx, holder, requestId);
    expect(view.ok && [view.view.statusLabel, view.view.quotes.length]).toEqual(["Closed without choosing", 1]);
  });
});

describe("choosing a quote", () => {
  it("books exactly once with the ordinary budget and top-up split, closes the request and reveals the holder", async () => {
    // A small budget, so the quote needs a top-up.
    const smallBudget = await makeHolder(ctx, council, { allocationPence: 5_000 });
    const saved = saveSupportRequest(ctx, smallBudget, smallBudget.userId, requestInput());
    if (!saved.ok) throw new Error("not saved");
    publishSupportRequest(ctx, smallBudget, saved.requestId);
    const cheaper = sendQuote(ctx, matching, saved.requestId, quoteInput(matchingService));
    const dearer = sendQuote(ctx, alsoMatching, saved.requestId, quoteInput(alsoMatchingService));
    if (!cheaper.ok || !dearer.ok) throw new Error("quotes not sent");
    const bookingsBefore = ctx.database.db
      .select()
      .from(bookings)
      .where(eq(bookings.holderUserId, smallBudget.userId))
      .all();
    expect(bookingsBefore).toEqual([]);
    const pattern = {
      startDate,
      days: ["mon" as const, "thu" as const],
      startTime: "09:00",
      durationMinutes: 60,
      weeks: 4,
    };
    const expected = quoteBooking(ctx, smallBudget, smallBudget.userId, alsoMatchingService, pattern);
    if (!expected.ok) throw new Error("no booking quote");

    const chosen = acceptQuote(ctx, smallBudget, saved.requestId, dearer.quoteId);
    expect(chosen).toMatchObject({
      ok: true,
      status: "awaiting_payment",
      totalPence: dearer.totalPence,
      budgetPence: expected.quote.split.budgetPence,
      topUpPence: expected.quote.split.topUpPence,
    });
    expect(expected.quote.split.topUpPence).toBeGreaterThan(0);
    const made = ctx.database.db.select().from(bookings).where(eq(bookings.holderUserId, smallBudget.userId)).all();
    expect(made.map((b) => [b.serviceId, b.totalPence, b.createdByUserId])).toEqual([
      [alsoMatchingService, 8 * 2400, smallBudget.userId],
    ]);

    const view = getSupportRequestForHolder(ctx, smallBudget, saved.requestId);
    expect(view.ok && [view.view.statusLabel, view.view.quotes.map((q) => q.status)]).toEqual([
      "Closed: a quote was chosen",
      ["not_chosen", "chosen"],
    ]);
    const again = acceptQuote(ctx, smallBudget, saved.requestId, cheaper.quoteId);
    expect(again).toMatchObject({ ok: false, reason: "invalid" });
    expect(
      ctx.database.db.select().from(bookings).where(eq(bookings.holderUserId, smallBudget.userId)).all(),
    ).toHaveLength(1);

    const winner = getRequestForProvider(ctx, alsoMatching, saved.requestId);
    expect(winner.ok && winner.request.outcome).toBe("chosen");
    expect(winner.ok && winner.request.contact?.name).toBe("Holder Person");
    const other = getRequestForProvider(ctx, matching, saved.requestId);
    expect(other.ok && [other.request.outcome, other.request.contact]).toEqual(["not_chosen", null]);
  });

  it("lets neither the council nor a view-only relative choose, and changes nothing when refused", async () => {
    const requestId = await publishedRequest();
    const sent = sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    if (!sent.ok) throw new Error("quote not sent");
    expect(acceptQuote(ctx, council, requestId, sent.quoteId)).toEqual({ ok: false, reason: "forbidden" });
    expect(acceptQuote(ctx, matching, requestId, sent.quoteId)).toEqual({ ok: false, reason: "not_found" });
    const view = getSupportRequestForHolder(ctx, holder, requestId);
    expect(view.ok && view.view.statusLabel).toBe("Open for quotes");
  });
});

describe("expiry", () => {
  it("expires open requests after their closing date, by no one, keeping their quotes", async () => {
    const requestId = await publishedRequest();
    sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    const dayAfterClosing = new Date(`${addLocalDays(closingDate, 1)}T12:00:00Z`).getTime();
    expect(expireSupportRequests(ctx, Date.now())).not.toContain(requestId);
    expect(expireSupportRequests(ctx, dayAfterClosing)).toContain(requestId);
    const view = getSupportRequestForHolder(ctx, holder, requestId, dayAfterClosing);
    expect(view.ok && [view.view.statusLabel, view.view.quotes.length, view.view.history.at(-1)?.what]).toEqual([
      "Expired: closed with no choice",
      1,
      "Expired at the closing date",
    ]);
  });
});

describe("the quality signal", () => {
  const answering = (providerId: string) => {
    const row = ctx.database.db
      .select()
      .from(qualitySignals)
      .where(and(eq(qualitySignals.subject, "provider"), eq(qualitySignals.subjectId, providerId)))
      .get();
    return (row?.detail as { requests: { due: number; answered: number } | null } | undefined)?.requests ?? null;
  };

  it("counts a quote at once, and a request left unanswered once it closes", async () => {
    const quotedBefore = answering(matching.providerId)?.answered ?? 0;
    const ignoredBefore = answering(alsoMatching.providerId) ?? { due: 0, answered: 0 };
    const requestId = await publishedRequest();
    sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    expect(answering(matching.providerId)?.answered).toBe(quotedBefore + 1);
    // Still open: not answering yet is not held against anyone.
    expect(answering(alsoMatching.providerId) ?? { due: 0, answered: 0 }).toEqual(ignoredBefore);
    const closed = closeSupportRequest(ctx, holder, requestId);
    expect(closed.ok).toBe(true);
    expect(answering(alsoMatching.providerId)).toMatchObject({
      due: ignoredBefore.due + 1,
      answered: ignoredBefore.answered,
    });
  });
});

describe("personal data", () => {
  it("puts none of the holder's account in anything a provider can open before being chosen", async () => {
    const requestId = await publishedRequest();
    sendQuote(ctx, matching, requestId, quoteInput(matchingService));
    const opened = JSON.stringify([
      getRequestForProvider(ctx, matching, requestId),
      listRequestsToQuote(ctx, matching),
      getRequestForProvider(ctx, alsoMatching, requestId),
      listRequestsToQuote(ctx, alsoMatching),
    ]);
    for (const planted of [
      PLANTED.name,
      "Quarmby",
      "Winifred",
      "Winnie",
      PLANTED.email,
      PLANTED.phone,
      holder.userId,
    ]) {
      expect(opened).not.toContain(planted);
    }
    expect(opened).toContain("Standish");
  });
});
