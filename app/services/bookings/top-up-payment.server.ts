/**
 * What the verified Stripe webhook tells a booking about its top-up: paid (the booking goes to the
 * provider, or, if it had already expired, the money goes straight back) or the checkout expired
 * unpaid (the held budget is released). Called inside the webhook's transaction.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { bookings, payments } from "../../../db/schema";
import { appendLedger } from "../budgets/ledger.server";
import { enqueueBookingEmails } from "../mail/event-emails.server";
import { bookingById, closeBooking, refundTopUp } from "./shared.server";

/** The top-up was paid: the booking goes to the provider. */
export function markTopUpPaid(
  db: Db,
  input: { paymentId: string; sessionId: string; paymentIntentId: string | null; amountPence: number; now: number },
): "paid" | "already" | "late" | "unknown" {
  const payment = db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
  if (!payment || (payment.checkoutSessionId && payment.checkoutSessionId !== input.sessionId)) return "unknown";
  if (payment.status !== "pending" && payment.status !== "expired") return "already";
  const booking = bookingById(db, payment.bookingId);
  if (!booking) return "unknown";
  db.update(payments)
    .set({
      status: "paid",
      paidAt: input.now,
      paymentIntentId: input.paymentIntentId,
      checkoutSessionId: input.sessionId,
    })
    .where(eq(payments.id, payment.id))
    .run();
  appendLedger(db, {
    holderUserId: booking.holderUserId,
    kind: "top_up_paid",
    account: "card",
    amountPence: payment.amountPence,
    periodIndex: null,
    bookingId: booking.id,
    paymentId: payment.id,
    createdByUserId: null,
    at: input.now,
  });
  if (booking.status === "awaiting_payment") {
    db.update(bookings)
      .set({ status: "requested", paymentDueBy: null, updatedAt: input.now })
      .where(eq(bookings.id, booking.id))
      .run();
    enqueueBookingEmails(db, booking.id, "top_up_paid", null);
    enqueueBookingEmails(db, booking.id, "booking_requested", null);
    return "paid";
  }
  // Paid after the booking expired: the money goes straight back.
  refundTopUp(db, booking, payment.amountPence, null, input.now, "paid after the booking expired");
  return "late";
}

/** The checkout expired unpaid: release the hold (nothing changes if it was paid meanwhile). */
export function markCheckoutExpired(db: Db, input: { paymentId: string; now: number }): "expired" | "ignored" {
  const payment = db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
  if (!payment || payment.status !== "pending") return "ignored";
  db.update(payments).set({ status: "expired" }).where(eq(payments.id, payment.id)).run();
  const booking = bookingById(db, payment.bookingId);
  if (booking?.status === "awaiting_payment") closeBooking(db, booking, "expired", null, input.now);
  return "expired";
}
