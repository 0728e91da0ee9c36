/**
 * The council's spend page figures on a small known set, against real SQLite through the real use cases:
 * bookings made, paid, accepted and delivered as people would; every figure worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, bookingVisits } from "../../db/schema";
import { eq } from "drizzle-orm";
import { londonDateOf, weekdayOfLocalDate } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { createBooking } from "../../app/services/bookings/create.server";
import { markVisitDelivered } from "../../app/services/bookings/delivery.server";
import { respondToBooking } from "../../app/services/bookings/provider-decisions.server";
import { budgetOverview } from "../../app/services/budgets/statement.server";
import { marketSpend } from "../../app/services/market/spend.server";
import { handleStripeEvent } from "../../app/services/payments.server";
import { buildDemoEvent } from "../../app/payments/demo-checkout.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

const DAY_MS = 86_400_000;
const today = londonDateOf(new Date());
const nextWeek = addLocalDays(today, 7);
// Budgets that began 3 days ago: one period begun, whatever today's date (the fixtures' fixed default
// start would make more periods begin as the calendar moves on, and their unwritten allocations count).
const oneBegun = { firstPeriodStart: addLocalDays(today, -3) };
let council: Awaited<ReturnType<typeof makeCouncilAdmin>>;
const ids: Record<string, string> = {};

const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
/** One visit next week, or the same weekday for `weeks` weeks. */
const pattern = (weeks: number) => ({
  startDate: nextWeek,
  days: weeks > 1 ? [DAY_KEYS[weekdayOfLocalDate(nextWeek)]] : [],
  startTime: "10:00",
  durationMinutes: 60,
  weeks,
});

function must<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

function payTopUp(bookingId: string, holderUserId: string, amountPence: number) {
  const paymentId = `pay_${bookingId}`;
  ctx.database.db
    .insert(payments)
    .values({
      id: paymentId,
      bookingId,
      holderUserId,
      gateway: "demo",
      checkoutSessionId: `cs_demo_${bookingId}`,
      amountPence,
      status: "pending",
      createdAt: Date.now(),
    })
    .run();
  const { payload, signature } = buildDemoEvent(
    "checkout.session.completed",
    { sessionId: `cs_demo_${bookingId}`, bookingId, paymentId, amountPence },
    ctx.payments.webhookSecret,
  );
  expect(handleStripeEvent(ctx, ctx.payments.verifyWebhook(payload, signature)).outcome).toBe("processed");
}

const visitsOf = (bookingId: string) =>
  ctx.database.db.select().from(bookingVisits).where(eq(bookingVisits.bookingId, bookingId)).all();

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  const staff = await makeProvider(ctx, { approvedBy: council });
  const flat = {
    unit: "hour",
    weekdayPence: 2000,
    weekendPence: 2000,
    bankHolidayPence: 2000,
    minimumChargePence: null,
  };
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  // £20.00 an hour at all times: a one-hour visit costs 2000p.
  const homeCare = makeService(ctx, staff, { pricing: "single", rateCard: { ...flat }, days } as never);
  const respite = makeService(ctx, staff, {
    category: "respite",
    pricing: "single",
    rateCard: { ...flat, weekdayPence: 3000, weekendPence: 3000, bankHolidayPence: 3000 },
    days,
  } as never);

  // Ann: £500 a period. Two weekly visits of home care, both from the budget; one delivered.
  const ann = await makeHolder(ctx, council, { ...oneBegun, allocationPence: 50_000 });
  const a = must(createBooking(ctx, ann, ann.userId, homeCare, pattern(2)));
  expect(a).toMatchObject({ status: "requested", budgetPence: 4000, topUpPence: 0 });
  must(respondToBooking(ctx, staff, a.bookingId, { accept: true }));
  must(markVisitDelivered(ctx, staff, visitsOf(a.bookingId)[0]!.id));

  // Ben: £10 a period. One home-care visit: £10 from the budget, £10 top-up paid; accepted and delivered.
  const ben = await makeHolder(ctx, council, { ...oneBegun, allocationPence: 1000 });
  const b = must(createBooking(ctx, ben, ben.userId, homeCare, pattern(1)));
  expect(b).toMatchObject({ status: "awaiting_payment", budgetPence: 1000, topUpPence: 1000 });
  payTopUp(b.bookingId, ben.userId, 1000);
  must(respondToBooking(ctx, staff, b.bookingId, { accept: true }));
  must(markVisitDelivered(ctx, staff, visitsOf(b.bookingId)[0]!.id));

  // Cara: £5 a period. One respite visit (£30): £5 budget + £25 top-up, paid, requested (committed).
  const cara = await makeHolder(ctx, council, { ...oneBegun, allocationPence: 500 });
  const c = must(createBooking(ctx, cara, cara.userId, respite, pattern(1)));
  expect(c).toMatchObject({ budgetPence: 500, topUpPence: 2500 });
  payTopUp(c.bookingId, cara.userId, 2500);

  // Dev: £10 a period, top-up never paid: not committed and not counted among bookings.
  const dev = await makeHolder(ctx, council, { ...oneBegun, allocationPence: 1000 });
  must(createBooking(ctx, dev, dev.userId, respite, pattern(1)));

  // Eve: £100 every 4 weeks since 30 days ago, nothing booked: two periods begun, £200 unspent > £150
  // (6 weeks' worth), so she is listed for review.
  const eve = await makeHolder(
    ctx,
    council,
    { allocationPence: 10_000, firstPeriodStart: addLocalDays(today, -30) },
    Date.now() - 29 * DAY_MS,
  );
  must(budgetOverview(ctx, eve, eve.userId));
  // Fay: the same budget but only one period begun: £100 unspent, not a surplus.
  const fay = await makeHolder(ctx, council, { ...oneBegun, allocationPence: 10_000 });
  Object.assign(ids, { ann: ann.userId, ben: ben.userId, cara: cara.userId, eve: eve.userId, fay: fay.userId });
});

describe("marketSpend", () => {
  it("refuses anyone but the council", async () => {
    const holder = await makeHolder(ctx, council, null);
    expect(marketSpend(ctx, holder)).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("spent and committed by month and category, budget and top-up apart", () => {
    const result = must(marketSpend(ctx, council));
    const month = nextWeek.slice(0, 7);
    const second = addLocalDays(nextWeek, 7).slice(0, 7);
    // Spent: Ann's first visit 2000 budget, Ben's 1000 budget + 1000 top-up.
    expect(result.spend.totals.spent).toEqual({ budgetPence: 3000, topUpPence: 1000, totalPence: 4000 });
    // Committed: Ann's second visit 2000 budget, Cara's 500 budget + 2500 top-up. Dev's unpaid one is not.
    expect(result.spend.totals.committed).toEqual({ budgetPence: 2500, topUpPence: 2500, totalPence: 5000 });
    const spentMonths = result.spend.byMonth.filter((m) => m.spent.totalPence > 0);
    expect(spentMonths).toEqual([
      { month, spent: { budgetPence: 3000, topUpPence: 1000, totalPence: 4000 }, committed: expect.anything() },
    ]);
    const committedInSecond = result.spend.byMonth.find((m) => m.month === second)!.committed;
    expect(committedInSecond.budgetPence).toBeGreaterThanOrEqual(2000);
    const byCategory = Object.fromEntries(result.spend.byCategory.map((c) => [c.category, c]));
    expect(byCategory.home_care).toMatchObject({
      spent: { budgetPence: 3000, topUpPence: 1000, totalPence: 4000 },
      committed: { budgetPence: 2000, topUpPence: 0, totalPence: 2000 },
    });
    expect(byCategory.respite).toMatchObject({
      spent: { totalPence: 0 },
      committed: { budgetPence: 500, topUpPence: 2500, totalPence: 3000 },
    });
  });

  it("the share of bookings that needed a top-up and the median top-up, per category", () => {
    const { topUps } = must(marketSpend(ctx, council));
    // Respite: Cara's booking only (Dev's is unpaid) → 1 of 1, median £25. Home care: Ben's of 2 → £10.
    expect(topUps).toEqual([
      { category: "respite", bookings: 1, withTopUp: 1, share: 1, medianTopUpPence: 2500 },
      { category: "home_care", bookings: 2, withTopUp: 1, share: 0.5, medianTopUpPence: 1000 },
    ]);
  });

  it("lists only the budgets with more than 6 weeks' money unspent", () => {
    const { surplus } = must(marketSpend(ctx, council));
    expect(surplus).toEqual([
      {
        holderUserId: ids.eve,
        name: "Holder Person",
        moneyManagement: "direct_payment",
        periodLength: "four_weekly",
        allocationPence: 10_000,
        unspentPence: 20_000,
      },
    ]);
  });
});
