/**
 * Community pages (issue #15 parts 3 and 4): tips that budget holders and family members share, and
 * local community activities listed by community-activity providers and the council.
 * Free text is stored exactly as typed and always escaped when shown.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, updatedAt } from "./columns";
import { users } from "./accounts";
import { localities, providers, services } from "./catalogue";

/**
 * A tip. The author is shown by role only ("A family member"), never by name. A council admin may hide
 * it with a reason the author sees; hidden tips leave the listing and the tips search index.
 */
export const tips = sqliteTable(
  "tips",
  {
    id: id(),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorRole: text("author_role", { enum: ["budget_holder", "family_member"] }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A key of TIP_TOPICS (app/domain/tips.ts). */
    topic: text("topic").notNull(),
    /** A locality, or null for tips that hold anywhere. */
    areaId: text("area_id").references(() => localities.id),
    status: text("status", { enum: ["visible", "hidden"] })
      .notNull()
      .default("visible"),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id").references(() => users.id),
    hiddenAt: integer("hidden_at"),
    helpfulCount: integer("helpful_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tips_status_created_idx").on(t.status, t.createdAt), index("tips_author_idx").on(t.authorUserId)],
);

/** One "helpful" vote per signed-in person per tip. */
export const tipVotes = sqliteTable(
  "tip_votes",
  {
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tipId, t.userId] })],
);

/** A reply to a tip; hidden like a tip, with a reason its author sees. */
export const tipReplies = sqliteTable(
  "tip_replies",
  {
    id: id(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorRole: text("author_role", { enum: ["budget_holder", "family_member"] }).notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["visible", "hidden"] })
      .notNull()
      .default("visible"),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("tip_replies_tip_idx").on(t.tipId, t.createdAt)],
);

/** Reports of a tip (or one of its replies) for the council to look at. */
export const tipReports = sqliteTable(
  "tip_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    replyId: text("reply_id").references(() => tipReplies.id, { onDelete: "cascade" }),
    reportedByUserId: text("reported_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("tip_reports_open_idx").on(t.resolvedAt)],
);

/**
 * A community activity (club, group, class) that meets weekly. Listed by a community-activity
 * provider's staff (providerId set) or by the council (providerId null). Times are London wall-clock
 * "HH:MM" on `day`; cost is integer pence a session, 0 for free. Only an activity backed by one of its
 * provider's live services (`serviceId`) can be booked, through the ordinary booking page.
 */
export const activities = sqliteTable(
  "activities",
  {
    id: id(),
    providerId: text("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** A key of DAYS_OF_WEEK (app/domain/catalogue.ts). */
    day: text("day").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    areaId: text("area_id")
      .notNull()
      .references(() => localities.id),
    place: text("place").notNull(),
    costPence: integer("cost_pence").notNull(),
    /** How to go when it is not booked here: just turn up, or contact the organiser first. */
    joining: text("joining", { enum: ["turn_up", "contact"] }).notNull(),
    accessibility: text("accessibility").notNull().default(""),
    link: text("link"),
    serviceId: text("service_id").references(() => services.id, { onDelete: "set null" }),
    status: text("status", { enum: ["listed", "withdrawn"] })
      .notNull()
      .default("listed"),
    createdAt: integer("created_at").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("activities_listing_idx").on(t.status, t.day, t.areaId),
    index("activities_provider_idx").on(t.providerId),
  ],
);
