/** Conversations: questions a budget holder (or family allowed to book) asks a provider, and the answers. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";
import { users } from "./accounts";
import { bookings } from "./bookings";
import { providers, services } from "./catalogue";

/**
 * One thread between a budget holder's side (the holder and family acting for them) and one provider's
 * staff. Read state is kept per side: a side has unread messages when the other side wrote after it
 * last opened the thread. A report puts the thread on the council's moderation list. A question may be
 * about a service, a booking, or just the provider (a personal assistant's or micro-provider's listing).
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: id(),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    serviceId: text("service_id").references(() => services.id),
    bookingId: text("booking_id").references(() => bookings.id),
    subject: text("subject").notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastMessageAt: integer("last_message_at").notNull(),
    holderReadAt: integer("holder_read_at").notNull().default(0),
    providerReadAt: integer("provider_read_at").notNull().default(0),
    reportedAt: integer("reported_at"),
    reportedByUserId: text("reported_by_user_id").references(() => users.id),
    reportReason: text("report_reason"),
    /** When either side closed the thread: no more replies after that. */
    closedAt: integer("closed_at"),
    closedByUserId: text("closed_by_user_id").references(() => users.id),
    /** When each side agreed to share contact details; both must agree before either sees the other's. */
    holderSharesContactAt: integer("holder_shares_contact_at"),
    providerSharesContactAt: integer("provider_shares_contact_at"),
  },
  (t) => [
    index("conversations_holder_idx").on(t.holderUserId, t.lastMessageAt),
    index("conversations_provider_idx").on(t.providerId, t.lastMessageAt),
  ],
);

/** A message, with who wrote it as shown then ("Sam Ellis (son) for Margaret Ellis"). Plain text. */
export const conversationMessages = sqliteTable(
  "conversation_messages",
  {
    id: id(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id),
    side: text("side", { enum: ["holder", "provider"] }).notNull(),
    authorLabel: text("author_label").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("conversation_messages_thread_idx").on(t.conversationId, t.createdAt),
    index("conversation_messages_author_idx").on(t.authorUserId, t.createdAt),
  ],
);
