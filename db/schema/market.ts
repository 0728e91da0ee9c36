/** What the council's market view needs that the rest of the schema does not keep: search counts and score history. */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** What a search found: something, nothing, or only services dearer than the area's median rate. */
export const SEARCH_OUTCOMES = ["found", "none", "only_dearer"] as const;

/**
 * Searches counted by London day, area, category and outcome: never the query text, never who searched.
 * An empty string means the search did not choose an area or category.
 */
export const searchCounts = sqliteTable(
  "search_counts",
  {
    day: text("day").notNull(),
    area: text("area").notNull(),
    category: text("category").notNull(),
    outcome: text("outcome", { enum: SEARCH_OUTCOMES }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.area, t.category, t.outcome] })],
);

/**
 * A provider's quality score once a London day, written when the score is recomputed, so the council can
 * see whose score fell in the last 90 days.
 */
export const qualityScoreHistory = sqliteTable(
  "quality_score_history",
  {
    providerId: text("provider_id").notNull(),
    day: text("day").notNull(),
    score: integer("score").notNull(),
    recordedAt: integer("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.day] }), index("quality_score_history_day_idx").on(t.day)],
);
