/** Bookings, their visits, card payments of top-ups and the Stripe events already handled. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, updatedAt, pence } from "./columns";
import { BOOKING_STATUSES, PAYMENT_STATUSES, VISIT_STATUSES } from "./enums";
import { users } from "./accounts";
import { providers, services } from "./catalogue";

/** A booking: a schedule of visits of one service for one budget holder. */
export const bookings = sqliteTable(
  "bookings",
  {
    id: id(),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    /** Who made it: the holder, or a family member acting for them. */
    createdByUserId: text("created_by_user_id").notNull(),
    status: text("status", { enum: BOOKING_STATUSES }).notNull(),
    /** The weekly pattern as chosen (start date, days, time, length, weeks). */
    pattern: text("pattern", { mode: "json" })
      .$type<{ startDate: string; days: string[]; startTime: string; durationMinutes: number; weeks: number }>()
      .notNull(),
    totalPence: pence("total_pence"),
    budgetPence: pence("budget_pence"),
    topUpPence: pence("top_up_pence"),
    /** Unpaid top-ups expire at this time and release the held budget. */
    paymentDueBy: integer("payment_due_by"),
    declineReason: text("decline_reason"),
    respondedAt: integer("responded_at"),
    respondedByUserId: text("responded_by_user_id"),
    cancelledByUserId: text("cancelled_by_user_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bookings_holder_idx").on(t.holderUserId),
    index("bookings_provider_idx").on(t.providerId, t.status),
    index("bookings_service_idx").on(t.serviceId),
    index("bookings_due_idx").on(t.status, t.paymentDueBy),
  ],
);

/** Each visit of a booking, priced from the rate card when booked. */
export const bookingVisits = sqliteTable(
  "booking_visits",
  {
    id: id(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at").notNull(),
    localDate: text("local_date").notNull(),
    startTime: text("start_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    dayType: text("day_type").notNull(),
    ratePence: pence("rate_pence"),
    costPence: pence("cost_pence"),
    minimumApplied: integer("minimum_applied", { mode: "boolean" }).notNull(),
    periodIndex: integer("period_index").notNull(),
    budgetPence: pence("budget_pence"),
    topUpPence: pence("top_up_pence"),
    status: text("status", { enum: VISIT_STATUSES }).notNull().default("scheduled"),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    index("booking_visits_booking_idx").on(t.bookingId),
    index("booking_visits_due_idx").on(t.status, t.startsAt),
  ],
);

/** Card payments of top-ups, through Stripe Checkout or the demo checkout. */
export const payments = sqliteTable(
  "payments",
  {
    id: id(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    holderUserId: text("holder_user_id").notNull(),
    gateway: text("gateway", { enum: ["stripe", "demo"] }).notNull(),
    checkoutSessionId: text("checkout_session_id"),
    paymentIntentId: text("payment_intent_id"),
    amountPence: pence("amount_pence"),
    refundedPence: integer("refunded_pence").notNull().default(0),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull(),
    createdAt: integer("created_at").notNull(),
    paidAt: integer("paid_at"),
  },
  (t) => [
    uniqueIndex("payments_session_unique").on(t.checkoutSessionId),
    index("payments_booking_idx").on(t.bookingId),
  ],
);

/** Stripe webhook events already handled: each event id is processed once. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: id(),
  type: text("type").notNull(),
  receivedAt: integer("received_at").notNull(),
});
