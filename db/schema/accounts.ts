/** People and sign-in: accounts, lucia sessions, budget holders' profiles, family links and sign-in attempts. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, createdAt } from "./columns";
import { FAMILY_LINK_STATUSES, USER_ROLES } from "./enums";
import { providers } from "./catalogue";

export const users = sqliteTable(
  "users",
  {
    id: id(),
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

/** lucia v3 sessions. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
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
    id: id(),
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
