/** The search outbox: every change a search document needs, written in the same transaction. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { OUTBOX_ENTITIES, OUTBOX_OPERATIONS } from "./enums";

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
