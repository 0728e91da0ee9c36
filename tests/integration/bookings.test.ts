/**
 * Money reliability against a real SQLite file: parallel bookings from several processes never
 * overspend, webhook events apply once, a failure mid-booking leaves nothing behind, and the ledger
 * always adds up.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, bookingVisits, ledgerEntries, payments } from "../../db/schema";
import { checkLedgerInvariants, summarisePeriod } from "../../app/domain/ledger";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { cancelBooking } from "../../app/services/bookings/cancellation.server";
import { createBooking } from "../../app/services/bookings/create.server";
import { markVisitDelivered } from "../../app/services/bookings/delivery.server";
import { expireUnpaidBookings } from "../../app/services/bookings/expiry.server";
import { respondToBooking } from "../../app/services/bookings/provider-decisions.server";
import { ledgerOf } from "../../app/services/budgets/ledger.server";
import { handleStripeEvent } from "../../app/services/payments.server";
import { buildDemoEvent } from "../../app/payments/demo-checkout.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

let council: Awaited<ReturnType<typeof makeCouncilAdmin>>;
let staff: Awaited<ReturnType<typeof makeProvider>>;
let hourlyService: string;
const nextWeek = addLocalDays(londonDateOf(new Date()), 7);

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  staff = await makeProvider(ctx, { approvedBy: council });
  // £20.00 an hour at all times: a one-hour visit costs exactly 2000p.
  hourlyService = makeService(ctx, staff, {
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: 2000,
      weekendPence: 2000,
      bankHolidayPence: 2000,
      minimumChargePence: null,
    },
    days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  });
});

const oneVisit = (startDate = nextWeek) => ({ startDate, days: [], startTime: "10:00", durationMinutes: 60, weeks: 1 });

function runWorker(holderUserId: string, attempts: number): Promise<{ budgetPence: number; topUpPence: number }[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        resolve("tests/support/booking-worker.ts"),
        ctx.database.sqlite.name,
        holderUserId,
        hourlyService,
        String(attempts),
        nextWeek,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => (code === 0 ? done(JSON.parse(out.trim())) : fail(new Error(err))));
  });
}

describe("parallel bookings", () => {
  it("50 attempts from 5 processes against a budget that affords 10: exactly 10 use the budget, none overspends", async () => {
    const holder = await makeHolder(ctx, council, { allocationPence: 20_000 });
    const results = (await Promise.all([1, 2, 3, 4, 5].map(() => runWorker(holder.userId, 10)))).flat();
    expect(results).toHaveLength(50);
    const covered = results.filter((r) => r.budgetPence > 0);
    expect(covered).toHaveLength(10);
    expect(covered.every((r) => r.budgetPence === 2000 && r.topUpPence === 0)).toBe(true);
    expect(results.filter((r) => r.budgetPence === 0 && r.topUpPence === 2000)).toHaveLength(40);

    const entries = ledgerOf(ctx.database.db, holder.userId);
    expect(checkLedgerInvariants(entries)).toEqual([]);
    const period = entries.find((e) => e.kind === "booking_hold")!.periodIndex!;
    const summary = summarisePeriod(entries, period);
    expect(summary.allocationPence).toBe(20_000);
    expect(summary.committedPence).toBe(20_000);
    expect(summary.remainingPence).toBe(0);
  }, 60_000);
});

describe("a failure in the middle of booking", () => {
  it("leaves no booking, visit or ledger row behind", async () => {
    const holder = await makeHolder(ctx, council);
    const count = (table: typeof bookings | typeof bookingVisits | typeof ledgerEntries) =>
      ctx.database.db.select().from(table).all().length;
    const before = [count(bookings), count(bookingVisits), count(ledgerEntries)];
    ctx.database.sqlite.exec(
      "CREATE TEMP TRIGGER fail_hold BEFORE INSERT ON ledger_entries WHEN NEW.kind = 'booking_hold' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
    );
    try {
      expect(() => createBooking(ctx, holder, holder.userId, hourlyService, oneVisit())).toThrow(/simulated failure/);
    } finally {
      ctx.database.sqlite.exec("DROP TRIGGER fail_hold");
    }
    expect([count(bookings), count(bookingVisits), count(ledgerEntries)]).toEqual(before);
  });
});

async function bookingWithTopUp() {
  const holder = await makeHolder(ctx, council, { allocationPence: 1000 });
  const booking = createBooking(ctx, holder, holder.userId, hourlyService, oneVisit());
  if (!booking.ok) throw new Error("booking failed");
  expect(booking).toMatchObject({ status: "awaiting_payment", budgetPence: 1000, topUpPence: 1000 });
  const paymentId = `pay_${booking.bookingId}`;
  ctx.database.db
    .insert(payments)
    .values({
      id: paymentId,
      bookingId: booking.bookingId,
      holderUserId: holder.userId,
      gateway: "demo",
      checkoutSessionId: `cs_demo_${booking.bookingId}`,
      amountPence: 1000,
      status: "pending",
      createdAt: Date.now(),
    })
    .run();
  const session = {
    sessionId: `cs_demo_${booking.bookingId}`,
    bookingId: booking.bookingId,
    paymentId,
    amountPence: 1000,
  };
  return { holder, bookingId: booking.bookingId, session };
}

function verified(
  type: "checkout.session.completed" | "checkout.session.expired",
  session: Parameters<typeof buildDemoEvent>[1],
) {
  const { payload, signature } = buildDemoEvent(type, session, ctx.payments.webhookSecret);
  return ctx.payments.verifyWebhook(payload, signature);
}

describe("webhook events", () => {
  it("apply once: the same event twice, and expired after completed, change nothing the second time", async () => {
    const { holder, bookingId, session } = await bookingWithTopUp();
    const completed = verified("checkout.session.completed", session);
    expect(handleStripeEvent(ctx, completed).outcome).toBe("processed");
    const snapshot = () => ({
      booking: ctx.database.db.select().from(bookings).where(eq(bookings.id, bookingId)).get(),
      ledger: ledgerOf(ctx.database.db, holder.userId),
      payment: ctx.database.db.select().from(payments).where(eq(payments.bookingId, bookingId)).get(),
    });
    const afterFirst = snapshot();
    expect(afterFirst.booking?.status).toBe("requested");
    expect(afterFirst.payment?.status).toBe("paid");
    expect(afterFirst.ledger.filter((e) => e.kind === "top_up_paid")).toHaveLength(1);

    expect(handleStripeEvent(ctx, completed).outcome).toBe("duplicate");
    expect(handleStripeEvent(ctx, verified("checkout.session.expired", session)).outcome).toBe("ignored");
    expect(snapshot()).toEqual(afterFirst);
    expect(checkLedgerInvariants(afterFirst.ledger)).toEqual([]);
  });

  it("an expired checkout releases the held budget", async () => {
    const { holder, bookingId, session } = await bookingWithTopUp();
    expect(handleStripeEvent(ctx, verified("checkout.session.expired", session)).outcome).toBe("processed");
    expect(ctx.database.db.select().from(bookings).where(eq(bookings.id, bookingId)).get()?.status).toBe("expired");
    const entries = ledgerOf(ctx.database.db, holder.userId);
    const period = entries.find((e) => e.kind === "booking_hold")!.periodIndex!;
    expect(summarisePeriod(entries, period)).toMatchObject({ committedPence: 0, remainingPence: 1000 });
  });

  it("the sweeper expires unpaid top-ups after 30 minutes", async () => {
    const { holder, bookingId } = await bookingWithTopUp();
    expect(expireUnpaidBookings(ctx, Date.now() + 29 * 60_000)).not.toContain(bookingId);
    expect(expireUnpaidBookings(ctx, Date.now() + 31 * 60_000)).toContain(bookingId);
    const entries = ledgerOf(ctx.database.db, holder.userId);
    expect(entries.filter((e) => e.kind === "booking_release").reduce((s, e) => s + e.amountPence, 0)).toBe(1000);
  });
});

describe("the life of a booking", () => {
  it("accept, deliver a visit (hold becomes a charge), cancel the rest with a refund of their top-up", async () => {
    const holder = await makeHolder(ctx, council, { allocationPence: 3000 });
    // One one-hour visit (2000p), well within the 3000p budget.
    const start = addLocalDays(londonDateOf(new Date()), 2);
    const made = createBooking(ctx, holder, holder.userId, hourlyService, {
      startDate: start,
      days: [],
      startTime: "10:00",
      durationMinutes: 60,
      weeks: 1,
    });
    if (!made.ok) throw new Error("booking failed");
    expect(made.status).toBe("requested");
    expect(respondToBooking(ctx, staff, made.bookingId, { accept: true })).toMatchObject({ ok: true });
    const visit = ctx.database.db
      .select()
      .from(bookingVisits)
      .where(eq(bookingVisits.bookingId, made.bookingId))
      .get()!;
    expect(markVisitDelivered(ctx, staff, visit.id).ok).toBe(true);
    const entries = ledgerOf(ctx.database.db, holder.userId);
    expect(entries.map((e) => e.kind)).toEqual(["allocation", "booking_hold", "booking_release", "booking_charge"]);
    expect(summarisePeriod(entries, visit.periodIndex)).toMatchObject({
      committedPence: 0,
      spentPence: 2000,
      remainingPence: 1000,
    });
    expect(ctx.database.db.select().from(bookings).where(eq(bookings.id, made.bookingId)).get()?.status).toBe(
      "completed",
    );
    expect(checkLedgerInvariants(entries)).toEqual([]);
  });

  it("cancelling gives back the budget for visits outside the notice period and keeps those inside it", async () => {
    const holder = await makeHolder(ctx, council, { allocationPence: 50_000 });
    const start = addLocalDays(londonDateOf(new Date()), 3);
    const made = createBooking(ctx, holder, holder.userId, hourlyService, {
      startDate: start,
      days: ["mon", "wed", "fri"],
      startTime: "10:00",
      durationMinutes: 60,
      weeks: 2,
    });
    if (!made.ok) throw new Error("booking failed");
    const visits = ctx.database.db
      .select()
      .from(bookingVisits)
      .where(eq(bookingVisits.bookingId, made.bookingId))
      .all();
    // Cancel at a moment when only the first visit is inside the 24-hour notice.
    const first = Math.min(...visits.map((v) => v.startsAt));
    const result = cancelBooking(ctx, holder, made.bookingId, first - 12 * 3600_000);
    expect(result).toMatchObject({ ok: true, cancelled: visits.length - 1, stillCharged: 1 });
    const entries = ledgerOf(ctx.database.db, holder.userId);
    const released = entries.filter((e) => e.kind === "booking_release").reduce((s, e) => s + e.amountPence, 0);
    expect(released).toBe((visits.length - 1) * 2000);
    expect(checkLedgerInvariants(entries)).toEqual([]);
  });

  it("only the provider of the booking may answer it; only the holder may cancel it", async () => {
    const holder = await makeHolder(ctx, council);
    const other = await makeHolder(ctx, council);
    const otherProvider = await makeProvider(ctx, { approvedBy: council });
    const made = createBooking(ctx, holder, holder.userId, hourlyService, oneVisit());
    if (!made.ok) throw new Error("booking failed");
    expect(respondToBooking(ctx, otherProvider, made.bookingId, { accept: true })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(cancelBooking(ctx, other, made.bookingId)).toEqual({ ok: false, reason: "forbidden" });
    expect(createBooking(ctx, other, holder.userId, hourlyService, oneVisit())).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});
