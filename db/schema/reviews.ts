/** Reviews, helpful marks, reports, and the quality signal computed from them and from bookings. */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, updatedAt } from "./columns";
import { users } from "./accounts";
import { bookings } from "./bookings";
import { providers, services } from "./catalogue";

/** A review of a service the holder booked (a verified purchase), by the holder or linked family. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: id(),
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
    updatedAt: updatedAt(),
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
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.subjectId] })],
);
