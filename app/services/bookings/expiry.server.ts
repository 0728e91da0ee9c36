/**
 * The sweeper for unpaid top-ups: a booking whose top-up was not paid in time expires, and the budget
 * it held goes back to its periods.
 */
import { and, eq, lt } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { bookings } from "../../../db/schema";
import type { AppContext } from "../context.server";
import { closeBooking, expirePendingPayment } from "./shared.server";

/** Unpaid top-ups past their time release the held budget. Returns the bookings expired. */
export function expireUnpaidBookings(ctx: AppContext, now = Date.now()): string[] {
  return immediateTransaction(ctx.database, (tx) => {
    const due = tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.status, "awaiting_payment"), lt(bookings.paymentDueBy, now)))
      .all();
    for (const booking of due) {
      closeBooking(tx, booking, "expired", null, now);
      expirePendingPayment(tx, booking.id);
    }
    return due.map((b) => b.id);
  });
}
