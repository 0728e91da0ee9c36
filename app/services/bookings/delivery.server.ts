/**
 * Delivering and charging visits: when a visit of an accepted booking is delivered (marked by the
 * provider, or by the daily job once it has ended), its held budget becomes a charge, and the booking
 * completes with its last visit.
 */
import { and, eq, lt } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { bookings, bookingVisits, type BookingRow, type BookingVisitRow } from "../../../db/schema";
import { canManageProvider, type Actor } from "../../domain/permissions";
import { appendLedger } from "../budgets/ledger.server";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { bookingById, visitsOf } from "./shared.server";

/** A visit was delivered: its held budget becomes a charge. */
function deliverVisit(db: Db, booking: BookingRow, visit: BookingVisitRow, actorUserId: string | null, now: number) {
  db.update(bookingVisits).set({ status: "delivered", deliveredAt: now }).where(eq(bookingVisits.id, visit.id)).run();
  if (visit.budgetPence > 0) {
    const common = {
      holderUserId: booking.holderUserId,
      account: "budget" as const,
      periodIndex: visit.periodIndex,
      bookingId: booking.id,
      createdByUserId: actorUserId,
      at: now,
    };
    appendLedger(db, {
      ...common,
      kind: "booking_release",
      amountPence: visit.budgetPence,
      note: `visit on ${visit.localDate}`,
    });
    appendLedger(db, {
      ...common,
      kind: "booking_charge",
      amountPence: -visit.budgetPence,
      note: `visit on ${visit.localDate}`,
    });
  }
  const remaining = visitsOf(db, booking.id).filter((v) => v.status === "scheduled");
  if (remaining.length === 0) {
    db.update(bookings).set({ status: "completed", updatedAt: now }).where(eq(bookings.id, booking.id)).run();
  }
}

/** Provider staff mark a visit of an accepted booking as delivered (the demo's shortcut to the daily job). */
export function markVisitDelivered(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const visit = tx.select().from(bookingVisits).where(eq(bookingVisits.id, visitId)).get();
    const booking = visit ? bookingById(tx, visit.bookingId) : undefined;
    if (!visit || !booking) return NOT_FOUND;
    if (!canManageProvider(actor, booking.providerId)) return FORBIDDEN;
    if (booking.status !== "accepted" || visit.status !== "scheduled") {
      return invalid("visit", "Only scheduled visits of accepted bookings can be marked as delivered");
    }
    deliverVisit(tx, booking, visit, actor.userId, now);
    return { ok: true } as const;
  });
}

/** Daily job: visits of accepted bookings that have ended are charged. */
export function chargeEndedVisits(ctx: AppContext, now = Date.now()): number {
  return immediateTransaction(ctx.database, (tx) => {
    const due = tx
      .select({ visit: bookingVisits, booking: bookings })
      .from(bookingVisits)
      .innerJoin(bookings, eq(bookings.id, bookingVisits.bookingId))
      .where(
        and(eq(bookingVisits.status, "scheduled"), eq(bookings.status, "accepted"), lt(bookingVisits.startsAt, now)),
      )
      .all()
      .filter(({ visit }) => visit.startsAt + visit.durationMinutes * 60_000 <= now);
    for (const { visit, booking } of due) deliverVisit(tx, booking, visit, null, now);
    return due.length;
  });
}
