/**
 * Demo top-ups and a budget to review, through the real use cases, so the council's spend page has
 * something to say on a fresh `npm start`: budget holders whose budgets are smaller than what they
 * choose book, pay the difference by the demo checkout (the same signed-event path as the webhook),
 * and the provider accepts and delivers; one holder with a weekly direct payment has booked nothing for
 * weeks, so their unspent money is listed for review.
 */
import { and, eq } from "drizzle-orm";
import { bookingVisits, payments, services } from "../../db/schema";
import { LOCALITIES } from "../../db/localities";
import { buildDemoEvent } from "../payments/demo-checkout.server";
import type { Actor } from "../domain/permissions";
import { londonDateOf } from "../domain/london-time";
import { setBudgetAccount } from "../services/budgets/budget-accounts.server";
import { createBooking } from "../services/bookings/create.server";
import { markVisitDelivered } from "../services/bookings/delivery.server";
import { respondToBooking } from "../services/bookings/provider-decisions.server";
import type { AppContext } from "../services/context.server";
import { handleStripeEvent, startTopUp } from "../services/payments.server";
import { DEMO_PASSWORD } from "./demo-data";
import { firstRunningDate, must, mustCreate, mustCreateHolderWithBudget } from "./support.server";

/** Holders who top up: a name, and a four-weekly budget smaller than two hours of care. */
const TOPPING_UP = [
  ["Alan Booth", 2_500],
  ["Brenda Hulme", 3_000],
  ["Colin Marsh", 1_500],
  ["Doreen Platt", 3_500],
  ["Edwin Leigh", 2_000],
  ["Freda Unsworth", 4_000],
  ["George Tyldesley", 2_500],
  ["Hilda Prescott", 1_000],
] as const;

/** How many of the holders above have had their visit delivered (the rest are accepted, still to come). */
const DELIVERED = 5;

/**
 * Books, pays and delivers the top-ups; returns how many were paid. Only with the demo payment
 * gateway: with a real Stripe key the seed must not start real checkouts.
 */
export async function seedDemoTopUps(
  ctx: AppContext,
  admin: Actor,
  staffByProvider: ReadonlyMap<string, Actor & { providerId: string }>,
  passwordHash: string,
): Promise<number> {
  if (ctx.payments.kind !== "demo") return 0;
  const { db } = ctx.database;
  const today = londonDateOf(new Date());
  const priced = [...staffByProvider.values()].flatMap((staff) =>
    db
      .select()
      .from(services)
      .where(
        and(eq(services.providerId, staff.providerId), eq(services.status, "live"), eq(services.pricePublished, true)),
      )
      .all()
      .map((service) => ({ service, staff })),
  );
  if (priced.length === 0) return 0;

  let paid = 0;
  for (const [i, [name, allocationPence]] of TOPPING_UP.entries()) {
    const { service, staff } = priced[(i * 3) % priced.length]!;
    const date = firstRunningDate(service.days, today);
    if (!date) continue;
    const slug = name.toLowerCase().replace(/\s+/g, ".");
    const holder = await mustCreateHolderWithBudget(
      ctx,
      admin,
      { name, email: `${slug}@demo.example`, area: LOCALITIES[i % LOCALITIES.length]!.name },
      allocationPence,
      passwordHash,
    );
    const booking = must(
      createBooking(ctx, holder, holder.userId, service.id, {
        startDate: date,
        days: [],
        startTime: service.startTime,
        durationMinutes: 120,
        weeks: 1,
      }),
      `book ${service.title} for ${name}`,
    );
    if (booking.status !== "awaiting_payment") continue;
    must(await startTopUp(ctx, holder, booking.bookingId, "http://localhost"), `start ${name}'s top-up`);
    const payment = db.select().from(payments).where(eq(payments.bookingId, booking.bookingId)).get();
    if (!payment?.checkoutSessionId) continue;
    // What the demo checkout page posts to the webhook, applied by the webhook's own use case.
    const event = buildDemoEvent(
      "checkout.session.completed",
      {
        sessionId: payment.checkoutSessionId,
        bookingId: booking.bookingId,
        paymentId: payment.id,
        amountPence: payment.amountPence,
      },
      "demo-seed",
    );
    if (handleStripeEvent(ctx, JSON.parse(event.payload)).outcome !== "processed") continue;
    paid += 1;
    must(respondToBooking(ctx, staff, booking.bookingId, { accept: true }), `accept ${name}'s booking`);
    if (i < DELIVERED) {
      const visit = db.select().from(bookingVisits).where(eq(bookingVisits.bookingId, booking.bookingId)).get();
      if (visit) must(markVisitDelivered(ctx, staff, visit.id), `deliver ${name}'s visit`);
    }
  }

  // A weekly direct payment since early October, nothing booked: more than 6 weeks' money unspent.
  const unspent = await mustCreate(
    ctx,
    {
      role: "budget_holder",
      name: "Iris Makinson",
      email: "iris.makinson@demo.example",
      area: "Leigh",
      password: DEMO_PASSWORD,
    },
    { passwordHash },
  );
  must(
    setBudgetAccount(ctx, admin, unspent.userId, {
      periodLength: "weekly",
      firstPeriodStart: "2026-10-05",
      moneyManagement: "direct_payment",
      allocationPence: 12_000,
      isfProviderId: null,
      carryOverPercent: 0,
    }),
    "set Iris Makinson's budget",
  );
  return paid;
}
