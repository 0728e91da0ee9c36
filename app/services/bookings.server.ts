/**
 * Booking support against a personal budget. Every change of money happens in one BEGIN IMMEDIATE
 * transaction that re-reads the ledger, so parallel bookings can never overspend a budget.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import {
  bookings,
  bookingVisits,
  budgetHolders,
  payments,
  providers,
  services,
  users,
  type BookingRow,
  type BookingVisitRow,
} from "../../db/schema";
import { splitCost, type CostSplit } from "../domain/booking-split";
import { periodIndexOf } from "../domain/budget-periods";
import { refundForCancelledVisits, visitsOnCancel } from "../domain/cancellation";
import { isListed } from "../domain/listing";
import { londonDateOf } from "../domain/london-time";
import { canManageProvider, type Actor } from "../domain/permissions";
import type { RateCard } from "../domain/rate-card";
import { expandPattern, priceVisits, type BookingPattern, type PricedVisit } from "../domain/schedule";
import {
  appendLedger,
  availableByPeriod,
  ensurePeriods,
  getBudgetAccount,
  ledgerTotals,
  mayActFor,
  scheduleOf,
} from "./budgets.server";
import { rateCardOf } from "./catalogue.server";
import type { AppContext } from "./context.server";
import { recomputeQuality } from "./quality.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

/** How long a booking waits for its top-up to be paid before the held budget is released. */
export const TOP_UP_PAYMENT_MINUTES = 30;
/** Bookings that hold budget. */
const LIVE_STATUSES = ["awaiting_payment", "requested", "accepted"] as const;

export interface Quote {
  visits: (PricedVisit & { periodIndex: number; budgetPence: number; topUpPence: number })[];
  split: CostSplit;
  selfFunded: boolean;
  hasBudget: boolean;
}

type Bookable = { ok: true; service: typeof services.$inferSelect } | Refusal | FieldRefusal;

function bookableService(db: Db, serviceId: string, options: { unpublishedPrices?: boolean } = {}): Bookable {
  const row = db
    .select({ service: services, status: providers.accreditationStatus })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, serviceId))
    .get();
  if (!row || !isListed(row.status, row.service.status)) return NOT_FOUND;
  if (!row.service.pricePublished && !options.unpublishedPrices) {
    return invalid("service", "This provider has not published prices, so this service cannot be booked online yet");
  }
  return { ok: true, service: row.service };
}

/** Prices the visits and splits them between budget and top-up, from the ledger as it is now. */
function quoteWith(
  db: Db,
  holderUserId: string,
  service: typeof services.$inferSelect,
  pattern: BookingPattern,
  rateCard: RateCard = rateCardOf(service),
): Quote {
  const account = getBudgetAccount(db, holderUserId);
  const priced = priceVisits(rateCard, expandPattern(pattern));
  const periodOf = (localDate: string) => (account ? periodIndexOf(scheduleOf(account), localDate) : 0);
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
  return { ok: true, quote: quoteWith(db, holderUserId, bookable.service, pattern) };
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
    const account = getBudgetAccount(tx, holderUserId);
    if (account) {
      const periods = expandPattern(pattern).map((v) => periodIndexOf(scheduleOf(account), v.localDate));
      const current = periodIndexOf(scheduleOf(account), londonDateOf(new Date(now)));
      ensurePeriods(tx, account, Math.min(current, ...periods), Math.max(current, ...periods), now);
    }
    const quote = quoteWith(tx, holderUserId, bookable.service, pattern, options.rateCard);
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

export interface CardRefund {
  paymentId: string;
  paymentIntentId: string | null;
  amountPence: number;
  idempotencyKey: string;
}

/** Records a refund of part of a paid top-up; the card refund itself happens after the transaction. */
function refundTopUp(
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

function visitsOf(db: Db, bookingId: string): BookingVisitRow[] {
  return db
    .select()
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, bookingId))
    .orderBy(asc(bookingVisits.startsAt))
    .all();
}

/** Ends a booking that was never paid for or never accepted: every scheduled visit is released. */
function closeBooking(
  db: Db,
  booking: BookingRow,
  status: "expired" | "declined",
  actorUserId: string | null,
  now: number,
  extra: Partial<typeof bookings.$inferInsert> = {},
): CardRefund | null {
  const visits = visitsOf(db, booking.id).filter((v) => v.status === "scheduled");
  releaseVisits(db, booking, visits, actorUserId, now);
  db.update(bookingVisits).set({ status: "cancelled" }).where(eq(bookingVisits.bookingId, booking.id)).run();
  db.update(bookings)
    .set({ status, updatedAt: now, paymentDueBy: null, ...extra })
    .where(eq(bookings.id, booking.id))
    .run();
  const refund = refundForCancelledVisits(
    visits.map((v) => ({ budgetPence: v.budgetPence, topUpPence: v.topUpPence, cancelled: true })),
  );
  return refundTopUp(
    db,
    booking,
    refund.topUpRefundPence,
    actorUserId,
    now,
    status === "declined" ? "booking declined" : "booking expired",
  );
}

/** Sweeper: unpaid top-ups past their time release the held budget. Returns the bookings expired. */
export function expireUnpaidBookings(ctx: AppContext, now = Date.now()): string[] {
  return immediateTransaction(ctx.database, (tx) => {
    const due = tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.status, "awaiting_payment"), lt(bookings.paymentDueBy, now)))
      .all();
    for (const booking of due) {
      closeBooking(tx, booking, "expired", null, now);
      tx.update(payments)
        .set({ status: "expired" })
        .where(and(eq(payments.bookingId, booking.id), eq(payments.status, "pending")))
        .run();
    }
    return due.map((b) => b.id);
  });
}

/** The top-up was paid: the booking goes to the provider. Called from the verified webhook. */
export function markTopUpPaid(
  db: Db,
  input: { paymentId: string; sessionId: string; paymentIntentId: string | null; amountPence: number; now: number },
): "paid" | "already" | "late" | "unknown" {
  const payment = db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
  if (!payment || (payment.checkoutSessionId && payment.checkoutSessionId !== input.sessionId)) return "unknown";
  if (payment.status !== "pending" && payment.status !== "expired") return "already";
  const booking = db.select().from(bookings).where(eq(bookings.id, payment.bookingId)).get();
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
  const booking = db.select().from(bookings).where(eq(bookings.id, payment.bookingId)).get();
  if (booking?.status === "awaiting_payment") closeBooking(db, booking, "expired", null, input.now);
  return "expired";
}

/** Provider staff accept or decline a requested booking. Declining releases the budget and refunds the top-up. */
export function respondToBooking(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  decision: { accept: true } | { accept: false; reason: string },
  now = Date.now(),
): { ok: true; refund: CardRefund | null } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const booking = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get();
    if (!booking) return NOT_FOUND;
    if (!canManageProvider(actor, booking.providerId)) return FORBIDDEN;
    if (booking.status !== "requested") return invalid("decision", "This booking has already been answered");
    if (decision.accept) {
      tx.update(bookings)
        .set({ status: "accepted", respondedAt: now, respondedByUserId: actor.userId, updatedAt: now })
        .where(eq(bookings.id, bookingId))
        .run();
      // Responsiveness and rebooking feed the quality signal.
      recomputeQuality(tx, booking.providerId, { serviceIds: [booking.serviceId], now });
      return { ok: true, refund: null } as const;
    }
    const refund = closeBooking(tx, booking, "declined", actor.userId, now, {
      declineReason: decision.reason,
      respondedAt: now,
      respondedByUserId: actor.userId,
    });
    recomputeQuality(tx, booking.providerId, { serviceIds: [booking.serviceId], now });
    return { ok: true, refund } as const;
  });
}

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
    const booking = visit ? tx.select().from(bookings).where(eq(bookings.id, visit.bookingId)).get() : undefined;
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

/**
 * The holder (or family with permission) cancels: visits at least the notice period ahead are
 * cancelled, their budget released and their top-up refunded; visits inside the notice are kept and charged.
 */
export function cancelBooking(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  now = Date.now(),
): { ok: true; cancelled: number; stillCharged: number; refund: CardRefund | null } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const booking = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get();
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
    releaseVisits(tx, booking, cancelled, actor.userId, now);
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
    const money = refundForCancelledVisits(
      cancelled.map((v) => ({ budgetPence: v.budgetPence, topUpPence: v.topUpPence, cancelled: true })),
    );
    const refund = refundTopUp(tx, booking, money.topUpRefundPence, actor.userId, now, "visits cancelled");
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
    if (booking.status === "accepted")
      recomputeQuality(tx, booking.providerId, { serviceIds: [booking.serviceId], now });
    if (booking.status === "awaiting_payment" && status === "cancelled") {
      tx.update(payments)
        .set({ status: "expired" })
        .where(and(eq(payments.bookingId, bookingId), eq(payments.status, "pending")))
        .run();
    }
    return { ok: true, cancelled: cancelled.length, stillCharged: outcome.stillCharged.length, refund } as const;
  });
}

export interface BookingDetails {
  booking: BookingRow;
  visits: BookingVisitRow[];
  serviceTitle: string;
  providerName: string;
  providerSlug: string;
  holderFirstName: string;
  holderArea: string | null;
  createdByName: string;
}

function details(db: Db, booking: BookingRow): BookingDetails {
  const service = db
    .select({ title: services.title, providerName: providers.name, slug: providers.slug })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, booking.serviceId))
    .get();
  const holder = db
    .select({ name: users.name, preferred: budgetHolders.preferredName, area: budgetHolders.area })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(eq(users.id, booking.holderUserId))
    .get();
  const creator = db.select({ name: users.name }).from(users).where(eq(users.id, booking.createdByUserId)).get();
  return {
    booking,
    visits: visitsOf(db, booking.id),
    serviceTitle: service?.title ?? "",
    providerName: service?.providerName ?? "",
    providerSlug: service?.slug ?? "",
    holderFirstName: holder?.preferred ?? holder?.name.split(" ")[0] ?? "",
    holderArea: holder?.area ?? null,
    createdByName: creator?.name ?? "",
  };
}

/** A booking for the holder or family allowed to see it. */
export function getBookingForHolder(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
): { ok: true; details: BookingDetails } | Refusal {
  const { db } = ctx.database;
  const booking = db.select().from(bookings).where(eq(bookings.id, bookingId)).get();
  if (!booking) return NOT_FOUND;
  if (!mayActFor(db, actor, booking.holderUserId, "view")) return FORBIDDEN;
  return { ok: true, details: details(db, booking) };
}

export function listHolderBookings(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; bookings: BookingDetails[] } | Refusal {
  const { db } = ctx.database;
  if (!mayActFor(db, actor, holderUserId, "view")) return FORBIDDEN;
  const rows = db
    .select()
    .from(bookings)
    .where(eq(bookings.holderUserId, holderUserId))
    .orderBy(desc(bookings.createdAt))
    .all();
  return { ok: true, bookings: rows.map((b) => details(db, b)) };
}

/** The provider's inbox. Providers see the holder's first name and area only. */
export function providerBookings(ctx: AppContext, actor: Actor): { ok: true; bookings: BookingDetails[] } | Refusal {
  if (!actor.providerId || !canManageProvider(actor, actor.providerId)) return FORBIDDEN;
  const { db } = ctx.database;
  const rows = db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.providerId, actor.providerId),
        inArray(bookings.status, ["requested", "accepted", "completed", "declined", "cancelled"]),
      ),
    )
    .orderBy(desc(bookings.createdAt))
    .all();
  return { ok: true, bookings: rows.map((b) => details(db, b)) };
}

export function getBookingForProvider(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
): { ok: true; details: BookingDetails } | Refusal {
  const { db } = ctx.database;
  const booking = db.select().from(bookings).where(eq(bookings.id, bookingId)).get();
  if (!booking || booking.status === "awaiting_payment" || booking.status === "expired") return NOT_FOUND;
  if (!canManageProvider(actor, booking.providerId)) return FORBIDDEN;
  return { ok: true, details: details(db, booking) };
}
