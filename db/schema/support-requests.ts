/**
 * Support requests (person-centred mini-tenders, DESIGN.md) and the quotes providers send for them.
 * A request row holds no name or contact: providers read it as it is, so the holder's account fields
 * stay in `users` and `budget_holders` until a quote is chosen.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bookings } from "./bookings";
import { providers, services } from "./catalogue";
import { users } from "./accounts";

export const SUPPORT_REQUEST_STATUSES = ["draft", "open", "closed"] as const;
export const SUPPORT_REQUEST_CLOSED_REASONS = ["chose_quote", "closed_without_choosing", "expired"] as const;
export const SUPPORT_REQUEST_EVENTS = [
  "created",
  "edited",
  "published",
  "chose_quote",
  "closed_without_choosing",
  "expired",
] as const;
export const QUOTE_STATUSES = ["live", "withdrawn", "chosen", "not_chosen"] as const;

export interface WeeklyPatternJson {
  startDate: string;
  days: string[];
  startTime: string;
  durationMinutes: number;
  weeks: number;
}

export const supportRequests = sqliteTable(
  "support_requests",
  {
    id: text("id").primaryKey(),
    /** "REQ-7K3Q": what providers and the person call the request. */
    reference: text("reference").notNull(),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id),
    /** Who wrote it: the holder, a family member or the council. */
    createdByUserId: text("created_by_user_id").notNull(),
    status: text("status", { enum: SUPPORT_REQUEST_STATUSES }).notNull().default("draft"),
    closedReason: text("closed_reason", { enum: SUPPORT_REQUEST_CLOSED_REASONS }),
    category: text("category").notNull(),
    outcomes: text("outcomes", { mode: "json" }).$type<string[]>().notNull(),
    area: text("area").notNull(),
    ageBand: text("age_band"),
    pattern: text("pattern", { mode: "json" }).$type<WeeklyPatternJson>().notNull(),
    /** null: what the budget covers a week. */
    weeklyAmountPence: integer("weekly_amount_pence"),
    whatMatters: text("what_matters").notNull(),
    /** "YYYY-MM-DD", London: the last day quotes may be sent. */
    closingDate: text("closing_date").notNull(),
    weekendCover: integer("weekend_cover", { mode: "boolean" }).notNull().default(false),
    sameCarer: integer("same_carer", { mode: "boolean" }).notNull().default(false),
    language: text("language"),
    carerGender: text("carer_gender").notNull().default("no_preference"),
    publishedAt: integer("published_at"),
    closedAt: integer("closed_at"),
    chosenQuoteId: text("chosen_quote_id"),
    bookingId: text("booking_id").references(() => bookings.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("support_requests_reference_unique").on(t.reference),
    index("support_requests_holder_idx").on(t.holderUserId),
    index("support_requests_open_idx").on(t.status, t.closingDate),
  ],
);

/** Who changed a request and when: "Published by Sam Ellis (son) for Margaret". Null actor: the system. */
export const supportRequestEvents = sqliteTable(
  "support_request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUPPORT_REQUEST_EVENTS }).notNull(),
    actorUserId: text("actor_user_id"),
    at: integer("at").notNull(),
  },
  (t) => [index("support_request_events_request_idx").on(t.requestId)],
);

/**
 * The approved providers a published request was sent to (matching category and area): their "Requests
 * to quote for" list, and the facts for how quickly and how often each provider answers.
 */
export const supportRequestMatches = sqliteTable(
  "support_request_matches",
  {
    requestId: text("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    matchedAt: integer("matched_at").notNull(),
    declinedAt: integer("declined_at"),
    declineReason: text("decline_reason"),
    /** When the provider first sent a quote: how quickly it answered. */
    firstQuotedAt: integer("first_quoted_at"),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.providerId] }),
    index("support_request_matches_provider_idx").on(t.providerId, t.matchedAt),
  ],
);

/** One provider's priced answer to a request: one row per provider per request, revised in place. */
export const quotes = sqliteTable(
  "quotes",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    /** What would be booked. */
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    status: text("status", { enum: QUOTE_STATUSES }).notNull().default("live"),
    /** The rate card the quote is priced with: the service's, or one made for this request. */
    unit: text("unit").notNull(),
    weekdayPence: integer("weekday_pence").notNull(),
    weekendPence: integer("weekend_pence").notNull(),
    bankHolidayPence: integer("bank_holiday_pence"),
    minimumChargePence: integer("minimum_charge_pence"),
    ownRateCard: integer("own_rate_card", { mode: "boolean" }).notNull().default(false),
    startDate: text("start_date").notNull(),
    weeklyPence: integer("weekly_pence").notNull(),
    totalPence: integer("total_pence").notNull(),
    /** How the provider would meet each outcome the person asked for: outcome key → text. */
    howMeet: text("how_meet", { mode: "json" }).$type<Record<string, string>>().notNull(),
    notes: text("notes").notNull().default(""),
    sentByUserId: text("sent_by_user_id").notNull(),
    sentAt: integer("sent_at").notNull(),
    revisedAt: integer("revised_at"),
    withdrawnAt: integer("withdrawn_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("quotes_request_provider_unique").on(t.requestId, t.providerId),
    index("quotes_provider_idx").on(t.providerId),
  ],
);

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type QuoteRow = typeof quotes.$inferSelect;
export type SupportRequestMatchRow = typeof supportRequestMatches.$inferSelect;
