/**
 * Quoting and creating a booking: price the visits from the rate card, split the cost between the
 * budget and a top-up, and book. Creating re-reads the ledger in one BEGIN IMMEDIATE transaction, so
 * parallel bookings can never overspend a budget.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { enqueueBookingEmails } from "../mail/event-emails.server";
import { bookings, bookingVisits, providers, services } from "../../../db/schema";
import { splitCost, type CostSplit } from "../../domain/booking-split";
import { periodIndexOf } from "../../domain/budget-periods";
import { isListed } from "../../domain/listing";
import { londonDateOf } from "../../domain/london-time";
import { personalAssistantBookingRefusal } from "../../domain/pa-booking";
import type { Actor } from "../../domain/permissions";
import type { RateCard } from "../../domain/rate-card";
import { expandPattern, priceVisits, type BookingPattern, type PricedVisit } from "../../domain/schedule";
import { appendLedger, ledgerTotals } from "../budgets/ledger.server";
import { availableByPeriod, ensurePeriods } from "../budgets/periods.server";
import { getBudgetAccount, scheduleOf } from "../budgets/shared.server";
import { rateCardOf } from "../catalogue.server";
import type { AppContext } from "../context.server";
import { mayActFor } from "../family/acting-for.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";

/** How long a booking waits for its top-up to be paid before the held budget is released. */
export const TOP_UP_PAYMENT_MINUTES = 30;

export interface Quote {
  visits: (PricedVisit & { periodIndex: number; budgetPence: number; topUpPence: number })[];
  split: CostSplit;
  selfFunded: boolean;
  hasBudget: boolean;
}

type Bookable = { ok: true; service: typeof services.$inferSelect; providerType: string } | Refusal | FieldRefusal;

/** The field a refusal about the budget itself (a PA and an ISF, say) is reported at. */
export const BUDGET_FIELD = "budget";

/** Why this holder's budget (`account`, as read by the caller) cannot pay this provider, or null. */
function budgetRefusal(account: ReturnType<typeof getBudgetAccount>, providerType: string): FieldRefusal | null {
  const reason = personalAssistantBookingRefusal(providerType, account?.moneyManagement ?? null);
  return reason ? invalid(BUDGET_FIELD, reason) : null;
}

const bookableServiceQuery = preparedOnce((db) =>
  db
    .select({ service: services, status: providers.accreditationStatus, providerType: providers.type })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, sql.placeholder("serviceId")))
    .prepare(),
);

function bookableService(db: Db, serviceId: string, options: { unpublishedPrices?: boolean } = {}): Bookable {
  const row = bookableServiceQuery(db).get({ serviceId });
  if (!row || !isListed(row.status, row.service.status)) return NOT_FOUND;
  if (!row.service.pricePublished && !options.unpublishedPrices) {
    return invalid("service", "This provider has not published prices, so this service cannot be booked online yet");
  }
  return { ok: true, service: row.service, providerType: row.providerType };
}

/**
 * Before anything is filled in: the plain-English reason this holder cannot book this service at all
 * (a personal assistant with an ISF or council-managed budget), or null. Refusals of access are null
 * here: the booking itself answers them.
 */
export function bookingBarrier(ctx: AppContext, actor: Actor, holderUserId: string, serviceId: string): string | null {
  const { db } = ctx.database;
  if (!mayActFor(db, actor, holderUserId, "book")) return null;
  const bookable = bookableService(db, serviceId, { unpublishedPrices: true });
  if (!bookable.ok) return null;
  return budgetRefusal(getBudgetAccount(db, holderUserId), bookable.providerType)?.message ?? null;
}

/**
 * Prices the visits (the pattern expanded once, by the caller) and splits them between budget and
 * top-up, from the ledger as it is now. The budget account is the one the caller read.
 */
export function quoteWith(
  db: Db,
  holderUserId: string,
  service: typeof services.$inferSelect,
  expanded: ReturnType<typeof expandPattern>,
  account: ReturnType<typeof getBudgetAccount>,
  rateCard: RateCard = rateCardOf(service),
): Quote {
  const priced = priceVisits(rateCard, expanded);
  const schedule = account ? scheduleOf(account) : null;
  const periodOf = (localDate: string) => (schedule ? periodIndexOf(schedule, localDate) : 0);
  const withPeriods = priced.map((v) => ({ ...v, periodIndex: periodOf(v.localDate) }));
  const selfFunded = !account || account.moneyManagement === "self_funded";
  const available = availableByPeriod(
    account,
    ledgerTotals(db, holderUserId),
    new Set(withPeriods.map((v) => v.periodIndex)),
  );
  const split = splitCost(withPeriods, available, { selfFunded });
  return {
    visits: withPeriods.map((v, i) => ({ ...v, ...split.visits[i]! })),
    split,
    selfFunded,
    hasBudget: !!account && !selfFunded,
  };
}

export function quoteBooking(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  serviceId: string,
  pattern: BookingPattern,
): { ok: true; quote: Quote } | Refusal | FieldRefusal {
  const { db } = ctx.database;
  if (!mayActFor(db, actor, holderUserId, "book")) return FORBIDDEN;
  const bookable = bookableService(db, serviceId);
  if (!bookable.ok) return bookable;
  const account = getBudgetAccount(db, holderUserId);
  const refused = budgetRefusal(account, bookable.providerType);
  if (refused) return refused;
  return { ok: true, quote: quoteWith(db, holderUserId, bookable.service, expandPattern(pattern), account) };
}

export interface BookingOptions {
  /**
   * Price with this rate card instead of the service's: the rates of a chosen quote for a support
   * request, which may be made for that request and need not be published.
   */
  rateCard?: RateCard;
}

export interface CreatedBooking {
  ok: true;
  bookingId: string;
  status: "awaiting_payment" | "requested";
  totalPence: number;
  budgetPence: number;
  topUpPence: number;
}

/**
 * Books: holds the budget portion and, if there is a top-up, waits for it to be paid before the
 * provider is told. Availability is worked out again inside the transaction.
 */
export function createBooking(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  serviceId: string,
  pattern: BookingPattern,
  now = Date.now(),
  options: BookingOptions = {},
): CreatedBooking | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    if (!mayActFor(tx, actor, holderUserId, "book")) return FORBIDDEN;
    const bookable = bookableService(tx, serviceId, { unpublishedPrices: options.rateCard !== undefined });
    if (!bookable.ok) return bookable;
    // Read once and expanded once for this booking (issue #17); the ledger is re-read below, after any
    // new periods are written, so availability is checked inside this transaction.
    const account = getBudgetAccount(tx, holderUserId);
    const refused = budgetRefusal(account, bookable.providerType);
    if (refused) return refused;
    const expanded = expandPattern(pattern);
    if (account) {
      const schedule = scheduleOf(account);
      const periods = expanded.map((v) => periodIndexOf(schedule, v.localDate));
      const current = periodIndexOf(schedule, londonDateOf(new Date(now)));
      ensurePeriods(tx, account, Math.min(current, ...periods), Math.max(current, ...periods), now);
    }
    const quote = quoteWith(tx, holderUserId, bookable.service, expanded, account, options.rateCard);
    if (quote.visits.length === 0) return invalid("days", "Choose days that give at least one visit");
    const bookingId = randomUUID();
    const status = quote.split.topUpPence > 0 ? "awaiting_payment" : "requested";
    tx.insert(bookings)
      .values({
        id: bookingId,
        holderUserId,
        serviceId,
        providerId: bookable.service.providerId,
        createdByUserId: actor.userId,
        status,
        pattern,
        totalPence: quote.split.totalPence,
        budgetPence: quote.split.budgetPence,
        topUpPence: quote.split.topUpPence,
        paymentDueBy: status === "awaiting_payment" ? now + TOP_UP_PAYMENT_MINUTES * 60_000 : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    tx.insert(bookingVisits)
      .values(
        quote.visits.map((v) => ({
          id: randomUUID(),
          bookingId,
          startsAt: v.startsAt.getTime(),
          localDate: v.localDate,
          startTime: v.startTime,
          durationMinutes: v.durationMinutes,
          dayType: v.dayType,
          ratePence: v.ratePence,
          costPence: v.costPence,
          minimumApplied: v.minimumApplied,
          periodIndex: v.periodIndex,
          budgetPence: v.budgetPence,
          topUpPence: v.topUpPence,
        })),
      )
      .run();
    for (const [periodIndex, part] of quote.split.byPeriod) {
      if (part.budgetPence <= 0) continue;
      appendLedger(tx, {
        holderUserId,
        kind: "booking_hold",
        account: "budget",
        amountPence: -part.budgetPence,
        periodIndex,
        bookingId,
        createdByUserId: actor.userId,
        at: now,
      });
    }
    if (status === "requested") enqueueBookingEmails(tx, bookingId, "booking_requested", actor.userId);
    return {
      ok: true,
      bookingId,
      status,
      totalPence: quote.split.totalPence,
      budgetPence: quote.split.budgetPence,
      topUpPence: quote.split.topUpPence,
    } as const;
  });
}
