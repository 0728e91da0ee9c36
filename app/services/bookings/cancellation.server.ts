/**
 * The holder (or family allowed to book) cancels a booking: visits at least the notice period ahead
 * are cancelled, their budget released and their top-up refunded; visits inside the notice are kept
 * and charged.
 */
import { eq, inArray } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { enqueueBookingEmails } from "../mail/event-emails.server";
import { bookings, bookingVisits } from "../../../db/schema";
import { visitsOnCancel } from "../../domain/cancellation";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { mayActFor } from "../family/acting-for.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import {
  bookingById,
  expirePendingPayment,
  giveBackVisits,
  recomputeBookingQuality,
  visitsOf,
  type CardRefund,
} from "./shared.server";

/** Bookings that hold budget. */
const LIVE_STATUSES = ["awaiting_payment", "requested", "accepted"] as const;

export function cancelBooking(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  now = Date.now(),
): { ok: true; cancelled: number; stillCharged: number; refund: CardRefund | null } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const booking = bookingById(tx, bookingId);
    if (!booking) return NOT_FOUND;
    if (!mayActFor(tx, actor, booking.holderUserId, "book")) return FORBIDDEN;
    if (!(LIVE_STATUSES as readonly string[]).includes(booking.status)) {
      return invalid("booking", "This booking cannot be cancelled");
    }
    const visits = visitsOf(tx, bookingId);
    const outcome = visitsOnCancel(
      visits.map((v) => ({ id: v.id, startsAt: new Date(v.startsAt), status: v.status })),
      new Date(now),
    );
    const cancelled = visits.filter((v) => outcome.cancel.includes(v.id));
    const refund = giveBackVisits(tx, booking, cancelled, actor.userId, now, "visits cancelled");
    if (cancelled.length > 0) {
      tx.update(bookingVisits)
        .set({ status: "cancelled" })
        .where(
          inArray(
            bookingVisits.id,
            cancelled.map((v) => v.id),
          ),
        )
        .run();
    }
    const left = visitsOf(tx, bookingId);
    const anyScheduled = left.some((v) => v.status === "scheduled");
    const anyDelivered = left.some((v) => v.status === "delivered");
    const status = anyScheduled ? booking.status : anyDelivered ? "completed" : "cancelled";
    tx.update(bookings)
      .set({
        status,
        cancelledByUserId: actor.userId,
        updatedAt: now,
        paymentDueBy: status === "awaiting_payment" ? booking.paymentDueBy : null,
      })
      .where(eq(bookings.id, bookingId))
      .run();
    // Walking away after acceptance counts against the provider's signal.
    if (booking.status === "accepted") recomputeBookingQuality(tx, booking, now);
    if (booking.status === "awaiting_payment" && status === "cancelled") expirePendingPayment(tx, bookingId);
    if (status === "cancelled" && booking.status !== "awaiting_payment") {
      enqueueBookingEmails(tx, bookingId, "booking_cancelled", actor.userId);
    }
    return { ok: true, cancelled: cancelled.length, stillCharged: outcome.stillCharged.length, refund } as const;
  });
}
