/**
 * Top-ups by card. A payment is confirmed only by a verified Stripe webhook (real or demo), and each
 * event id is processed once, in the same transaction as what it changes.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { immediateTransaction } from "../../db/client.server";
import { preparedOnce } from "../../db/prepared.server";
import { bookings, payments, providers, services, stripeEvents } from "../../db/schema";
import { formatPence } from "../domain/money";
import type { Actor } from "../domain/permissions";
import { mayActFor } from "./family/acting-for.server";
import { bookingById, type CardRefund } from "./bookings/shared.server";
import { emailAddressOf } from "./mail/outbox.server";
import { markCheckoutExpired, markTopUpPaid } from "./bookings/top-up-payment.server";
import type { AppContext } from "./context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

/** What startTopUp reads on every top-up, prepared once (issue #17: bookings by card are most of the load). */
const topUpQueries = preparedOnce((db) => ({
  pendingPayment: db
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, sql.placeholder("bookingId")), eq(payments.status, "pending")))
    .prepare(),
  serviceAndProvider: db
    .select({ title: services.title, provider: providers.name })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, sql.placeholder("serviceId")))
    .prepare(),
}));

/**
 * Starts (or resumes) paying a booking's top-up: a payment row in our database first, then a
 * checkout session with the gateway; the holder is sent to its address.
 */
export async function startTopUp(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  origin: string,
  now = Date.now(),
): Promise<{ ok: true; url: string } | Refusal | FieldRefusal> {
  const { db } = ctx.database;
  const queries = topUpQueries(db);
  const booking = bookingById(db, bookingId);
  if (!booking) return NOT_FOUND;
  if (!mayActFor(db, actor, booking.holderUserId, "book")) return FORBIDDEN;
  if (booking.status !== "awaiting_payment" || !booking.paymentDueBy || booking.paymentDueBy <= now) {
    return invalid("payment", "This booking is not waiting for a payment");
  }
  const existing = queries.pendingPayment.get({ bookingId });
  const paymentId = existing?.id ?? randomUUID();
  if (!existing) {
    db.insert(payments)
      .values({
        id: paymentId,
        bookingId,
        holderUserId: booking.holderUserId,
        gateway: ctx.payments.kind,
        amountPence: booking.topUpPence,
        status: "pending",
        createdAt: now,
      })
      .run();
  }
  const service = queries.serviceAndProvider.get({ serviceId: booking.serviceId });
  const holderEmail = emailAddressOf(db, booking.holderUserId);
  const session = await ctx.payments.createCheckout({
    paymentId,
    bookingId,
    amountPence: booking.topUpPence,
    description: `Top-up for ${service?.title ?? "care"} from ${service?.provider ?? "a provider"} (${formatPence(booking.topUpPence)})`,
    customerEmail: holderEmail ?? undefined,
    successUrl: `${origin}/bookings/${bookingId}?paid=1`,
    cancelUrl: `${origin}/bookings/${bookingId}`,
    // Stripe needs at least 30 minutes; the booking's own deadline is enforced by our sweeper.
    expiresAt: new Date(Math.max(booking.paymentDueBy, now + 31 * 60_000)),
  });
  db.update(payments).set({ checkoutSessionId: session.sessionId }).where(eq(payments.id, paymentId)).run();
  return { ok: true, url: session.url };
}

function sessionMetadata(
  event: Stripe.Event,
): { sessionId: string; paymentId: string; paymentIntentId: string | null } | null {
  const session = event.data.object as Stripe.Checkout.Session;
  const paymentId = session.metadata?.paymentId;
  if (!paymentId || typeof session.id !== "string") return null;
  const intent = session.payment_intent;
  return {
    sessionId: session.id,
    paymentId,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? null),
  };
}

/** Applies a verified Stripe event exactly once. */
export function handleStripeEvent(
  ctx: AppContext,
  event: Stripe.Event,
  now = Date.now(),
): { outcome: "processed" | "duplicate" | "ignored"; refund?: CardRefund | null } {
  return immediateTransaction(ctx.database, (tx) => {
    const seen = tx.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).get();
    if (seen) return { outcome: "duplicate" as const };
    tx.insert(stripeEvents).values({ id: event.id, type: event.type, receivedAt: now }).run();
    const meta = sessionMetadata(event);
    if (!meta) return { outcome: "ignored" as const };
    if (event.type === "checkout.session.completed") {
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status !== "paid") return { outcome: "ignored" as const };
      const result = markTopUpPaid(tx, { ...meta, amountPence: session.amount_total ?? 0, now });
      return { outcome: result === "paid" || result === "late" ? ("processed" as const) : ("ignored" as const) };
    }
    if (event.type === "checkout.session.expired") {
      return {
        outcome:
          markCheckoutExpired(tx, { paymentId: meta.paymentId, now }) === "expired"
            ? ("processed" as const)
            : ("ignored" as const),
      };
    }
    return { outcome: "ignored" as const };
  });
}

/** Sends a refund recorded by a use case to the card, after its transaction has committed. */
export async function sendRefund(ctx: AppContext, refund: CardRefund | null | undefined): Promise<void> {
  if (!refund) return;
  try {
    await ctx.payments.refund({
      paymentIntentId: refund.paymentIntentId,
      amountPence: refund.amountPence,
      idempotencyKey: refund.idempotencyKey,
    });
  } catch (error) {
    // The ledger already owes the refund; an operator can resend it with the same idempotency key.
    console.error(`Refund ${refund.idempotencyKey} could not be sent:`, error);
  }
}

export interface PaymentForCheckout {
  paymentId: string;
  bookingId: string;
  holderUserId: string;
  amountPence: number;
  status: "pending" | "paid" | "expired" | "refunded" | "partly_refunded";
  serviceTitle: string;
  providerName: string;
}

/**
 * The payment behind a demo checkout session, for someone who may pay it: the budget holder, or a
 * family member they allow to book for them (the same rule as starting the top-up).
 */
export function paymentForCheckout(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
): { ok: true; payment: PaymentForCheckout } | Refusal {
  const payment = findPaymentForCheckout(ctx, sessionId);
  if (!payment) return NOT_FOUND;
  if (!mayActFor(ctx.database.db, actor, payment.holderUserId, "book")) return FORBIDDEN;
  return { ok: true, payment };
}

/** What the demo checkout page shows for a session, or null; no permission check. */
export function findPaymentForCheckout(ctx: AppContext, sessionId: string): PaymentForCheckout | null {
  const row = ctx.database.db
    .select({ payment: payments, title: services.title, providerName: providers.name })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(payments.checkoutSessionId, sessionId))
    .get();
  if (!row) return null;
  return {
    paymentId: row.payment.id,
    bookingId: row.payment.bookingId,
    holderUserId: row.payment.holderUserId,
    amountPence: row.payment.amountPence,
    status: row.payment.status,
    serviceTitle: row.title,
    providerName: row.providerName,
  };
}
