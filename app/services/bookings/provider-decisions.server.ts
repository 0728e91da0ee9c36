/**
 * Provider staff accept or decline a requested booking. Declining gives back the held budget and the
 * paid top-up; either answer feeds the provider's quality signal (responsiveness and rebooking).
 */
import { eq } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { enqueueBookingEmails } from "../mail/event-emails.server";
import { bookings } from "../../../db/schema";
import { canManageProvider, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { bookingById, closeBooking, recomputeBookingQuality, type CardRefund } from "./shared.server";

export function respondToBooking(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  decision: { accept: true } | { accept: false; reason: string },
  now = Date.now(),
): { ok: true; refund: CardRefund | null } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const booking = bookingById(tx, bookingId);
    if (!booking) return NOT_FOUND;
    if (!canManageProvider(actor, booking.providerId)) return FORBIDDEN;
    if (booking.status !== "requested") return invalid("decision", "This booking has already been answered");
    let refund: CardRefund | null = null;
    if (decision.accept) {
      tx.update(bookings)
        .set({ status: "accepted", respondedAt: now, respondedByUserId: actor.userId, updatedAt: now })
        .where(eq(bookings.id, bookingId))
        .run();
    } else {
      refund = closeBooking(tx, booking, "declined", actor.userId, now, {
        declineReason: decision.reason,
        respondedAt: now,
        respondedByUserId: actor.userId,
      });
    }
    recomputeBookingQuality(tx, booking, now);
    enqueueBookingEmails(tx, bookingId, decision.accept ? "booking_accepted" : "booking_declined", actor.userId);
    return { ok: true, refund } as const;
  });
}
