/**
 * What the booking use cases share: reading a booking and its visits, and giving money back when
 * visits will not happen (the budget they held goes back to its periods, the top-up back to the card).
 * Every helper here runs inside the caller's transaction.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { bookings, bookingVisits, payments, type BookingRow, type BookingVisitRow } from "../../../db/schema";
import { refundForCancelledVisits } from "../../domain/cancellation";
import { appendLedger } from "../budgets/ledger.server";
import { recomputeQuality } from "../quality.server";

export interface CardRefund {
  paymentId: string;
  paymentIntentId: string | null;
  amountPence: number;
  idempotencyKey: string;
}

const bookingByIdQuery = preparedOnce((db) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder("bookingId")))
    .prepare(),
);

export function bookingById(db: Db, bookingId: string): BookingRow | undefined {
  return bookingByIdQuery(db).get({ bookingId });
}

export function visitsOf(db: Db, bookingId: string): BookingVisitRow[] {
  return db
    .select()
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, bookingId))
    .orderBy(asc(bookingVisits.startsAt))
    .all();
}

/** A booking outcome (accepted, declined, walked away from) feeds the provider's quality signal. */
export function recomputeBookingQuality(db: Db, booking: BookingRow, now: number): void {
  recomputeQuality(db, booking.providerId, { serviceIds: [booking.serviceId], now });
}

/** A top-up checkout that was never paid stops waiting for its payment. */
export function expirePendingPayment(db: Db, bookingId: string): void {
  db.update(payments)
    .set({ status: "expired" })
    .where(and(eq(payments.bookingId, bookingId), eq(payments.status, "pending")))
    .run();
}

/** Gives back the budget held for these visits (cancelled, declined or expired). */
function releaseVisits(
  db: Db,
  booking: BookingRow,
  visits: BookingVisitRow[],
  actorUserId: string | null,
  now: number,
) {
  const byPeriod = new Map<number, number>();
  for (const v of visits) byPeriod.set(v.periodIndex, (byPeriod.get(v.periodIndex) ?? 0) + v.budgetPence);
  for (const [periodIndex, amount] of byPeriod) {
    if (amount <= 0) continue;
    appendLedger(db, {
      holderUserId: booking.holderUserId,
      kind: "booking_release",
      account: "budget",
      amountPence: amount,
      periodIndex,
      bookingId: booking.id,
      createdByUserId: actorUserId,
      at: now,
    });
  }
}

/** Records a refund of part of a paid top-up; the card refund itself happens after the transaction. */
export function refundTopUp(
  db: Db,
  booking: BookingRow,
  amountPence: number,
  actorUserId: string | null,
  now: number,
  reason: string,
): CardRefund | null {
  if (amountPence <= 0) return null;
  const payment = db
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, booking.id), inArray(payments.status, ["paid", "partly_refunded"])))
    .get();
  if (!payment) return null;
  const refundable = Math.min(amountPence, payment.amountPence - payment.refundedPence);
  if (refundable <= 0) return null;
  const refunded = payment.refundedPence + refundable;
  db.update(payments)
    .set({ refundedPence: refunded, status: refunded >= payment.amountPence ? "refunded" : "partly_refunded" })
    .where(eq(payments.id, payment.id))
    .run();
  appendLedger(db, {
    holderUserId: booking.holderUserId,
    kind: "refund",
    account: "card",
    amountPence: -refundable,
    periodIndex: null,
    bookingId: booking.id,
    paymentId: payment.id,
    note: reason,
    createdByUserId: actorUserId,
    at: now,
  });
  return {
    paymentId: payment.id,
    paymentIntentId: payment.paymentIntentId,
    amountPence: refundable,
    idempotencyKey: `refund-${payment.id}-${refunded}`,
  };
}

/**
 * Visits that will not happen give back what they held: their budget to its periods and their share
 * of a paid top-up to the card (recorded here, sent after the transaction).
 */
export function giveBackVisits(
  db: Db,
  booking: BookingRow,
  visits: BookingVisitRow[],
  actorUserId: string | null,
  now: number,
  reason: string,
): CardRefund | null {
  releaseVisits(db, booking, visits, actorUserId, now);
  const money = refundForCancelledVisits(
    visits.map((v) => ({ budgetPence: v.budgetPence, topUpPence: v.topUpPence, cancelled: true })),
  );
  return refundTopUp(db, booking, money.topUpRefundPence, actorUserId, now, reason);
}

/** Ends a booking that was never paid for or never accepted: every scheduled visit is released. */
export function closeBooking(
  db: Db,
  booking: BookingRow,
  status: "expired" | "declined",
  actorUserId: string | null,
  now: number,
  extra: Partial<typeof bookings.$inferInsert> = {},
): CardRefund | null {
  const visits = visitsOf(db, booking.id).filter((v) => v.status === "scheduled");
  const reason = status === "declined" ? "booking declined" : "booking expired";
  const refund = giveBackVisits(db, booking, visits, actorUserId, now, reason);
  db.update(bookingVisits).set({ status: "cancelled" }).where(eq(bookingVisits.bookingId, booking.id)).run();
  db.update(bookings)
    .set({ status, updatedAt: now, paymentDueBy: null, ...extra })
    .where(eq(bookings.id, booking.id))
    .run();
  return refund;
}
