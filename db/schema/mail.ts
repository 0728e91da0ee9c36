/** Email: the mail outbox (drained by the mail sender) and each account's email choices. */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./accounts";
import { EMAIL_KINDS } from "./enums";

/**
 * Transactional outbox for email, like the search outbox: the use case that makes the change adds the
 * message here in the same transaction; the sender delivers it over SMTP, retrying with a backoff, so a
 * change is never lost because mail is down. The message is rendered when it is written.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    /** The account it is for; null for an invite to someone without an account yet. */
    toUserId: text("to_user_id").references(() => users.id, { onDelete: "cascade" }),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull().default(0),
    lastError: text("last_error"),
    sentAt: integer("sent_at"),
  },
  (t) => [index("mail_outbox_pending_idx").on(t.sentAt, t.nextAttemptAt)],
);

/** The kinds of email an account has turned off (a missing row means the email is wanted). */
export const emailOptOuts = sqliteTable(
  "email_opt_outs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
