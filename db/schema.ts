/**
 * The database schema. Names follow DESIGN.md. Times are integer milliseconds since the epoch, UTC,
 * except `sessions.expires_at`, which lucia's adapter stores in seconds.
 * Money, when it arrives, is integer pence.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const USER_ROLES = ["budget_holder", "family_member", "provider_staff", "council_admin"] as const;
export const ACCREDITATION_STATUSES = ["pending", "approved", "suspended"] as const;
export const PROVIDER_TYPES = [
  "home_care_agency",
  "day_service",
  "respite",
  "supported_living",
  "micro_provider",
  "personal_assistant",
  "equipment",
  "community_activity",
] as const;
export const CQC_RATINGS = [
  "outstanding",
  "good",
  "requires_improvement",
  "inadequate",
  "not_yet_rated",
  "not_required",
] as const;
export const SERVICE_STATUSES = ["live", "paused", "archived"] as const;
export const RATE_UNITS = ["hour", "visit", "day", "item"] as const;
export const PRICING_MODES = ["single", "by_day_type"] as const;
export const PERIOD_LENGTHS = ["weekly", "four_weekly", "monthly"] as const;
export const MONEY_MANAGEMENT_OPTIONS = ["direct_payment", "isf", "council_managed", "self_funded"] as const;
export const LEDGER_KINDS = [
  "allocation",
  "carry_over",
  "booking_hold",
  "booking_release",
  "booking_charge",
  "top_up_paid",
  "refund",
  "adjustment",
] as const;
export const LEDGER_ACCOUNTS = ["budget", "card"] as const;
export const BOOKING_STATUSES = [
  "awaiting_payment",
  "requested",
  "accepted",
  "declined",
  "cancelled",
  "completed",
  "expired",
] as const;
export const VISIT_STATUSES = ["scheduled", "delivered", "cancelled"] as const;
export const PAYMENT_STATUSES = ["pending", "paid", "expired", "refunded", "partly_refunded"] as const;
export const FAMILY_LINK_STATUSES = ["invited", "active", "removed"] as const;
export const OUTBOX_ENTITIES = ["service", "provider"] as const;
export const OUTBOX_OPERATIONS = ["upsert", "delete"] as const;

const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const providers = sqliteTable(
  "providers",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    type: text("type", { enum: PROVIDER_TYPES }).notNull(),
    accreditationStatus: text("accreditation_status", { enum: ACCREDITATION_STATUSES }).notNull().default("pending"),
    /** Why the council suspended the provider; shown to the provider. */
    accreditationReason: text("accreditation_reason"),
    shortDescription: text("short_description").notNull().default(""),
    description: text("description").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    cqcRegistrationNumber: text("cqc_registration_number"),
    cqcRating: text("cqc_rating", { enum: CQC_RATINGS }).notNull().default("not_yet_rated"),
    /** Local date of the last CQC inspection, "YYYY-MM-DD". */
    cqcInspectedOn: text("cqc_inspected_on"),
    /** File name of the uploaded logo under the uploads folder. */
    logoFile: text("logo_file"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("providers_slug_unique").on(t.slug), index("providers_status_idx").on(t.accreditationStatus)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-cased so sign-in is case-insensitive. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    /** Set for provider staff only: the one provider they belong to. */
    providerId: text("provider_id").references(() => providers.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_provider_idx").on(t.providerId)],
);

/** The council's towns and localities, with coordinates for distance sorting. Reference data. */
export const localities = sqliteTable("localities", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  latitude: real("latitude").notNull(),
  longitude: real("longitude").notNull(),
});

/** Localities a provider serves. */
export const providerAreas = sqliteTable(
  "provider_areas",
  {
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    localityId: text("locality_id")
      .notNull()
      .references(() => localities.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.localityId] })],
);

/** Every accreditation decision, with who made it: the provider sees the latest reason. */
export const accreditationDecisions = sqliteTable(
  "accreditation_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    status: text("status", { enum: ACCREDITATION_STATUSES }).notNull(),
    reason: text("reason"),
    decidedByUserId: text("decided_by_user_id"),
    decidedAt: integer("decided_at").notNull(),
  },
  (t) => [index("accreditation_decisions_provider_idx").on(t.providerId)],
);

/**
 * What a provider sells, with its rate card. Rates are integer pence per unit; a null bank-holiday
 * rate means "same as the weekend rate". Lists (outcomes, days) are JSON arrays of fixed keys.
 */
export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    outcomes: text("outcomes", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: SERVICE_STATUSES }).notNull().default("live"),
    days: text("days", { mode: "json" }).$type<string[]>().notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    bankHolidays: integer("bank_holidays", { mode: "boolean" }).notNull().default(false),
    rateUnit: text("rate_unit", { enum: RATE_UNITS }).notNull(),
    pricing: text("pricing", { enum: PRICING_MODES }).notNull(),
    weekdayRatePence: integer("weekday_rate_pence").notNull(),
    weekendRatePence: integer("weekend_rate_pence").notNull(),
    bankHolidayRatePence: integer("bank_holiday_rate_pence"),
    minimumChargePence: integer("minimum_charge_pence"),
    pricePublished: integer("price_published", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("services_provider_idx").on(t.providerId), index("services_status_idx").on(t.status)],
);

/** Localities a service covers: a subset of its provider's. */
export const serviceAreas = sqliteTable(
  "service_areas",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    localityId: text("locality_id")
      .notNull()
      .references(() => localities.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.localityId] }), index("service_areas_locality_idx").on(t.localityId)],
);

/** A budget holder's personal budget: how much, how often, and how the money is managed. */
export const budgetAccounts = sqliteTable("budget_accounts", {
  holderUserId: text("holder_user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  periodLength: text("period_length", { enum: PERIOD_LENGTHS }).notNull().default("four_weekly"),
  /** Local date the first budget period starts, "YYYY-MM-DD". */
  firstPeriodStart: text("first_period_start").notNull(),
  /** Integer pence per period; 0 for self-funders. */
  allocationPence: integer("allocation_pence").notNull(),
  moneyManagement: text("money_management", { enum: MONEY_MANAGEMENT_OPTIONS }).notNull(),
  /** For an individual service fund: the provider holding it. */
  isfProviderId: text("isf_provider_id").references(() => providers.id),
  carryOverPercent: integer("carry_over_percent").notNull().default(0),
  updatedAt: integer("updated_at").notNull(),
  updatedByUserId: text("updated_by_user_id"),
});

/**
 * The append-only ledger (DESIGN.md, Money rules; sign convention in app/domain/ledger.ts). Balances
 * are sums of these rows; nothing here is ever updated or deleted.
 */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    account: text("account", { enum: LEDGER_ACCOUNTS }).notNull(),
    amountPence: integer("amount_pence").notNull(),
    periodIndex: integer("period_index"),
    bookingId: text("booking_id"),
    paymentId: text("payment_id"),
    note: text("note"),
    /** Who caused it: the holder, a family member, provider staff, the council, or null for the system. */
    createdByUserId: text("created_by_user_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("ledger_holder_period_idx").on(t.holderUserId, t.periodIndex),
    index("ledger_booking_idx").on(t.bookingId),
  ],
);

/** A booking: a schedule of visits of one service for one budget holder. */
export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
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
    totalPence: integer("total_pence").notNull(),
    budgetPence: integer("budget_pence").notNull(),
    topUpPence: integer("top_up_pence").notNull(),
    /** Unpaid top-ups expire at this time and release the held budget. */
    paymentDueBy: integer("payment_due_by"),
    declineReason: text("decline_reason"),
    respondedAt: integer("responded_at"),
    respondedByUserId: text("responded_by_user_id"),
    cancelledByUserId: text("cancelled_by_user_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
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
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at").notNull(),
    localDate: text("local_date").notNull(),
    startTime: text("start_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    dayType: text("day_type").notNull(),
    ratePence: integer("rate_pence").notNull(),
    costPence: integer("cost_pence").notNull(),
    minimumApplied: integer("minimum_applied", { mode: "boolean" }).notNull(),
    periodIndex: integer("period_index").notNull(),
    budgetPence: integer("budget_pence").notNull(),
    topUpPence: integer("top_up_pence").notNull(),
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
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    holderUserId: text("holder_user_id").notNull(),
    gateway: text("gateway", { enum: ["stripe", "demo"] }).notNull(),
    checkoutSessionId: text("checkout_session_id"),
    paymentIntentId: text("payment_intent_id"),
    amountPence: integer("amount_pence").notNull(),
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
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: integer("received_at").notNull(),
});

/** A review of a service the holder booked (a verified purchase), by the holder or linked family. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    holderUserId: text("holder_user_id").notNull(),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id),
    writtenByFamily: integer("written_by_family", { mode: "boolean" }).notNull(),
    overall: integer("overall").notNull(),
    quality: integer("quality").notNull(),
    reliability: integer("reliability").notNull(),
    communication: integer("communication").notNull(),
    value: integer("value").notNull(),
    title: text("title").notNull(),
    /** Stored exactly as typed; always escaped when shown. */
    body: text("body").notNull(),
    status: text("status", { enum: ["visible", "hidden"] })
      .notNull()
      .default("visible"),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id"),
    providerReply: text("provider_reply"),
    providerReplyAt: integer("provider_reply_at"),
    providerReplyByUserId: text("provider_reply_by_user_id"),
    helpfulCount: integer("helpful_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_booking_author_unique").on(t.bookingId, t.authorUserId),
    index("reviews_service_idx").on(t.serviceId, t.status),
    index("reviews_provider_idx").on(t.providerId, t.status),
  ],
);

/** One "helpful" mark per signed-in person per review. */
export const reviewHelpfulMarks = sqliteTable(
  "review_helpful_marks",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

/** Reports of reviews for the council to look at. */
export const reviewReports = sqliteTable(
  "review_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    reportedByUserId: text("reported_by_user_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("review_reports_open_idx").on(t.resolvedAt)],
);

/**
 * The quality signal of each provider and service, recomputed in the transaction of every review,
 * moderation, booking outcome or rating change, and copied into the search documents.
 */
export const qualitySignals = sqliteTable(
  "quality_signals",
  {
    subject: text("subject", { enum: ["provider", "service"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    stars: real("stars").notNull(),
    reviewCount: integer("review_count").notNull(),
    score: integer("score").notNull(),
    rebookRate: real("rebook_rate").notNull(),
    walkAwayRate: real("walk_away_rate").notNull(),
    /** The whole computed signal (histogram, dimensions, parts), for pages that explain it. */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    explanation: text("explanation").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.subjectId] })],
);

/** lucia v3 sessions. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Profile basics of a budget holder (the person whose personal budget it is). */
export const budgetHolders = sqliteTable("budget_holders", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** What the person likes to be called; providers see this and the area only. */
  preferredName: text("preferred_name").notNull(),
  /** The locality they live in (a town or area of the council). */
  area: text("area"),
  phone: text("phone"),
  createdAt: createdAt(),
});

/** A family member or supporter linked to a budget holder, with permissions the holder sets. */
export const familyLinks = sqliteTable(
  "family_links",
  {
    id: text("id").primaryKey(),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null until the invite is accepted. */
    familyUserId: text("family_user_id").references(() => users.id, { onDelete: "cascade" }),
    invitedEmail: text("invited_email").notNull(),
    relationship: text("relationship").notNull(),
    status: text("status", { enum: FAMILY_LINK_STATUSES }).notNull().default("invited"),
    canViewBudget: integer("can_view_budget", { mode: "boolean" }).notNull().default(true),
    canBook: integer("can_book", { mode: "boolean" }).notNull().default(false),
    canReview: integer("can_review", { mode: "boolean" }).notNull().default(false),
    /** sha-256 of the invite token; the token itself is only ever shown to the holder. */
    inviteTokenHash: text("invite_token_hash"),
    createdAt: createdAt(),
  },
  (t) => [index("family_links_holder_idx").on(t.holderUserId), index("family_links_family_idx").on(t.familyUserId)],
);

/** Sign-in attempts, for rate limiting per account and per IP address. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    attemptedAt: integer("attempted_at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.attemptedAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);

/**
 * Transactional outbox for the search index: every write that changes a search document adds a row
 * in the same transaction; the indexer in search/ drains it, so nothing is lost if Meilisearch is down.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entity: text("entity", { enum: OUTBOX_ENTITIES }).notNull(),
    entityId: text("entity_id").notNull(),
    operation: text("operation", { enum: OUTBOX_OPERATIONS }).notNull(),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull().default(0),
    lastError: text("last_error"),
    processedAt: integer("processed_at"),
  },
  (t) => [index("search_outbox_pending_idx").on(t.processedAt, t.nextAttemptAt)],
);

export type UserRole = (typeof USER_ROLES)[number];
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];
export type UserRow = typeof users.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CqcRatingKey = (typeof CQC_RATINGS)[number];
export type BookingRow = typeof bookings.$inferSelect;
export type BookingVisitRow = typeof bookingVisits.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type BudgetAccountRow = typeof budgetAccounts.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;
