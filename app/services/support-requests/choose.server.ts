/**
 * Choosing a quote: one transaction that books through the ordinary booking use case (same ledger,
 * top-up and outbox), closes the request, and tells the other providers. Only after this does the
 * chosen provider see who the person is.
 */
import { and, eq, ne } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { quotes, supportRequests } from "../../../db/schema/support-requests";
import { londonDateOf } from "../../domain/london-time";
import type { Actor } from "../../domain/permissions";
import { quotePattern } from "../../domain/quotes";
import type { RateCard } from "../../domain/rate-card";
import { transition } from "../../domain/support-requests";
import { createBooking, type CreatedBooking } from "../bookings/create.server";
import { mayActFor } from "../family/acting-for.server";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { applyTransition, loadForHolderSide, stateOf, weeklyPatternOf } from "./shared.server";

export function acceptQuote(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  quoteId: string,
  now = Date.now(),
): CreatedBooking | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx): CreatedBooking | Refusal | FieldRefusal => {
    const loaded = loadForHolderSide(tx, actor, requestId, "read");
    if (!loaded.ok) return loaded;
    const { request } = loaded;
    if (!mayActFor(tx, actor, request.holderUserId, "book")) return FORBIDDEN;
    const quote = tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.requestId, requestId)))
      .get();
    if (!quote) return NOT_FOUND;
    if (quote.status !== "live") return invalid("quote", "This quote has been withdrawn, so it cannot be chosen");
    const today = londonDateOf(new Date(now));
    const allowed = transition(stateOf(request), "choose_quote", today);
    if (!allowed.ok) return invalid("quote", allowed.message);
    if (quote.startDate <= today) {
      return invalid("quote", "This quote's start date has passed. Ask the provider to send a new start date");
    }
    const rateCard: RateCard = {
      unit: quote.unit as RateCard["unit"],
      weekdayPence: quote.weekdayPence,
      weekendPence: quote.weekendPence,
      bankHolidayPence: quote.bankHolidayPence,
      minimumChargePence: quote.minimumChargePence,
    };
    // Nested in this transaction (a savepoint), so a refused booking leaves the request open.
    const booking = createBooking(
      ctx,
      actor,
      request.holderUserId,
      quote.serviceId,
      quotePattern(weeklyPatternOf(request), quote.startDate),
      now,
      { rateCard },
    );
    if (!booking.ok) return booking;
    applyTransition(tx, request, "choose_quote", actor.userId, today, now, {
      chosenQuoteId: quote.id,
      bookingId: booking.bookingId,
    });
    tx.update(quotes).set({ status: "chosen", updatedAt: now }).where(eq(quotes.id, quote.id)).run();
    tx.update(quotes)
      .set({ status: "not_chosen", updatedAt: now })
      .where(and(eq(quotes.requestId, requestId), ne(quotes.id, quote.id), eq(quotes.status, "live")))
      .run();
    return booking;
  });
}

/** The request a booking was made from, if any: its page links back to the comparison. */
export function requestOfBooking(ctx: AppContext, bookingId: string): { id: string; reference: string } | null {
  return (
    ctx.database.db
      .select({ id: supportRequests.id, reference: supportRequests.reference })
      .from(supportRequests)
      .where(eq(supportRequests.bookingId, bookingId))
      .get() ?? null
  );
}
